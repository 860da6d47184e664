import { z } from 'zod';
import { INT4_MAX, ZDate, zText } from './common.ts';
import { ZRankingFormula } from './rankings.ts';
import { ZPhaseTemplate } from './tasks.ts';

/** The reform office's settings, one value per key; each key has its own shape. */
export const ZSettingValues = {
  lights: z.strictObject({
    yellowWithinDays: z.number().int().min(0, { error: '应为 0 至 90 天' }).max(90, { error: '应为 0 至 90 天' }),
  }),
  reports: z.strictObject({
    dueDayAfterQuarter: z.number().int().min(0, { error: '应为 0 至 60 天' }).max(60, { error: '应为 0 至 60 天' }),
  }),
  taskCode: z.strictObject({
    pattern: zText(50).min(1),
    prefixes: z.strictObject({
      mandate: zText(10).min(1),
      pilot: zText(10).min(1),
      innovation: zText(10).min(1),
    }),
  }),
  phaseTemplates: z
    .array(ZPhaseTemplate)
    .min(1, { error: '至少保留一个阶段模板' })
    .max(20)
    .refine((templates) => new Set(templates.map((t) => t.key)).size === templates.length, { error: '模板标识不能重复' }),
  workCalendar: z.strictObject({
    holidays: z.array(ZDate).max(400),
    makeupWorkdays: z.array(ZDate).max(100),
  }),
  rankingFormula: ZRankingFormula,
} as const;
export type SettingKey = keyof typeof ZSettingValues;
export const settingKeys = Object.keys(ZSettingValues) as SettingKey[];

export const settingLabels: Record<SettingKey, string> = {
  lights: '状态灯阈值',
  reports: '季度报告时限',
  taskCode: '任务编号规则',
  phaseTemplates: '倒排工期阶段模板',
  workCalendar: '节假日与调休',
  rankingFormula: '晾晒比拼计分公式',
};

export const ZSetting = z.object({ key: z.string(), value: z.unknown(), version: z.number().int() });
export type TSetting = z.infer<typeof ZSetting>;
export const ZSettingPutBody = z.strictObject({ version: z.number().int().min(0).max(INT4_MAX), value: z.unknown() });
