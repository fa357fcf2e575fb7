import { useDurationView } from '@/components/ui/duration-view';
import { formatDuration, formatPercent } from '@/lib/format';
import { waitTimeSeconds, type MapStep, type MapTotals, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { LAYOUT as L, type MapGeometry } from './geometry';
import { svg } from './theme';

interface LadderProps {
  steps: MapStep[];
  geo: MapGeometry;
  calendar: WorkingCalendar;
  bottleneckIndex: number | null;
}

/**
 * The timeline ladder under the map, drawn as a square wave: the upper rung under each gap is the
 * step's wait time (work queued before it), the lower rung under each process box its process time.
 */
export function TimelineLadder({ steps, geo, calendar, bottleneckIndex }: LadderProps) {
  const view = useDurationView();
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, view });
  const up = geo.rungUp;
  const low = geo.rungLow;
  const points: string[] = [];
  steps.forEach((_, i) => {
    const gx = geo.gapX(i);
    const bx = geo.boxX(i);
    points.push(`${gx},${up}`, `${bx},${up}`, `${bx},${low}`, `${bx + L.boxW},${low}`);
  });
  const end = geo.boxX(steps.length - 1) + L.boxW;
  return (
    <g>
      <polyline
        points={points.join(' ')}
        fill="none"
        strokeWidth={2}
        strokeLinejoin="miter"
        className={svg.line}
      />
      <line
        x1={end}
        y1={low}
        x2={geo.totalsX - 4}
        y2={low}
        strokeWidth={1.5}
        strokeDasharray="4 4"
        className={svg.line}
      />
      {steps.map((step, i) => {
        const gx = geo.gapX(i);
        const bx = geo.boxX(i);
        const isBottleneck = i === bottleneckIndex;
        const wait = fmt(waitTimeSeconds(step));
        const process = fmt(step.processTimeSeconds);
        return (
          <g key={i}>
            {isBottleneck ? (
              <line
                x1={gx}
                y1={up}
                x2={bx}
                y2={up}
                strokeWidth={4}
                strokeLinecap="round"
                className={svg.bottleneckStroke}
              />
            ) : null}
            <text
              x={gx + L.gap / 2}
              y={up - 8}
              textAnchor="middle"
              fontSize={L.smallFont}
              fontWeight={isBottleneck ? 700 : 500}
              className={isBottleneck ? svg.bottleneckText : svg.text}
            >
              <title>{`${step.name}: wait time ${wait}`}</title>
              {wait}
            </text>
            <text
              x={bx + L.boxW / 2}
              y={low + 18}
              textAnchor="middle"
              fontSize={L.smallFont}
              fontWeight={500}
              className={svg.text}
            >
              <title>{`${step.name}: process time ${process}`}</title>
              {process}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The totals at the right end of the timeline. */
export function TotalsBox({
  totals,
  geo,
  calendar,
}: {
  totals: MapTotals;
  geo: MapGeometry;
  calendar: WorkingCalendar;
}) {
  const view = useDurationView();
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, view });
  const rows = [
    { label: 'Lead time', value: fmt(totals.totalLeadTimeSeconds), strong: true },
    { label: 'Wait time', value: fmt(totals.totalWaitTimeSeconds), strong: false },
    { label: 'Process time', value: fmt(totals.totalProcessTimeSeconds), strong: true },
    {
      label: 'Flow efficiency',
      value: formatPercent(totals.flowEfficiency, { fromRatio: true }),
      strong: true,
    },
    { label: 'Rolled %C&A', value: formatPercent(totals.rolledPctCompleteAccurate), strong: true },
  ];
  const x = geo.totalsX;
  const top = geo.totalsTop;
  const height = geo.totalsBottom - top;
  const headerH = 30;
  const rowH = (height - headerH - 8) / rows.length;
  return (
    <g>
      <rect
        x={x}
        y={top}
        width={L.totalsW}
        height={height}
        rx={4}
        strokeWidth={1.5}
        className={cn(svg.totalsFill, svg.boxStroke)}
      />
      <text x={x + 12} y={top + 20} fontSize={L.font} fontWeight={700} className={svg.text}>
        Totals
      </text>
      <line
        x1={x}
        x2={x + L.totalsW}
        y1={top + headerH}
        y2={top + headerH}
        strokeWidth={1}
        className={svg.boxStroke}
      />
      {rows.map((row, k) => {
        const baseline = top + headerH + 4 + k * rowH + rowH / 2 + 5;
        return (
          <g key={row.label}>
            <text x={x + 12} y={baseline} fontSize={L.smallFont + 1} className={svg.muted}>
              {row.label}
            </text>
            <text
              x={x + L.totalsW - 12}
              y={baseline}
              textAnchor="end"
              fontSize={L.font + 1}
              fontWeight={row.strong ? 700 : 500}
              className={svg.text}
            >
              {row.value}
            </text>
          </g>
        );
      })}
    </g>
  );
}
