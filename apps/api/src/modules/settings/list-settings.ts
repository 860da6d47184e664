import { settingKeys, type SettingKey, type TSetting } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { loadLightSettings } from './load-light-settings.ts';
import { loadPlanningSettings } from './load-planning-settings.ts';
import { loadRankingFormula } from '../rankings/load-ranking-formula.ts';

/** Every setting with its effective value (the default where none was saved) and its version (0 = never saved). */
export async function listSettings(ctx: UseCaseContext): Promise<TSetting[]> {
  const rows = await ctx.db.prisma.setting.findMany();
  const lights = await loadLightSettings(ctx.db);
  const planning = await loadPlanningSettings(ctx.db);
  const effective: Record<SettingKey, unknown> = {
    lights: { yellowWithinDays: lights.yellowWithinDays },
    reports: { dueDayAfterQuarter: lights.reportDueDay },
    taskCode: { pattern: planning.codePattern, prefixes: planning.listPrefixes },
    phaseTemplates: planning.phaseTemplates,
    workCalendar: planning.calendar,
    rankingFormula: await loadRankingFormula(ctx.db),
  };
  return settingKeys.map((key) => ({ key, value: effective[key], version: rows.find((row) => row.key === key)?.version ?? 0 }));
}
