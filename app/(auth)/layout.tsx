import Link from 'next/link';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <Link
        href="/"
        className="mb-6 text-xl font-bold tracking-tight text-indigo-700 dark:text-indigo-400"
      >
        Valuestream
      </Link>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
