'use client';

import { Button } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';

interface PagerProps {
  page: number;
  pageCount: number;
  /** The first and last row shown (from 1), of `count`. */
  first: number;
  last: number;
  count: number;
  onPage: (page: number) => void;
}

/** Previous and next page of a long list, saying which rows are shown. */
export function Pager({ page, pageCount, first, last, count, onPage }: PagerProps) {
  return (
    <nav aria-label="Pages of measurements" className="flex items-center justify-between gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Rows {formatNumber(first, 0)}–{formatNumber(last, 0)} of {formatNumber(count, 0)} · page{' '}
        {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          Next page
        </Button>
      </div>
    </nav>
  );
}
