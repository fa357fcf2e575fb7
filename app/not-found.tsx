import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">
        There is nothing here, or it belongs to an organization you are not a member of.
      </p>
      <Link
        href="/"
        className="font-medium text-indigo-600 underline underline-offset-4 hover:text-indigo-500"
      >
        Go to your organization
      </Link>
    </main>
  );
}
