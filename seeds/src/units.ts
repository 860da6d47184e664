import { bulkInsert, type BulkCell, type PrismaClient, type UnitKind } from '@reform/db';
import type { UnitSpec } from './catalog/units.ts';

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
}

/** Units by name (names are unique across the seeded tree). */
export type UnitMap = Map<string, UnitRow>;

/**
 * Inserts the tree level by level (parents first, one statement per level) and sets the
 * materialised path (`/1/5/`) of every unit with one recursive UPDATE.
 */
export async function insertUnitTree(prisma: PrismaClient, root: UnitSpec): Promise<UnitMap> {
  const seen = new Set<string>();
  const levels: Array<Array<{ spec: UnitSpec; parent: string | null; sortOrder: number }>> = [];
  const walk = (spec: UnitSpec, parent: string | null, depth: number, sortOrder: number): void => {
    if (seen.has(spec.name)) throw new Error(`单位名称重复：${spec.name} / duplicate unit name: ${spec.name}`);
    seen.add(spec.name);
    (levels[depth] ??= []).push({ spec, parent, sortOrder });
    (spec.children ?? []).forEach((child, i) => walk(child, spec.name, depth + 1, (i + 1) * 10));
  };
  walk(root, null, 0, 0);

  const ids = new Map<string, number>();
  for (const level of levels) {
    const rows: BulkCell[][] = level.map(({ spec, parent, sortOrder }) => [
      spec.name,
      spec.shortName ?? null,
      spec.kind,
      parent === null ? null : ids.get(parent)!,
      '',
      sortOrder,
    ]);
    await bulkInsert(
      prisma,
      'unit',
      [
        { name: 'name', type: 'text' },
        { name: 'short_name', type: 'text' },
        { name: 'kind', type: '"UnitKind"' },
        { name: 'parent_id', type: 'int' },
        { name: 'path', type: 'text' },
        { name: 'sort_order', type: 'int' },
      ],
      rows,
    );
    const created = await prisma.unit.findMany({ where: { name: { in: level.map((l) => l.spec.name) } }, select: { id: true, name: true } });
    for (const row of created) ids.set(row.name, row.id);
  }
  await prisma.$executeRawUnsafe(`
    WITH RECURSIVE tree AS (
      SELECT id, '/' || id || '/' AS path FROM unit WHERE parent_id IS NULL
      UNION ALL
      SELECT u.id, tree.path || u.id || '/' FROM unit u JOIN tree ON u.parent_id = tree.id
    )
    UPDATE unit SET path = tree.path FROM tree WHERE unit.id = tree.id AND unit.path <> tree.path`);
  const rows = await prisma.unit.findMany({ select: { id: true, name: true, kind: true, parentId: true, path: true } });
  return new Map(rows.filter((r) => seen.has(r.name)).map((r) => [r.name, r]));
}

export function unitOf(units: UnitMap, name: string): UnitRow {
  const unit = units.get(name);
  if (!unit) throw new Error(`未知单位：${name} / unknown unit: ${name}`);
  return unit;
}
