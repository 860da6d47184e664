import { ZSettingValues, settingKeys, type SettingKey, type TSetting } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { validateCodePattern } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { loadLightSettings } from './load-light-settings.ts';
import { loadPlanningSettings } from './load-planning-settings.ts';

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
  };
  return settingKeys.map((key) => ({ key, value: effective[key], version: rows.find((row) => row.key === key)?.version ?? 0 }));
}

const invalid = (path: string, zh: string) =>
  new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en: zh } }] });

/** Saves one setting if nobody saved it since `version`; thresholds that change lights recompute them. */
export async function putSetting(ctx: UseCaseContext, key: string, version: number, value: unknown): Promise<TSetting> {
  if (!(settingKeys as string[]).includes(key)) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const settingKey = key as SettingKey;
  const parsed = ZSettingValues[settingKey].safeParse(value);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: parsed.error.issues.map((issue) => ({
        path: ['value', ...issue.path].join('.'),
        message: { zh: issue.message, en: issue.message },
      })),
    });
  }
  if (settingKey === 'taskCode') {
    const problems = validateCodePattern((parsed.data as { pattern: string }).pattern);
    if (problems.length > 0) throw invalid('value.pattern', problems.join('；'));
  }
  const json = parsed.data as Prisma.InputJsonValue;
  const saved = await ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key } });
    if ((before?.version ?? 0) !== version) {
      throw new AppError(AppErrorCode.Conflict, errorText.staleVersion, {
        current: { key, value: before?.value ?? null, version: before?.version ?? 0 },
      });
    }
    const row = before
      ? await tx.setting.update({ where: { key }, data: { value: json, version: { increment: 1 } } })
      : await tx.setting.create({ data: { key, value: json } });
    if (settingKey === 'lights' || settingKey === 'reports') await tx.task.updateMany({ data: { lightAsOf: null } });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      entity: 'setting',
      entityId: key,
      action: 'update',
      changes: { [key]: { from: before?.value ?? null, to: json } },
      requestId: ctx.requestId,
    });
    return row;
  });
  return { key, value: saved.value, version: saved.version };
}
