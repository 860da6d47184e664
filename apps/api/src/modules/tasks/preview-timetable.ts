import { reverseSchedule, ScheduleError, type ScheduledMilestone } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { loadPlanningSettings } from '../settings/load-planning-settings.ts';

/** Milestones reverse-scheduled from the deadline by a phase template, on the office's working-day calendar. */
export async function previewTimetable(
  ctx: UseCaseContext,
  input: { templateKey: string; startDate: string; deadline: string },
): Promise<{ milestones: ScheduledMilestone[] }> {
  const settings = await loadPlanningSettings(ctx.db);
  const template = settings.phaseTemplates.find((t) => t.key === input.templateKey);
  if (!template) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: [{ path: 'templateKey', message: { zh: '没有这个阶段模板', en: 'No such phase template' } }],
    });
  }
  try {
    return { milestones: reverseSchedule({ ...input, template, calendar: settings.calendar }) };
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: [{ path: 'deadline', message: { zh: error.message, en: 'The span is too short for this template' } }],
    });
  }
}
