import { ZPhaseTemplate, type TPhaseTemplate } from '@reform/contracts';
import type { Database } from '@reform/db';
import {
  chinaHolidays2026,
  defaultListPrefixes,
  defaultPhaseTemplate,
  defaultTaskCodePattern,
  type ListPrefixes,
  type WorkCalendar,
} from '@reform/domain';
import { z } from 'zod';

export interface PlanningSettings {
  phaseTemplates: TPhaseTemplate[];
  calendar: WorkCalendar;
  codePattern: string;
  listPrefixes: ListPrefixes;
}

const ZCalendar = z.object({ holidays: z.array(z.string()), makeupWorkdays: z.array(z.string()) });
const ZTaskCode = z.object({
  pattern: z.string(),
  prefixes: z.object({ mandate: z.string(), pilot: z.string(), innovation: z.string() }),
});

export const defaultPhaseTemplates: TPhaseTemplate[] = [{ key: 'three-phase', ...defaultPhaseTemplate }];

/** Phase templates, the working-day calendar and the task-code pattern, as the reform office set them. */
export async function loadPlanningSettings(db: Database): Promise<PlanningSettings> {
  const rows = await db.prisma.setting.findMany({ where: { key: { in: ['phaseTemplates', 'workCalendar', 'taskCode'] } } });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const templates = z.array(ZPhaseTemplate).min(1).safeParse(value('phaseTemplates'));
  const calendar = ZCalendar.safeParse(value('workCalendar'));
  const code = ZTaskCode.safeParse(value('taskCode'));
  return {
    phaseTemplates: templates.data ?? defaultPhaseTemplates,
    calendar: calendar.data ?? chinaHolidays2026,
    codePattern: code.data?.pattern ?? defaultTaskCodePattern,
    listPrefixes: code.data?.prefixes ?? defaultListPrefixes,
  };
}
