import { z } from 'zod';
import { ZIdValue, zText } from './common.ts';

/** The ranking's groups: departments and counties are ranked separately, never against each other. */
export const rankingGroups = ['department', 'county'] as const;
export const rankingGroupLabels: Record<(typeof rankingGroups)[number], string> = { department: '市级部门', county: '县（市、区）' };
export const rankingRateIndicators = ['onTimeMilestones', 'completion', 'reportTimeliness'] as const;
export const rankingIndicators = [...rankingRateIndicators, 'overdueItems'] as const;
export const rankingTieBreaks = ['fewerOverdue', 'firstIndicator', 'shared'] as const;

const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-9;
const zPoints = (what: string, max: number) =>
  z
    .number({ error: `请填写${what}` })
    .min(0, { error: `${what}不能为负数` })
    .max(max, { error: `${what}不能超过 ${max} 分` })
    .refine(twoDecimals, { error: `${what}最多保留两位小数` });

/** The formula the reform office configures (setting `rankingFormula`). */
export const ZRankingFormula = z.strictObject({
  indicators: z
    .array(z.strictObject({ indicator: z.enum(rankingRateIndicators, { error: '请选择指标' }), weight: zPoints('权重', 100) }))
    .min(1, { error: '至少选择一项指标' })
    .max(rankingRateIndicators.length)
    .refine((list) => new Set(list.map((item) => item.indicator)).size === list.length, { error: '同一指标只能出现一次' }),
  overdueDeduction: zPoints('每项逾期扣分', 100),
  tieBreak: z.enum(rankingTieBreaks, { error: '请选择同分规则' }),
});
export type TRankingFormula = z.infer<typeof ZRankingFormula>;

export const ZRankingQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  group: z.enum(rankingGroups),
  /** `true`: the year up to the end of the quarter. */
  ytd: z.enum(['true', 'false']).optional(),
  /** A published version's number (default: the latest; for the office, the live draft when `draft=true`). */
  version: z.coerce.number().int().min(1).max(100000).optional(),
  draft: z.enum(['true', 'false']).optional(),
});
export type TRankingQuery = z.infer<typeof ZRankingQuery>;

export const ZRankingFact = z.object({
  key: z.string(),
  taskId: z.number().int(),
  text: z.string(),
  met: z.boolean(),
  override: z.enum(['exclude', 'correct']).optional(),
});
export const ZRankingPart = z.object({
  indicator: z.enum(rankingIndicators),
  label: z.string(),
  value: z.number().nullable(),
  met: z.number().int(),
  counted: z.number().int(),
  points: z.number(),
  pointsHundredths: z.number().int(),
  facts: z.array(ZRankingFact),
});
export type TRankingPart = z.infer<typeof ZRankingPart>;
export const ZRankingRow = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  rank: z.number().int(),
  score: z.number(),
  scoreHundredths: z.number().int(),
  change: z.number().int().nullable(),
  parts: z.array(ZRankingPart),
  /** false: another unit's row, shown to a unit with its scores only (facts withheld). */
  detail: z.boolean(),
});
export type TRankingRow = z.infer<typeof ZRankingRow>;
export const ZRankingVersionRef = z.object({
  number: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string(),
});
export type TRankingVersionRef = z.infer<typeof ZRankingVersionRef>;
export const ZRankingResponse = z.object({
  formula: ZRankingFormula,
  /** Each indicator's definition and the tie-break in words. */
  definitions: z.array(z.object({ indicator: z.enum(rankingIndicators), label: z.string(), definition: z.string() })),
  tieBreak: z.string(),
  rows: z.array(ZRankingRow),
  group: z.enum(rankingGroups),
  year: z.number().int(),
  quarter: z.number().int(),
  yearToDate: z.boolean(),
  from: z.string(),
  asOf: z.string(),
  /** `draft`: computed now, not published; `published`: a stored version. */
  status: z.enum(['draft', 'published']),
  /** The version shown (null for the draft). */
  version: z.number().int().nullable(),
  /** Every published version of this ranking, newest first (the history). */
  versions: z.array(ZRankingVersionRef),
  /** The unit the user answers for (their own row), if any. */
  ownUnitId: z.number().int().nullable(),
});
export type TRankingResponse = z.infer<typeof ZRankingResponse>;

export const ZRankingPublishBody = z.strictObject({
  group: z.enum(rankingGroups),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  yearToDate: z.boolean(),
  /** The number of the latest published version the office saw (0: none). Two publishes of the same state: one wins, the other 409. */
  basedOn: z.number().int().min(0).max(100000),
  note: zText(200).optional(),
});
export type TRankingPublishBody = z.infer<typeof ZRankingPublishBody>;

export const rankingAppealStatusLabels = { pending: '待处理', accepted: '已采纳', refused: '未采纳' } as const;
export const ZRankingAppealCreate = z.strictObject({
  group: z.enum(rankingGroups),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  yearToDate: z.boolean(),
  /** The published version the unit appeals against. */
  version: z.number().int().min(1).max(100000),
  factKey: zText(100).min(1, { error: '请选择申诉的事实' }),
  reason: zText(1000).min(4, { error: '申诉理由至少 4 个字' }),
  evidenceFileId: ZIdValue.optional(),
});
export type TRankingAppealCreate = z.infer<typeof ZRankingAppealCreate>;
export const ZRankingAppealDecision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), override: z.enum(['exclude', 'correct']), reason: zText(1000).optional(), version: z.number().int().min(1).max(2147483647) }),
  z.strictObject({ decision: z.literal('refuse'), reason: zText(1000).min(4, { error: '不采纳须说明理由（至少 4 个字）' }), version: z.number().int().min(1).max(2147483647) }),
]);
export type TRankingAppealDecision = z.infer<typeof ZRankingAppealDecision>;
export const ZRankingAppeal = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  group: z.enum(rankingGroups),
  year: z.number().int(),
  quarter: z.number().int(),
  yearToDate: z.boolean(),
  rankingVersion: z.number().int(),
  taskId: z.number().int(),
  factKey: z.string(),
  factText: z.string(),
  reason: z.string(),
  evidence: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  status: z.enum(['pending', 'accepted', 'refused']),
  override: z.enum(['exclude', 'correct']).nullable(),
  decisionReason: z.string(),
  requestedBy: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The appeal record's version (sent back with the decision). */
  version: z.number().int(),
});
export type TRankingAppeal = z.infer<typeof ZRankingAppeal>;
export const ZRankingAppealList = z.object({ items: z.array(ZRankingAppeal) });
export const ZRankingAppealQuery = z.strictObject({ status: z.enum(['pending', 'accepted', 'refused']).optional() });
