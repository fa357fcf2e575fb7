'use client';

/** The stream dashboard's Recharts charts (loaded lazily by stream-dashboard.tsx). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatShortDate } from '@/lib/format';
import { wastes } from '@/lib/vsm/types';
import { wasteLabels } from '@/lib/labels';

export type ChartRow = Record<string, number | string | null>;

const axis = { tick: { fontSize: 11, fill: 'currentColor' }, stroke: 'currentColor' };
const grid = <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} />;
const x = <XAxis dataKey="week" tickFormatter={formatShortDate} {...axis} minTickGap={24} />;
const tooltip = (
  <Tooltip
    labelFormatter={(w) => `Week of ${formatShortDate(String(w))}`}
    contentStyle={{ fontSize: 12 }}
  />
);
export const wasteColors = [
  '#dc2626',
  '#ea580c',
  '#ca8a04',
  '#16a34a',
  '#0891b2',
  '#2563eb',
  '#7c3aed',
  '#db2777',
];

export interface Line_ {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
}
export interface Ref {
  y: number;
  label: string;
  color: string;
}
/** An improvement, drawn as a vertical line at the week it started. */
export interface Marker {
  week: string;
  label: string;
}

const markerLines = (markers: Marker[]) =>
  markers.map((m) => (
    <ReferenceLine
      key={`${m.week}-${m.label}`}
      x={m.week}
      stroke="#f59e0b"
      strokeWidth={1.5}
      label={{
        value: m.label,
        fontSize: 10,
        fill: '#b45309',
        position: 'insideTopRight',
        angle: -90,
        offset: 12,
      }}
    />
  ));

export function LinesChart({
  data,
  lines,
  refs = [],
  unit,
  markers = [],
}: {
  data: ChartRow[];
  lines: Line_[];
  refs?: Ref[];
  unit: string;
  markers?: Marker[];
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {grid}
        {x}
        <YAxis {...axis} width={48} unit={unit} />
        {tooltip}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((l) => (
          <Line
            key={l.key}
            type="monotone"
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeDasharray={l.dashed ? '4 3' : undefined}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
        {markerLines(markers)}
        {refs.map((r) => (
          <ReferenceLine
            ifOverflow="extendDomain"
            key={r.label}
            y={r.y}
            stroke={r.color}
            strokeDasharray="6 4"
            label={{ value: r.label, fontSize: 11, fill: r.color, position: 'insideTopLeft' }}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function WasteChart({ data, markers = [] }: { data: ChartRow[]; markers?: Marker[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {grid}
        {x}
        <YAxis {...axis} width={48} unit=" h" />
        {tooltip}
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {wastes.map((w, i) => (
          <Bar
            key={w}
            dataKey={w}
            name={wasteLabels[w]}
            stackId="waste"
            fill={wasteColors[i]}
            isAnimationActive={false}
          />
        ))}
        {markerLines(markers)}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Lead time with its natural process limits; points that signal are drawn red. */
export function XmrChart({
  data,
  centre,
  unpl,
  lnpl,
  markers = [],
}: {
  data: ChartRow[];
  centre: number;
  unpl: number;
  lnpl: number;
  markers?: Marker[];
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {grid}
        {x}
        <YAxis {...axis} width={48} unit=" h" domain={['auto', 'auto']} />
        {tooltip}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          type="linear"
          dataKey="value"
          name="Lead time"
          stroke="#4f46e5"
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        <Scatter dataKey="signal" name="Signal" fill="#dc2626" isAnimationActive={false} />
        {markerLines(markers)}
        <ReferenceLine
          ifOverflow="extendDomain"
          y={centre}
          stroke="#64748b"
          label={{ value: 'Average', fontSize: 11, position: 'insideTopLeft' }}
        />
        <ReferenceLine
          ifOverflow="extendDomain"
          y={unpl}
          stroke="#dc2626"
          strokeDasharray="6 4"
          label={{ value: 'Upper limit', fontSize: 11, fill: '#dc2626', position: 'insideTopLeft' }}
        />
        {lnpl > 0 ? (
          <ReferenceLine
            ifOverflow="extendDomain"
            y={lnpl}
            stroke="#dc2626"
            strokeDasharray="6 4"
            label={{
              value: 'Lower limit',
              fontSize: 11,
              fill: '#dc2626',
              position: 'insideBottomLeft',
            }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
