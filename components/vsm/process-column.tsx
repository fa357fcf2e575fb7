import { useDurationView } from '@/components/ui/duration-view';
import { formatDuration, formatPeople, formatPercent } from '@/lib/format';
import { waitTimeSeconds, type MapStep, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { wasteLabels, wasteLetters } from '@/lib/labels';
import { LAYOUT as L, DATA_ROWS, textWidth, wrapLabel, type MapGeometry } from './geometry';
import { svg } from './theme';

interface ColumnProps {
  step: MapStep;
  index: number;
  geo: MapGeometry;
  calendar: WorkingCalendar;
  isBottleneck: boolean;
  isWeakest: boolean;
}

/** One step of the drawn map: markers, push arrow, inventory triangle, process box, data box and waste chips. */
export function ProcessColumn({
  step,
  index,
  geo,
  calendar,
  isBottleneck,
  isWeakest,
}: ColumnProps) {
  const x = geo.boxX(index);
  const wait = waitTimeSeconds(step);
  return (
    <g>
      <Markers x={x} geo={geo} isBottleneck={isBottleneck} isWeakest={isWeakest} />
      <PushArrow geo={geo} index={index} />
      {wait > 0 ? (
        <InventoryTriangle cx={geo.gapX(index) + L.gap / 2} top={geo.dataTop + 6} />
      ) : null}
      <ProcessBox step={step} x={x} geo={geo} isBottleneck={isBottleneck} />
      <DataBox
        step={step}
        x={x}
        geo={geo}
        calendar={calendar}
        isBottleneck={isBottleneck}
        isWeakest={isWeakest}
      />
      <WasteChips step={step} x={x} geo={geo} />
    </g>
  );
}

function Markers({
  x,
  geo,
  isBottleneck,
  isWeakest,
}: {
  x: number;
  geo: MapGeometry;
  isBottleneck: boolean;
  isWeakest: boolean;
}) {
  const pills = [
    ...(isBottleneck
      ? [{ label: 'Bottleneck', fill: svg.bottleneckPill, text: svg.pillText }]
      : []),
    ...(isWeakest ? [{ label: 'Lowest %C&A', fill: svg.weakestPill, text: svg.pillTextDark }] : []),
  ];
  const h = L.markerRowH - 4;
  return (
    <>
      {pills.map((pill, k) => {
        const row = geo.markerRows - pills.length + k;
        const w = textWidth(pill.label, L.smallFont) + 18;
        const y = geo.markersTop + row * L.markerRowH;
        return (
          <g key={pill.label}>
            <rect
              x={x + (L.boxW - w) / 2}
              y={y}
              width={w}
              height={h}
              rx={h / 2}
              className={pill.fill}
              strokeWidth={1}
            />
            <text
              x={x + L.boxW / 2}
              y={y + h / 2 + 4}
              textAnchor="middle"
              fontSize={L.smallFont}
              fontWeight={700}
              className={pill.text}
            >
              {pill.label}
            </text>
          </g>
        );
      })}
    </>
  );
}

function PushArrow({ geo, index }: { geo: MapGeometry; index: number }) {
  const y = geo.boxTop + (L.headerH + L.bodyH) / 2;
  const start = geo.gapX(index) + (index === 0 ? 0 : 6);
  const end = geo.boxX(index) - 3;
  return (
    <g>
      <line x1={start} y1={y} x2={end - 9} y2={y} strokeWidth={2.5} className={svg.line} />
      <polygon
        points={`${end},${y} ${end - 11},${y - 6} ${end - 11},${y + 6}`}
        className={svg.lineFill}
      />
    </g>
  );
}

function InventoryTriangle({ cx, top }: { cx: number; top: number }) {
  const w = 34;
  const h = 30;
  return (
    <g>
      <title>Inventory: work waits here</title>
      <polygon
        points={`${cx},${top} ${cx + w / 2},${top + h} ${cx - w / 2},${top + h}`}
        strokeWidth={1.5}
        strokeLinejoin="round"
        className={svg.inventory}
      />
      <text
        x={cx}
        y={top + h - 6}
        textAnchor="middle"
        fontSize={13}
        fontWeight={700}
        className={svg.inventoryText}
      >
        I
      </text>
    </g>
  );
}

/** A small operator glyph (head and shoulders), 12 by 14 units. */
function PersonGlyph({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`} className={svg.muted} aria-hidden="true">
      <circle cx={6} cy={3.5} r={3.5} />
      <path d="M0 14 C0 9.5 2.5 8 6 8 C9.5 8 12 9.5 12 14 Z" />
    </g>
  );
}

function ProcessBox({
  step,
  x,
  geo,
  isBottleneck,
}: {
  step: MapStep;
  x: number;
  geo: MapGeometry;
  isBottleneck: boolean;
}) {
  const maxChars = Math.floor((L.boxW - 14) / (L.font * 0.58));
  const lines = wrapLabel(step.name, maxChars, 2);
  const lineH = L.font + 3;
  const firstY = geo.boxTop + L.headerH / 2 - ((lines.length - 1) * lineH) / 2 + L.font / 2 - 2;
  const bodyY = geo.headerBottom + L.bodyH / 2;
  const peopleText = step.people === null ? '—' : formatPeople(step.people);
  const glyphW = step.people === null ? 0 : 18;
  const peopleW = glyphW + textWidth(peopleText, L.smallFont + 1);
  const peopleX = x + (L.boxW - peopleW) / 2;
  return (
    <g>
      <title>{`${step.name}: ${formatPeople(step.people)}`}</title>
      <rect
        x={x}
        y={geo.boxTop}
        width={L.boxW}
        height={L.headerH + L.bodyH}
        rx={3}
        className={cn(svg.boxFill, svg.boxStroke)}
        strokeWidth={1.5}
      />
      <rect
        x={x + 0.75}
        y={geo.boxTop + 0.75}
        width={L.boxW - 1.5}
        height={L.headerH - 0.75}
        rx={2.5}
        className={svg.headerFill}
      />
      <line
        x1={x}
        y1={geo.headerBottom}
        x2={x + L.boxW}
        y2={geo.headerBottom}
        strokeWidth={1.5}
        className={svg.boxStroke}
      />
      {lines.map((line, k) => (
        <text
          key={k}
          x={x + L.boxW / 2}
          y={firstY + k * lineH}
          textAnchor="middle"
          fontSize={L.font}
          fontWeight={700}
          className={svg.text}
        >
          {line}
        </text>
      ))}
      {step.people === null ? null : <PersonGlyph x={peopleX} y={bodyY - 7} />}
      <text x={peopleX + glyphW} y={bodyY + 4.5} fontSize={L.smallFont + 1} className={svg.text}>
        {peopleText}
      </text>
      {isBottleneck ? (
        <rect
          x={x - 2}
          y={geo.boxTop - 2}
          width={L.boxW + 4}
          height={L.headerH + L.bodyH + 4}
          rx={5}
          fill="none"
          strokeWidth={3}
          className={svg.bottleneckStroke}
        />
      ) : null}
    </g>
  );
}

interface DataBoxProps {
  step: MapStep;
  x: number;
  geo: MapGeometry;
  calendar: WorkingCalendar;
  isBottleneck: boolean;
  isWeakest: boolean;
}

function DataBox({ step, x, geo, calendar, isBottleneck, isWeakest }: DataBoxProps) {
  const view = useDurationView();
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, view });
  const rows = [
    { label: 'PT', title: 'Process time', value: fmt(step.processTimeSeconds), mark: null },
    { label: 'LT', title: 'Lead time', value: fmt(step.leadTimeSeconds), mark: null },
    {
      label: 'WT',
      title: 'Wait time',
      value: fmt(waitTimeSeconds(step)),
      mark: isBottleneck ? svg.bottleneckText : null,
    },
    {
      label: '%C&A',
      title: 'Percent complete and accurate',
      value: formatPercent(step.pctCompleteAccurate),
      mark: isWeakest ? svg.weakestText : null,
    },
  ] as const;
  const height = DATA_ROWS * L.dataRowH + 2 * L.dataPad;
  return (
    <g>
      <rect
        x={x}
        y={geo.dataTop}
        width={L.boxW}
        height={height}
        rx={3}
        className={cn(svg.boxFill, svg.boxStroke)}
        strokeWidth={1}
      />
      {rows.map((row, k) => {
        const baseline = geo.dataTop + L.dataPad + k * L.dataRowH + L.dataRowH / 2 + 5;
        return (
          <g key={row.label}>
            <title>{`${row.title}: ${row.value}`}</title>
            {k > 0 ? (
              <line
                x1={x + 8}
                x2={x + L.boxW - 8}
                y1={baseline - 15}
                y2={baseline - 15}
                strokeWidth={0.75}
                className={svg.faint}
              />
            ) : null}
            <text
              x={x + 10}
              y={baseline}
              fontSize={L.smallFont}
              fontWeight={600}
              className={row.mark ?? svg.muted}
            >
              {row.label}
            </text>
            <text
              x={x + L.boxW - 10}
              y={baseline}
              textAnchor="end"
              fontSize={L.font}
              fontWeight={row.mark ? 700 : 500}
              className={row.mark ?? svg.text}
            >
              {row.value}
            </text>
          </g>
        );
      })}
      {isWeakest ? (
        <rect
          x={x - 2}
          y={geo.dataTop - 2}
          width={L.boxW + 4}
          height={height + 4}
          rx={5}
          fill="none"
          strokeWidth={3}
          strokeDasharray="7 4"
          className={svg.weakestStroke}
        />
      ) : null}
    </g>
  );
}

function WasteChips({ step, x, geo }: { step: MapStep; x: number; geo: MapGeometry }) {
  return (
    <g>
      {step.wastes.map((waste, k) => {
        const col = k % geo.chipsPerRow;
        const row = Math.floor(k / geo.chipsPerRow);
        const cx = x + col * (L.chip + L.chipGap);
        const cy = geo.chipsTop + row * (L.chip + L.chipGap);
        return (
          <g key={waste}>
            <title>{`Waste: ${wasteLabels[waste]}`}</title>
            <rect
              x={cx}
              y={cy}
              width={L.chip}
              height={L.chip}
              rx={3}
              strokeWidth={1}
              className={svg.chip}
            />
            <text
              x={cx + L.chip / 2}
              y={cy + L.chip / 2 + 4.5}
              textAnchor="middle"
              fontSize={12}
              fontWeight={700}
              className={svg.chipText}
            >
              {wasteLetters[waste]}
            </text>
          </g>
        );
      })}
    </g>
  );
}
