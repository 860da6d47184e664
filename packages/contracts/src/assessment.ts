import { z } from 'zod';
import { ZId, ZIdValue, ZVersion, zText } from './common.ts';

/** Kinds of a score sheet's entries: two base scores entered or imported, bonus and deduction items. */
export const AssessmentItemKindEnum = {
  schema: z.enum(['third_party', 'satisfaction', 'bonus', 'deduction'], { error: '请选择条目类别' }),
  values: ['third_party', 'satisfaction', 'bonus', 'deduction'] as const,
  labels: { third_party: '第三方评估得分', satisfaction: '群众满意度得分', bonus: '加分', deduction: '扣分' },
};
export type TAssessmentItemKind = z.infer<typeof AssessmentItemKindEnum.schema>;

export const AssessmentGroupEnum = {
  schema: z.enum(['department', 'county'], { error: '请选择考评对象（市级部门或县市区）' }),
  values: ['department', 'county'] as const,
  labels: { department: '市级部门', county: '县(市、区)' },
};
export type TAssessmentGroup = z.infer<typeof AssessmentGroupEnum.schema>;

const yearError = { error: '年度应为 2000 至 2100 之间的整数' };
export const ZAssessmentYear = z.coerce.number(yearError).int(yearError).min(2000, yearError).max(2100, yearError);

/** Points in hundredths (1 分 = 100): what the API stores and answers. */
const ZHundredths = z.number().int();

const pointsError = { error: '分值应为 0.01 至 100 之间、最多两位小数的数' };
/** Points a person types: 0.01 to 100 with at most two decimals, sent as hundredths (1 to 10000). */
export const ZPointsValue = z.number(pointsError).int(pointsError).min(1, pointsError).max(10000, pointsError);

const weightError = (max: number) => ({ error: `应为 0 至 ${max} 之间的整数分` });
const zWeight = (max: number) => z.number(weightError(max)).int(weightError(max)).min(0, weightError(max)).max(max, weightError(max));

/** 考评计分设置: what each base indicator is worth (whole points, together 100) and the bonus cap (at most 20). */
export const ZAssessmentWeights = z
  .strictObject({
    ranking: zWeight(100),
    thirdParty: zWeight(100),
    satisfaction: zWeight(100),
    bonusCap: zWeight(20),
  })
  .superRefine((value, ctx) => {
    const sum = value.ranking + value.thirdParty + value.satisfaction;
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['ranking'], message: `三项基础指标分值合计应为 100 分（现为 ${sum} 分）` });
  });
export type TAssessmentWeights = z.infer<typeof ZAssessmentWeights>;
export const defaultAssessmentWeights: TAssessmentWeights = { ranking: 60, thirdParty: 20, satisfaction: 20, bonusCap: 20 };

export const ZAssessmentListQuery = z.strictObject({
  year: ZAssessmentYear,
  group: AssessmentGroupEnum.schema,
});
export type TAssessmentListQuery = z.infer<typeof ZAssessmentListQuery>;

export const ZAssessmentSheetParams = z.strictObject({ year: ZAssessmentYear, unitId: ZId });
export const ZAssessmentItemParams = z.strictObject({ year: ZAssessmentYear, unitId: ZId, itemId: ZId });
export const ZAssessmentYearParams = z.strictObject({ year: ZAssessmentYear });

export const ZAssessmentItemBody = z.strictObject({
  kind: AssessmentItemKindEnum.schema,
  /** Hundredths: a base score out of 100 (third party, satisfaction), or the points of a bonus or deduction. */
  points: ZPointsValue,
  reason: zText(500).min(2, { error: '请填写事由（至少 2 个字）' }),
  evidenceIds: z.array(ZIdValue).max(20, { error: '最多关联 20 份佐证材料' }).default([]),
  typicalCaseId: ZIdValue.nullable().default(null),
});
export type TAssessmentItemBody = z.input<typeof ZAssessmentItemBody>;

export const ZAssessmentItemPatchBody = ZAssessmentItemBody.omit({ kind: true }).partial().extend({ version: ZVersion });
export type TAssessmentItemPatchBody = z.input<typeof ZAssessmentItemPatchBody>;

export const ZAssessmentItemDeleteBody = z.strictObject({ version: ZVersion });

export const ZAssessmentPart = z.object({
  indicator: z.enum(['ranking', 'thirdParty', 'satisfaction']),
  label: z.string(),
  definition: z.string(),
  raw: ZHundredths.nullable(),
  rawMax: ZHundredths,
  weight: ZHundredths,
  points: ZHundredths,
});

export const ZAssessmentScore = z.object({
  base: ZHundredths,
  parts: z.array(ZAssessmentPart),
  bonusClaimed: ZHundredths,
  bonus: ZHundredths,
  deductions: ZHundredths,
  total: ZHundredths,
});
export type TAssessmentScore = z.infer<typeof ZAssessmentScore>;

export const ZAssessmentRow = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), parentName: z.string().nullable() }),
  rank: z.number().int(),
  score: ZAssessmentScore,
  itemCount: z.number().int(),
});
export type TAssessmentRow = z.infer<typeof ZAssessmentRow>;

export const ZAssessmentFinalised = z.object({ at: z.string(), by: z.string() }).nullable();

export const ZAssessmentList = z.object({
  year: z.number().int(),
  group: AssessmentGroupEnum.schema,
  finalised: ZAssessmentFinalised,
  /** How the base and the total are computed, in words. */
  formula: z.string(),
  rows: z.array(ZAssessmentRow),
});
export type TAssessmentList = z.infer<typeof ZAssessmentList>;

export const ZAssessmentItem = z.object({
  id: z.number().int(),
  kind: AssessmentItemKindEnum.schema,
  points: ZHundredths,
  reason: z.string(),
  evidence: z.array(z.object({ id: z.number().int(), name: z.string(), taskId: z.number().int().nullable() })),
  typicalCase: z.object({ id: z.number().int(), title: z.string(), promotedLevel: z.string().nullable() }).nullable(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TAssessmentItem = z.infer<typeof ZAssessmentItem>;

export const ZAssessmentSheet = z.object({
  year: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  finalised: ZAssessmentFinalised,
  score: ZAssessmentScore,
  items: z.array(ZAssessmentItem),
  /** The ranking's year-to-date parts behind the ranking indicator (hundredths), empty when not ranked. */
  rankingParts: z.array(z.object({ indicator: z.string(), label: z.string(), points: ZHundredths })),
  /** The unit's typical cases, to link a bonus to. */
  typicalCases: z.array(z.object({ id: z.number().int(), title: z.string(), promotedLevel: z.string().nullable() })),
});
export type TAssessmentSheet = z.infer<typeof ZAssessmentSheet>;

export const ZAssessmentImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

export const ZAssessmentImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ZAssessmentImportResult = z.object({
  /** Data rows read. */
  total: z.number().int(),
  /** Scores that would be (dry run) or were written. */
  scores: z.number().int(),
  imported: z.boolean(),
  errors: z.array(ZAssessmentImportProblem),
  preview: z.array(z.object({ row: z.number().int(), unitName: z.string(), thirdParty: ZHundredths.nullable(), satisfaction: ZHundredths.nullable() })),
});
export type TAssessmentImportResult = z.infer<typeof ZAssessmentImportResult>;

export const assessmentImportHeaders = { unit: '单位', thirdParty: '第三方评估得分', satisfaction: '群众满意度得分' } as const;
