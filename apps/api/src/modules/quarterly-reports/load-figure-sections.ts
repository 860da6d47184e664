import type { Quarter } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import type { FigureSections } from './report-content.ts';
import type { ResolvedScope } from './report-request.ts';

/** The summary, ranking and chart sections, from the figures module (the dashboard's and the rankings' figures). */
export async function loadFigureSections(_ctx: UseCaseContext, _quarter: Quarter, _scope: ResolvedScope): Promise<FigureSections> {
  return { summary: [], ranking: [], charts: [] };
}
