'use client';

/** The comparison's Recharts chart (loaded lazily by comparison-distribution.tsx). */
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '@/lib/format';

export interface StripPoint {
  /** The value, in the chart's unit. */
  x: number;
  /** The row (0, 1, …) plus a little spread so that equal values stay visible. */
  y: number;
  name: string;
  /** The value as the table writes it. */
  text: string;
}

export interface StripSeries {
  name: string;
  color: string;
  points: StripPoint[];
}

const axis = { tick: { fontSize: 11, fill: 'currentColor' }, stroke: 'currentColor' };

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}) {
  const point = payload?.[0]?.payload as StripPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs text-slate-900 shadow-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
      <p className="font-medium">{point.name}</p>
      <p>{point.text}</p>
    </div>
  );
}

/** One row per group, a dot per stream, a bar at each row's median. */
export function StripChart({
  rows,
  series,
  medians,
  unit,
}: {
  rows: string[];
  series: StripSeries[];
  medians: (number | null)[];
  unit: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} horizontal={false} />
        <XAxis
          type="number"
          dataKey="x"
          name="Value"
          tickFormatter={(v: number) => `${formatNumber(v)}${unit}`}
          {...axis}
          domain={[0, 'auto']}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[-0.5, rows.length - 0.5]}
          ticks={rows.map((_, i) => i)}
          tickFormatter={(i: number) => rows[i] ?? ''}
          reversed
          width={92}
          {...axis}
        />
        <Tooltip content={<PointTooltip />} cursor={false} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.map((s) => (
          <Scatter
            key={s.name}
            name={s.name}
            data={s.points}
            fill={s.color}
            isAnimationActive={false}
          />
        ))}
        {medians.map((m, i) =>
          m === null ? null : (
            <ReferenceLine
              key={rows[i]}
              segment={[
                { x: m, y: i - 0.38 },
                { x: m, y: i + 0.38 },
              ]}
              stroke="#64748b"
              strokeWidth={2}
              ifOverflow="extendDomain"
            />
          ),
        )}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
