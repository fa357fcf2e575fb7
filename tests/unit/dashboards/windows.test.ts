import { describe, expect, it } from 'vitest';
import { valuesIn } from '@/lib/dashboards/windows';

describe('valuesIn', () => {
  const weeks = [
    { week: '2025-03-10', v: 3 },
    { week: '2025-03-03', v: 2 },
    { week: '2025-02-24', v: 1 },
    { week: '2025-03-17', v: null },
    { week: '2025-03-24', v: 5 },
  ];
  it('keeps the weeks inside the window, oldest first, without missing values', () => {
    expect(valuesIn(weeks, { from: '2025-03-03', to: '2025-03-23' }, (w) => w.v)).toEqual([2, 3]);
    expect(valuesIn(weeks, null, (w) => w.v)).toEqual([]);
  });
});
