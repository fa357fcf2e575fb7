import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { TRPCReactProvider } from '@/components/trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Valuestream', template: '%s · Valuestream' },
  description: 'Map, measure and improve your value streams.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry this request's CSP nonce (proxy.ts), which a
  // page prerendered at build time could not know.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <NuqsAdapter>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
