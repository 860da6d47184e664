import type { TUnitNode } from '@reform/contracts';
import type { Database } from '@reform/db';

/** A unit as `keep` sees it: with its parent, which some rules (who may be mentioned) weigh. */
export interface KeepCandidate {
  id: number;
  kind: string;
  path: string;
  parent: { kind: string; path: string } | null;
}

/**
 * The organisation tree: every role needs unit names to read the lists. With `keep`, only the
 * units it keeps; a kept unit whose parent is not kept becomes a root.
 */
export async function listUnits(db: Database, keep: (unit: KeepCandidate) => boolean = () => true): Promise<TUnitNode[]> {
  const all = await db.prisma.unit.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  const byId = new Map(all.map((unit) => [unit.id, unit]));
  const units = all.filter((unit) => keep({ ...unit, parent: (unit.parentId !== null && byId.get(unit.parentId)) || null }));
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
