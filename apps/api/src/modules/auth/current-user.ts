import type { TCurrentUser } from '@reform/contracts';
import { assignableUnitIds, homePathOf, permissionsOf } from '../../access/policy.ts';
import type { SessionUser } from '../../access/session-user.ts';

/** The signed-in user as the web app sees them, with what the policy lets them do. */
export function currentUserOf(user: SessionUser): TCurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: { id: user.unit.id, name: user.unit.name, kind: user.unit.kind },
    permissions: permissionsOf(user.role),
    assignableUnitIds: assignableUnitIds(user),
    home: homePathOf(user.role),
  };
}
