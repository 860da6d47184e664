import { z } from 'zod';
import { ZId } from './common.ts';
import { UnitKindEnum, type UnitKind } from './enums.ts';

export interface TUnitNode {
  id: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: number | null;
  children: TUnitNode[];
}

export const ZUnitNode: z.ZodType<TUnitNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: UnitKindEnum.schema,
    parentId: z.number().int().nullable(),
    children: z.array(ZUnitNode),
  }),
);
export const ZUnitTree = z.array(ZUnitNode);

/**
 * `?assignable=lead`: only the units this user may name as a task's lead unit;
 * `?assignable=mention&taskId=`: only those this user may mention in a comment on that task.
 */
export const ZUnitsQuery = z
  .strictObject({
    assignable: z.enum(['lead', 'mention'], { error: 'assignable 只能为 lead 或 mention' }).optional(),
    taskId: ZId.optional(),
  })
  .refine((query) => query.assignable !== 'mention' || query.taskId !== undefined, {
    path: ['taskId'],
    error: '请指定任务（taskId）',
  });
