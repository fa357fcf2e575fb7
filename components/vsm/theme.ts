/**
 * Class names for the drawn map's SVG elements: light, dark (the OS setting) and print (black on
 * white). Kept as whole literals so Tailwind finds them.
 */
export const svg = {
  boxFill: 'fill-white dark:fill-slate-900 print:fill-white',
  headerFill: 'fill-slate-100 dark:fill-slate-800 print:fill-white',
  boxStroke: 'stroke-slate-400 dark:stroke-slate-500 print:stroke-black',
  text: 'fill-slate-900 dark:fill-slate-100 print:fill-black',
  muted: 'fill-slate-500 dark:fill-slate-400 print:fill-black',
  line: 'stroke-slate-500 dark:stroke-slate-400 print:stroke-black',
  lineFill: 'fill-slate-500 dark:fill-slate-400 print:fill-black',
  faint: 'stroke-slate-300 dark:stroke-slate-700 print:stroke-black',
  inventory:
    'fill-white stroke-slate-600 dark:fill-slate-900 dark:stroke-slate-300 print:fill-white print:stroke-black',
  inventoryText: 'fill-slate-700 dark:fill-slate-200 print:fill-black',
  bottleneckStroke: 'stroke-red-600 dark:stroke-red-400 print:stroke-black',
  bottleneckText: 'fill-red-700 dark:fill-red-300 print:fill-black',
  bottleneckPill: 'fill-red-600 dark:fill-red-500 print:fill-white print:stroke-black',
  weakestStroke: 'stroke-amber-500 dark:stroke-amber-400 print:stroke-black',
  weakestText: 'fill-amber-700 dark:fill-amber-300 print:fill-black',
  weakestPill: 'fill-amber-400 dark:fill-amber-500 print:fill-white print:stroke-black',
  pillText: 'fill-white print:fill-black',
  pillTextDark: 'fill-amber-950 print:fill-black',
  chip: 'fill-rose-50 stroke-rose-300 dark:fill-rose-950 dark:stroke-rose-700 print:fill-white print:stroke-black',
  chipText: 'fill-rose-800 dark:fill-rose-200 print:fill-black',
  totalsFill: 'fill-slate-50 dark:fill-slate-900 print:fill-white',
} as const;
