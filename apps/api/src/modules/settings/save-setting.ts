import { ZSettingValues, settingKeys, type SettingKey, type TSetting } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { validateCodePattern } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';

const invalid = (path: string, zh: string) =>
  new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en: zh } }] });

/** Saves one setting if nobody saved it since `version` (0: never saved); thresholds that change lights recompute them. */
export async function saveSetting(ctx: UseCaseContext, key: string, version: number, value: unknown): Promise<TSetting> {
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
  const read = () => ctx.db.prisma.setting.findUnique({ where: { key } });
  const current = async () => {
    const row = await read();
    return { key, value: row?.value ?? null, version: row?.version ?? 0 };
  };
  const before = await read();
  if ((before?.version ?? 0) !== version) await staleVersion(current);
  await versionedWrite(ctx, {
    // Version 0 is a first save: of two first saves the primary key lets one in.
    claim: (tx) =>
      version === 0
        ? tx.setting.createMany({ data: [{ key, value: json }], skipDuplicates: true })
        : tx.setting.updateMany({ where: { key, version }, data: { value: json, version: { increment: 1 } } }),
    current,
    rest: async (tx) => {
      if (settingKey === 'lights' || settingKey === 'reports') await tx.task.updateMany({ data: { lightAsOf: null } });
      // The claim matched `version`, so the value saved before is the one read above.
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'setting',
        entityId: key,
        action: 'update',
        changes: { [key]: { from: before?.value ?? null, to: json } },
        requestId: ctx.requestId,
      });
    },
  });
  return { key, value: json, version: version + 1 };
}
