/** The comparison and waste pages' CSV files and the improvement marks on the waste charts. */
import { describe, expect, it } from 'vitest';
import { comparisonCsv } from '@/components/dashboards/comparison-export';
import { wasteCsv } from '@/components/dashboards/waste-export';
import { markersOf } from '@/components/dashboards/waste-markers';
import type { Comparison } from '@/server/services/comparison';
import type { WasteReduction } from '@/server/services/waste-reduction';
import { defaultCalendar } from '@/lib/vsm/types';

describe('markersOf', () => {
  const weeks = ['2025-03-03', '2025-03-10', '2025-03-17'].map((week) => ({ week }));
  it('numbers each improvement at its start week and its completion week, one label a week, inside the range only', () => {
    const marks = markersOf({
      weeks,
      improvements: [
        { number: 1, startWeek: '2025-02-17', completedWeek: '2025-03-10' },
        { number: 2, startWeek: '2025-03-03', completedWeek: '2025-03-03' },
        { number: 3, startWeek: '2025-03-10', completedWeek: null },
      ],
    });
    expect(marks).toEqual([
      { week: '2025-03-10', label: '1✓ 3' },
      { week: '2025-03-03', label: '2✓' },
    ]);
  });
});

describe('comparisonCsv', () => {
  it('writes one row per group, lead time in hours, missing figures as empty cells', () => {
    const group = {
      key: 'operational',
      by: 'kind',
      label: 'Operational',
      calendar: defaultCalendar,
      streams: 2,
      measured: 1,
      medianLead: 5400,
      flowEfficiency: 12.345,
      throughputPerWeek: 10,
      wip: null,
      pct: 77.5,
      wastePerWeek: 16,
    };
    const data = {
      range: { from: '2025-03-03', to: '2025-03-30', preset: 'custom' },
      groups: [group],
      streams: [],
      links: [],
    } as unknown as Comparison;
    expect(comparisonCsv(data).split('\n')).toEqual([
      'group,grouped_by,streams,streams_measured,median_lead_time_hours,flow_efficiency_pct,throughput_per_week,wip,pct_complete_accurate,waste_hours_per_week,from,to,hours_per_working_day,days_per_working_week',
      'Operational,kind,2,1,1.5,12.35,10,,77.5,16,2025-03-03,2025-03-30,8,5',
    ]);
  });

  it('leaves the calendar blank for a group whose streams work different days', () => {
    const data = {
      range: { from: '2025-03-03', to: '2025-03-30', preset: 'custom' },
      groups: [{ key: 'development', by: 'kind', label: 'Development', calendar: null }],
      streams: [],
      links: [],
    } as unknown as Comparison;
    expect(comparisonCsv(data).split('\n')[1]).toMatch(/,2025-03-30,,$/);
  });
});

describe('wasteCsv', () => {
  it('writes every week with its categories, total, baseline and hours saved', () => {
    const hours = [1, 0, 10, 0, 0, 0, 0, 2.554];
    const data = {
      stream: { name: 'W1 orders' },
      baseline: { from: '2024-09-02', to: '2024-12-01', perWeek: 30 },
      weeks: [
        { week: '2025-03-03', hours, total: 13.554, reduction: 16.446, cumulative: 16.446 },
        { week: '2025-03-10', hours: null, total: null, reduction: null, cumulative: 16.446 },
      ],
    } as unknown as WasteReduction;
    const [header, first, second] = wasteCsv(data).split('\n');
    expect(header).toMatch(
      /^week_start,stream,waste_defects_hours,.*,waste_extra_processing_hours,total_hours,baseline_hours_per_week,baseline_from,baseline_to,saved_hours,saved_hours_so_far$/,
    );
    expect(first).toBe(
      '2025-03-03,W1 orders,1,0,10,0,0,0,0,2.55,13.55,30,2024-09-02,2024-12-01,16.45,16.45',
    );
    expect(second).toBe('2025-03-10,W1 orders,,,,,,,,,,30,2024-09-02,2024-12-01,,16.45');
  });
});
