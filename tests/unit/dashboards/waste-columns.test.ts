import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { wasteColumns } from '@/db/queries/dashboards/waste';
import { measurements } from '@/db/schema';

describe('wasteColumns', () => {
  it('names the waste-hours columns of measurements, one per waste of lib/vsm, in its order', () => {
    const stored = Object.values(getTableColumns(measurements))
      .map((c) => c.name)
      .filter((name) => /^waste_\w+_hours$/.test(name));
    expect(wasteColumns).toEqual(stored);
  });
});
