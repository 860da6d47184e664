import { z } from 'zod';
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

/** `?assignable=lead`: only the units this user may name as a task's lead unit. */
export const ZUnitsQuery = z.strictObject({
  assignable: z.enum(['lead'], { error: 'assignable 只能为 lead' }).optional(),
});
