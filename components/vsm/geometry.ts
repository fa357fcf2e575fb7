import type { MapStep } from '@/lib/vsm/types';

/**
 * Layout of the drawn map, in SVG user units. Each step is a column: a gap on its left (the
 * push arrow, the inventory triangle and the wait rung of the ladder), then the process box, its
 * data box and its waste chips, with the process rung of the ladder under it.
 */
export const LAYOUT = {
  padX: 16,
  padTop: 8,
  gap: 58,
  boxW: 142,
  markerRowH: 24,
  headerH: 42,
  bodyH: 30,
  dataGap: 10,
  dataRowH: 21,
  dataPad: 6,
  chip: 16,
  chipGap: 2,
  chipsGap: 8,
  ladderGap: 34,
  rungH: 40,
  totalsGap: 28,
  totalsW: 190,
  font: 15,
  smallFont: 13,
} as const;

export const DATA_ROWS = 4;

/** Narrowest and widest the drawing is shown, relative to its own units (narrower: scroll sideways). */
export const MIN_SCALE = 0.74;
export const MAX_SCALE = 1.15;

export interface MapGeometry {
  width: number;
  height: number;
  markerRows: number;
  markersTop: number;
  boxTop: number;
  headerBottom: number;
  boxBottom: number;
  dataTop: number;
  dataBottom: number;
  chipsTop: number;
  chipsPerRow: number;
  rungUp: number;
  rungLow: number;
  totalsX: number;
  totalsTop: number;
  totalsBottom: number;
  /** Left edge of the gap before step i. */
  gapX: (i: number) => number;
  /** Left edge of the process box of step i. */
  boxX: (i: number) => number;
}

/**
 * Where everything goes. `minSteps` widens the drawing to that many steps' worth (the totals move
 * to the far right), so that two maps drawn side by side or stacked share one scale.
 */
export function mapGeometry(steps: MapStep[], markerRows: number, minSteps = 0): MapGeometry {
  const L = LAYOUT;
  const n = steps.length;
  const columns = Math.max(n, Math.floor(minSteps));
  const markersTop = L.padTop;
  const boxTop = markersTop + markerRows * L.markerRowH + (markerRows > 0 ? 4 : 0);
  const headerBottom = boxTop + L.headerH;
  const boxBottom = headerBottom + L.bodyH;
  const dataTop = boxBottom + L.dataGap;
  const dataBottom = dataTop + DATA_ROWS * L.dataRowH + 2 * L.dataPad;
  const chipsTop = dataBottom + L.chipsGap;
  const chipsPerRow = Math.max(1, Math.floor((L.boxW + L.chipGap) / (L.chip + L.chipGap)));
  const chipRows = Math.max(0, ...steps.map((s) => Math.ceil(s.wastes.length / chipsPerRow)));
  const chipsBottom = chipsTop + chipRows * (L.chip + L.chipGap);
  const rungUp = chipsBottom + L.ladderGap;
  const rungLow = rungUp + L.rungH;
  const stepsEnd = L.padX + columns * (L.gap + L.boxW);
  const totalsX = stepsEnd + L.totalsGap;
  const totalsTop = Math.min(rungUp - 44, dataTop);
  const totalsBottom = rungLow + 56;
  return {
    width: totalsX + L.totalsW + L.padX,
    height: Math.max(totalsBottom, rungLow + 26) + 8,
    markerRows,
    markersTop,
    boxTop,
    headerBottom,
    boxBottom,
    dataTop,
    dataBottom,
    chipsTop,
    chipsPerRow,
    rungUp,
    rungLow,
    totalsX,
    totalsTop,
    totalsBottom,
    gapX: (i) => L.padX + i * (L.gap + L.boxW),
    boxX: (i) => L.padX + i * (L.gap + L.boxW) + L.gap,
  };
}

/** Splits a label into at most `maxLines` lines of about `maxChars` characters, with an ellipsis when cut. */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length === maxLines) break;
    line = word;
  }
  if (line && lines.length < maxLines) lines.push(line);
  const cut = i < words.length || lines.some((l) => l.length > maxChars);
  const fitted = lines
    .slice(0, maxLines)
    .map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (cut && fitted.length > 0) {
    const last = fitted[fitted.length - 1] ?? '';
    if (!last.endsWith('…'))
      fitted[fitted.length - 1] =
        last.length < maxChars ? `${last}…` : `${last.slice(0, maxChars - 1)}…`;
  }
  return fitted;
}

/** A rough width of a text in SVG units, to size chips and pills (no DOM measuring on the server). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

/** The narrowest a map of these steps is drawn on screen, in CSS pixels (plus its frame). */
export function minRenderWidth(steps: MapStep[], minSteps = 0): number {
  return Math.round(mapGeometry(steps, 1, minSteps).width * MIN_SCALE) + 18;
}
