import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IdentificationGuide } from '@/components/guide/guide';

export const metadata: Metadata = { title: 'Identify a value stream' };

/** The seven-step identification guide; `?draft=<id>` resumes a draft. */
export default function NewStreamPage() {
  return (
    <Suspense>
      <IdentificationGuide />
    </Suspense>
  );
}
