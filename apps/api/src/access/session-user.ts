import type { Role, UnitKind } from '@reform/contracts';

/** Who is asking: loaded once per request from the server-side session. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: number; name: string; kind: UnitKind; path: string };
  /** The subtree a county reform office looks after (its county's path); else the unit's own path. */
  scopePath: string;
  /** The units of that subtree (a county office's scope is read by unit id, which an index serves). */
  scopeUnitIds: number[];
}
