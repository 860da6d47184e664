export type { FigureFacts, RectificationFact, ReportFact, TaskFact } from './facts.ts';
export { indicators, type Indicator, type Measure } from './indicators.ts';
export { periodOf, parsePeriodKey, previousPeriodOf, trendQuarters, type Period } from './period.ts';
export { changeOf, computeFigure, computeFigures, figuresByUnit, narrowFacts, type FigureSet, type FigureValue } from './compute.ts';
