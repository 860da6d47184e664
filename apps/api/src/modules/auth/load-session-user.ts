import type { Role, UnitKind } from '@reform/contracts';
import type { Database } from '@reform/db';
import { scopePathOf } from '../../access/policy.ts';
import type { SessionUser } from '../../access/session-user.ts';

interface SessionRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number;
  unit_name: string;
  unit_kind: UnitKind;
  unit_path: string;
  parent_kind: UnitKind | null;
  parent_path: string | null;
  /** For a county office: the units under its unit's parent, from which its scope is taken. */
  area: { id: number; path: string }[] | null;
}

/**
 * The signed-in user of a session, in one statement: every request pays for it, so the
 * session, user, unit, parent unit and a county office's units come back in one round trip.
 * Nothing is cached, so a sign-out or a changed role takes effect on the next request in
 * every process.
 */
export async function loadSessionUser(db: Database, sessionId: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db.prisma.$queryRaw<SessionRow[]>`
    SELECT u.id, u.username, u.display_name, u.role::text AS role,
           un.id AS unit_id, un.name AS unit_name, un.kind::text AS unit_kind, un.path AS unit_path,
           p.kind::text AS parent_kind, p.path AS parent_path,
           CASE WHEN u.role = 'county_office' THEN (
             SELECT json_agg(json_build_object('id', t.id, 'path', t.path))
             FROM unit t WHERE starts_with(t.path, coalesce(p.path, un.path))
           ) END AS area
    FROM session s
    JOIN app_user u ON u.id = s.user_id AND u.active
    JOIN unit un ON un.id = u.unit_id
    LEFT JOIN unit p ON p.id = un.parent_id
    WHERE s.id = ${sessionId} AND s.expires_at > ${now}`;
  if (!row) return null;
  const unit = { id: row.unit_id, name: row.unit_name, kind: row.unit_kind, path: row.unit_path };
  const parent = row.parent_kind && row.parent_path !== null ? { kind: row.parent_kind, path: row.parent_path } : null;
  const scopePath = scopePathOf(unit, parent);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit,
    scopePath,
    scopeUnitIds: row.area ? row.area.filter((u) => u.path.startsWith(scopePath)).map((u) => u.id) : [unit.id],
  };
}
