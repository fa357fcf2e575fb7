'use client';

/** The waste page's Recharts charts (loaded lazily by waste-figures.tsx). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatShortDate } from '@/lib/format';
import { wasteColors } from './stream-charts';

export type WeekRow = Record<string, number | string | null>;

export interface Marker {
  week: string;
  label: string;
}

export interface Category {
  key: string;
  name: string;
  /** Position in DOWNTIME order, for the colour the stream dashboard gives it. */
  index: number;
}

const axis = { tick: { fontSize: 11, fill: 'currentColor' }, stroke: 'currentColor' };
const grid = <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} />;
const hours = (v: unknown) => `${formatNumber(Number(v))} h`;
const hoursTick = (v: number) => `${formatNumber(v, 0)} h`;
const weekTooltip = (
  <Tooltip
    labelFormatter={(w) => `Week of ${formatShortDate(String(w))}`}
    formatter={hours}
    contentStyle={{ fontSize: 12, color: '#0f172a' }}
  />
);

/** Amber, as on the stream dashboard (stream-charts.tsx): a line at the week, its number above the plot. */
function markers(list: Marker[]) {
  return list.map((m) => (
    <ReferenceLine
      key={m.week}
      x={m.week}
      stroke="#f59e0b"
      strokeWidth={1.5}
      label={{ value: m.label, fontSize: 10, fontWeight: 600, fill: '#d97706', position: 'top' }}
    />
  ));
}

/** Each category's weekly rate in the baseline beside the current one. */
export function CategoryBars({
  data,
}: {
  data: { name: string; baseline: number | null; current: number | null }[];
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
        {grid}
        <XAxis type="number" tickFormatter={hoursTick} {...axis} />
        <YAxis type="category" dataKey="name" width={112} {...axis} interval={0} />
        <Tooltip formatter={hours} contentStyle={{ fontSize: 12, color: '#0f172a' }} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar
          dataKey="baseline"
          name="Baseline, per week"
          fill="#94a3b8"
          isAnimationActive={false}
        />
        <Bar
          dataKey="current"
          name="These weeks, per week"
          fill="#4f46e5"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Waste each week, stacked by category, with the baseline's weekly rate and the improvements marked. */
export function TrendChart({
  data,
  categories,
  baseline,
  marks,
}: {
  data: WeekRow[];
  categories: Category[];
  baseline: number | null;
  marks: Marker[];
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        {grid}
        <XAxis dataKey="week" tickFormatter={formatShortDate} {...axis} minTickGap={24} />
        <YAxis {...axis} width={64} tickFormatter={hoursTick} />
        {weekTooltip}
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {categories.map((c) => (
          <Bar
            key={c.key}
            dataKey={c.key}
            name={c.name}
            stackId="waste"
            fill={wasteColors[c.index]}
            isAnimationActive={false}
          />
        ))}
        {baseline !== null ? (
          <ReferenceLine
            y={baseline}
            ifOverflow="extendDomain"
            stroke="#64748b"
            strokeDasharray="6 4"
            label={{
              value: `Baseline ${formatNumber(baseline, 0)} h/wk`,
              fontSize: 11,
              fill: '#64748b',
              position: 'insideTopRight',
            }}
          />
        ) : null}
        {markers(marks)}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Hours saved against the baseline, added up week by week. */
export function CumulativeChart({ data, marks }: { data: WeekRow[]; marks: Marker[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        {grid}
        <XAxis dataKey="week" tickFormatter={formatShortDate} {...axis} minTickGap={24} />
        <YAxis {...axis} width={76} tickFormatter={hoursTick} />
        {weekTooltip}
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <ReferenceLine y={0} stroke="#64748b" />
        <Line
          type="monotone"
          dataKey="cumulative"
          name="Hours saved so far"
          stroke="#16a34a"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        {markers(marks)}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
