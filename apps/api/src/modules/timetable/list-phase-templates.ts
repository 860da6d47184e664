import type { UseCaseContext } from '../context.ts';
import { loadPlanningSettings } from '../settings/load-planning-settings.ts';

/** The phase templates a timetable can be reverse-scheduled from. */
export async function listPhaseTemplates(ctx: UseCaseContext) {
  return (await loadPlanningSettings(ctx.db)).phaseTemplates;
}
