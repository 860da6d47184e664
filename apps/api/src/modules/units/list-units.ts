import type { TUnitNode } from '@reform/contracts';
import type { Database } from '@reform/db';

/**
 * The organisation tree: every role needs unit names to read the lists. With `keep`, only the
 * units it keeps; a kept unit whose parent is not kept becomes a root.
 */
export async function listUnits(db: Database, keep: (unit: { path: string }) => boolean = () => true): Promise<TUnitNode[]> {
  const units = (await db.prisma.unit.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] })).filter(keep);
  const nodes = new Map<number, TUnitNode>(
    units.map((unit) => [
      unit.id,
      { id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind, parentId: unit.parentId, children: [] },
    ]),
  );
  const roots: TUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
