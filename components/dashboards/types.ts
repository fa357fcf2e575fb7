import type { RouterOutputs } from '@/components/trpc/types';

/** What the dashboards render, as the router infers it from the procedures they call. */
export type Portfolio = RouterOutputs['dashboards']['portfolio'];
export type PortfolioStream = Portfolio['streams'][number];
/** A headline figure: this range's value, the previous range's, the change and its trend. */
export type PortfolioFigure = Portfolio['cards']['medianLead'];
export type StreamDashboard = RouterOutputs['dashboards']['stream'];
export type Comparison = RouterOutputs['dashboards']['comparison'];
export type ComparisonStream = Comparison['streams'][number];
export type ComparisonGroup = Comparison['groups'][number];
export type LinkedDevelopmentStream = Comparison['links'][number];
export type WasteReduction = RouterOutputs['dashboards']['waste'];
