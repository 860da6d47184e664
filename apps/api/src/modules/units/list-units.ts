import type { TUnitNode } from '@reform/contracts';
import type { Database } from '@reform/db';

/** The whole organisation tree: every role needs unit names to read the lists. */
export async function listUnits(db: Database): Promise<TUnitNode[]> {
  const units = await db.prisma.unit.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
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
