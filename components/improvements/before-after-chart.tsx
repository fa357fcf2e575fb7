'use client';

/** The targeted figure week by week, before (grey) and after (indigo), with each window's median. */
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
import { formatShortDate } from '@/lib/format';
import { fromDayNumber } from '@/lib/dates';

interface Point {
  x: number;
  week: string;
  value: number;
}

export default function BeforeAfterChart({
  before,
  after,
  beforeMedian,
  afterMedian,
  unit,
}: {
  before: Point[];
  after: Point[];
  beforeMedian: number | null;
  afterMedian: number | null;
  unit: string;
}) {
  const axis = { tick: { fontSize: 11, fill: 'currentColor' }, stroke: 'currentColor' };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} />
        <XAxis
          type="number"
          dataKey="x"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(x: number) => formatShortDate(fromDayNumber(x))}
          {...axis}
        />
        <YAxis
          type="number"
          dataKey="value"
          unit={unit}
          width={52}
          {...axis}
          domain={['auto', 'auto']}
        />
        <Tooltip
          formatter={(v) => `${v}${unit}`}
          labelFormatter={() => ''}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Scatter name="Weeks before" data={before} fill="#94a3b8" isAnimationActive={false} />
        <Scatter name="Weeks after" data={after} fill="#4f46e5" isAnimationActive={false} />
        {beforeMedian !== null ? (
          <ReferenceLine
            ifOverflow="extendDomain"
            y={beforeMedian}
            stroke="#64748b"
            strokeDasharray="6 4"
            label={{ value: 'Median before', fontSize: 11, position: 'insideTopLeft' }}
          />
        ) : null}
        {afterMedian !== null ? (
          <ReferenceLine
            ifOverflow="extendDomain"
            y={afterMedian}
            stroke="#4f46e5"
            strokeDasharray="6 4"
            label={{
              value: 'Median after',
              fontSize: 11,
              fill: '#4f46e5',
              position: 'insideBottomRight',
            }}
          />
        ) : null}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
