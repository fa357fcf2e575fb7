'use client';

import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/cn';

/** Whether the element's content is wider than the element, kept up to date as either resizes. */
function useOverflowsX<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return [ref, overflows] as const;
}

interface ScrollRegionProps {
  /** The region's accessible name, e.g. "Current state: drawn map". */
  label: string;
  /** Said above the region only while its content is wider than it is. */
  hint: string;
  className?: string;
  hintClassName?: string;
  children: React.ReactNode;
}

/**
 * A box that scrolls sideways when its content is wider than the page allows, focusable so the
 * keyboard can scroll it, with a hint that shows only when there is something to scroll to.
 */
export function ScrollRegion({
  label,
  hint,
  className,
  hintClassName,
  children,
}: ScrollRegionProps) {
  const [ref, overflows] = useOverflowsX<HTMLDivElement>();
  return (
    <>
      {overflows ? (
        <p
          aria-hidden
          data-testid="scroll-hint"
          className={cn(
            'mb-1 text-right text-xs text-slate-500 dark:text-slate-400 print:hidden',
            hintClassName,
          )}
        >
          {hint}
        </p>
      ) : null}
      <div
        ref={ref}
        className={cn('overflow-x-auto', className)}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        {children}
      </div>
    </>
  );
}
