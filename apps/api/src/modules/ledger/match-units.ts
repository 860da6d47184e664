import type { UnitKind } from '@reform/contracts';

export interface LedgerUnit {
  id: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  path: string;
}

export type UnitMatch = { ok: true; unit: LedgerUnit } | { ok: false; message: string };

/** Full-width forms folded, spaces removed: how names are compared. */
function key(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * Finds units by the names people write in a ledger: the exact name or the short name. When a name
 * is unknown, it suggests the closest unit: one whose name contains it or is contained in it
 * (科技局 → 市科技局), else the nearest by edit distance if that is close enough to be a typo.
 */
export class UnitMatcher {
  private readonly byName = new Map<string, LedgerUnit>();
  private readonly misses = new Map<string, string>();

  constructor(private readonly units: readonly LedgerUnit[]) {
    // Full names first, so that a short name never hides another unit's full name.
    for (const unit of units) if (!this.byName.has(key(unit.name))) this.byName.set(key(unit.name), unit);
    for (const unit of units) {
      if (unit.shortName && !this.byName.has(key(unit.shortName))) this.byName.set(key(unit.shortName), unit);
    }
  }

  match(written: string): UnitMatch {
    const unit = this.byName.get(key(written));
    if (unit) return { ok: true, unit };
    let message = this.misses.get(written);
    if (message === undefined) {
      const suggestion = this.suggest(key(written));
      message = suggestion ? `找不到单位“${written}”，是否为“${suggestion}”？` : `找不到单位“${written}”`;
      this.misses.set(written, message);
    }
    return { ok: false, message };
  }

  private suggest(written: string): string | null {
    if (written === '') return null;
    let best: { name: string; score: number } | null = null;
    for (const unit of this.units) {
      for (const candidate of [unit.name, unit.shortName]) {
        if (!candidate) continue;
        const name = key(candidate);
        const contains = name.includes(written) || written.includes(name);
        // Containment beats any edit distance; among those, the closest in length wins.
        const score = contains ? Math.abs(name.length - written.length) : 1_000 + editDistance(written, name);
        if (!contains && score - 1_000 > Math.max(1, Math.floor(written.length / 2))) continue;
        if (!best || score < best.score) best = { name: unit.name, score };
      }
    }
    return best?.name ?? null;
  }
}
