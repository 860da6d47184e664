import { fieldAppliesTo, permissionNames, type Role, type TaskList, type TPermission, type TTaskEditableField } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { SessionUser } from './session-user.ts';

/**
 * The one place that decides access. Every route names a permission (checked centrally by
 * the access plugin: 401 without a session, 403 for a role without it); use cases then
 * narrow records with the scope filters below, so a record outside a user's scope is
 * simply not found (404).
 */
export const permissionTable = {
  'health:read': 'public',
  'auth:login': 'public',
  'auth:logout': 'public',
  'auth:me': ['admin', 'county_office', 'group_office', 'unit_staff', 'leader'],
  'units:read': ['admin', 'county_office', 'group_office', 'unit_staff', 'leader'],
  'tasks:read': ['admin', 'county_office', 'group_office', 'unit_staff', 'leader'],
  'tasks:update': ['admin', 'county_office', 'unit_staff'],
  'tasks:create': ['admin', 'county_office'],
  'tasks:status': ['admin', 'county_office'],
  'tasks:extend-pilot': ['admin', 'county_office'],
  'timetable:plan': ['admin', 'county_office'],
  'ledger:import': ['admin', 'county_office'],
  'ledger:export': ['admin', 'county_office', 'unit_staff', 'leader'],
  'timetable:report': ['admin', 'county_office', 'unit_staff'],
  'comments:write': ['admin', 'county_office', 'unit_staff'],
  'todos:complete': ['admin', 'county_office', 'unit_staff'],
  'evidence:upload': ['admin', 'county_office', 'unit_staff'],
  'settings:manage': ['admin'],
  'todos:read': ['admin', 'county_office', 'group_office', 'unit_staff', 'leader'],
  'dashboard:read': ['admin', 'county_office', 'unit_staff', 'leader'],
  'reports:read': ['admin', 'county_office', 'unit_staff', 'leader'],
  'reports:write': ['admin', 'county_office', 'unit_staff'],
  'reports:review': ['admin', 'county_office'],
  'report-rounds:read': ['admin', 'county_office', 'unit_staff', 'leader'],
  'report-rounds:open': ['admin', 'county_office'],
  'rankings:read': ['admin', 'county_office', 'unit_staff', 'leader'],
  'rankings:publish': ['admin'],
  'rankings:appeal': ['county_office', 'unit_staff'],
  'rankings:decide-appeal': ['admin'],
  'supervision:read': ['admin', 'county_office', 'group_office', 'unit_staff', 'leader'],
  'supervision:inspect': ['admin', 'county_office', 'group_office'],
  'supervision:respond': ['admin', 'county_office', 'unit_staff'],
  'reminders:read': ['admin', 'county_office'],
  'reminders:send': ['admin', 'county_office'],
  'assessment:read': ['admin', 'county_office', 'unit_staff', 'leader'],
  'assessment:manage': ['admin'],
  'quarterly-report:read': ['admin', 'county_office', 'leader'],
} as const satisfies Record<TPermission | 'health:read' | 'auth:login' | 'auth:logout', 'public' | readonly Role[]>;

export type Permission = keyof typeof permissionTable;

/**
 * Reading permissions end in `:read`; the access plugin refuses to start a route that changes
 * something (any method but GET/HEAD) under one, so a write can never hide behind a read.
 */
export const isReadPermission = (permission: Permission): boolean => permission.endsWith(':read');

/** The permissions a role holds, as `GET /api/auth/me` tells the web app (the public ones go without saying). */
export function permissionsOf(role: Role): TPermission[] {
  return permissionNames.filter((permission) => roleMay(role, permission));
}

export function roleMay(role: Role, permission: Permission): boolean {
  const rule = permissionTable[permission];
  return rule === 'public' || (rule as readonly Role[]).includes(role);
}

interface UnitPlace {
  kind: string;
  path: string;
}

/** The subtree a unit looks after: a county reform office (改革办 under a county or zone) sees its whole county. */
export function scopePathOf(unit: UnitPlace, parent: UnitPlace | null): string {
  if (unit.kind === 'reform_office' && parent && (parent.kind === 'county' || parent.kind === 'zone')) return parent.path;
  return unit.path;
}

/**
 * Tasks a user may see, read from the task–unit membership table (kept equal to the facts by
 * database triggers): a county office sees the tasks its county's units lead, cooperate on or
 * applied for as pilots; a unit's staff see tasks their unit leads or cooperates on. Whoever is
 * mentioned in a comment may read that task too (see `mayMention`, which limits who may be asked).
 */
export function taskScope(user: SessionUser): Prisma.TaskWhereInput {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return {};
    case 'county_office':
      return {
        units: {
          some: {
            OR: [
              { role: { in: ['lead', 'cooperating', 'applicant'] }, unitId: { in: user.scopeUnitIds } },
              { role: 'mentioned', unitId: user.unit.id },
            ],
          },
        },
      };
    case 'group_office':
      return { specialGroupId: user.unit.id };
    case 'unit_staff':
      return { units: { some: { unitId: user.unit.id, role: { in: ['lead', 'cooperating', 'mentioned'] } } } };
  }
}

/**
 * What `taskScope` depends on, as a key: answers computed for one scope (kept per fact version,
 * `memoizedByFacts`) are given to callers of the same scope only.
 */
export function taskScopeKey(user: SessionUser): string {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return 'all';
    case 'county_office':
      return `county:${user.unit.id}:${user.scopeUnitIds.join(',')}`;
    case 'group_office':
      return `group:${user.unit.id}`;
    case 'unit_staff':
      return `unit:${user.unit.id}`;
  }
}

export interface MentionCandidate extends UnitPlace {
  id: number;
  parent: UnitPlace | null;
}

/**
 * Whom a user may mention on a task, and so let read it. Anyone may ask the units the task
 * belongs to (lead, cooperating, a pilot's applying county) and the reform offices whose scope
 * holds the task; the city reform office may ask any unit, a county office any unit of its
 * county. Unit staff therefore cannot open a task to an unrelated unit.
 */
export function mayMention(
  user: SessionUser,
  task: { units: readonly { id: number; path: string }[] },
  unit: MentionCandidate,
): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'leader' || user.role === 'group_office') return false;
  if (task.units.some((member) => member.id === unit.id)) return true;
  if (user.role === 'county_office' && unit.path.startsWith(user.scopePath)) return true;
  if (unit.kind !== 'reform_office') return false;
  const officeScope = scopePathOf(unit, unit.parent);
  // The city office's scope is the whole city; a county office's, its county.
  return officeScope === unit.path || task.units.some((member) => member.path.startsWith(officeScope));
}

const allTaskFields: readonly TTaskEditableField[] = [
  'title',
  'field',
  'level',
  'priority',
  'year',
  'batch',
  'tags',
  'objective',
  'acceptanceCriteria',
  'startDate',
  'deadline',
  'leadLeader',
  'leadUnitId',
  'specialGroupId',
  'cooperatingUnitIds',
  'contactName',
  'contactPhone',
  'measures',
  'outcomes',
  'sourceDocuments',
  'issuingLevel',
  'originatingUnitId',
  'pilot',
];

/**
 * A lead unit's staff keep the task book's content and the contact up to date, and report what
 * has been delivered of the expected outcomes; the reform office sets the rest, including the
 * source documents the task was broken down from and the fields of the task's list (下达层级,
 * 首创单位, 试点信息).
 */
const unitStaffTaskFields: readonly TTaskEditableField[] = [
  'objective',
  'acceptanceCriteria',
  'measures',
  'outcomes',
  'contactName',
  'contactPhone',
];

export interface TaskOwnership {
  leadUnitId: number;
  leadUnitPath: string;
  applyingCountyPath: string | null;
}

/** Which fields of a task (already known to be in scope) the user's role lets them change; empty = read only. */
export function editableTaskFields(user: SessionUser, task: TaskOwnership): readonly TTaskEditableField[] {
  switch (user.role) {
    case 'admin':
      return allTaskFields;
    case 'county_office': {
      const ownsIt =
        task.leadUnitPath.startsWith(user.scopePath) || (task.applyingCountyPath?.startsWith(user.scopePath) ?? false);
      return ownsIt ? allTaskFields : [];
    }
    case 'unit_staff':
      return task.leadUnitId === user.unit.id ? unitStaffTaskFields : [];
    case 'group_office':
    case 'leader':
      return [];
  }
}

/**
 * Dates frozen by the approved timetable: after the baseline, moving them is an adjustment request
 * (调整申请) the reform office approves or refuses, never a free edit. The rule sits here beside the
 * editable fields so the detail's permissions show the form exactly what the PATCH will refuse.
 */
const frozenAfterBaseline: readonly TTaskEditableField[] = ['startDate', 'deadline'];

export interface TaskFieldAccess {
  /** Fields the user may change now. */
  editable: readonly TTaskEditableField[];
  /** Fields the user could otherwise change but that the approved timetable has frozen. */
  frozen: readonly TTaskEditableField[];
}

/** What the user may change of this task: their role's fields that belong to the task's list, less the frozen dates. */
export function taskFieldAccess(
  user: SessionUser,
  task: TaskOwnership & { list: TaskList; baselineApproved: boolean },
): TaskFieldAccess {
  const fields = editableTaskFields(user, task).filter((field) => fieldAppliesTo(field, task.list));
  const frozen = task.baselineApproved ? fields.filter((field) => frozenAfterBaseline.includes(field)) : [];
  return { editable: fields.filter((field) => !frozen.includes(field)), frozen };
}

/** The units `mayAssignUnit` allows, as ids for the forms: null = any unit. */
export function assignableUnitIds(user: SessionUser): number[] | null {
  if (user.role === 'admin') return null;
  return user.role === 'county_office' ? user.scopeUnitIds : [];
}

/** Units a user may name on a task (lead unit, originating unit, applying county): a county office stays within its county. */
export function mayAssignUnit(user: SessionUser, unitPath: string): boolean {
  return user.role === 'admin' || (user.role === 'county_office' && unitPath.startsWith(user.scopePath));
}

/** Editing the timetable before its baseline, approving it and deciding adjustments: the offices that own the task. */
export function mayPlanTimetable(user: SessionUser, task: TaskOwnership): boolean {
  return (user.role === 'admin' || user.role === 'county_office') && editableTaskFields(user, task).length > 0;
}

/**
 * The tasks whose timetable a user may plan and whose adjustment requests they decide, as a
 * query (the to-do list's pending requests); the same owners as `mayPlanTimetable`.
 */
export function plannableTaskScope(user: SessionUser): Prisma.TaskWhereInput | null {
  switch (user.role) {
    case 'admin':
      return {};
    case 'county_office':
      return {
        OR: [
          { leadUnit: { path: { startsWith: user.scopePath } } },
          { pilot: { applyingCounty: { path: { startsWith: user.scopePath } } } },
        ],
      };
    case 'group_office':
    case 'unit_staff':
    case 'leader':
      return null;
  }
}

/** Starting, suspending, resuming, completing and closing (销号) a task: the offices that own it, as for its timetable. */
export function mayChangeTaskStatus(user: SessionUser, task: TaskOwnership): boolean {
  return mayPlanTimetable(user, task);
}

/** Extending a pilot's term (试点延期): the offices that own it, as for its status. */
export function mayExtendPilot(user: SessionUser, task: TaskOwnership): boolean {
  return mayChangeTaskStatus(user, task);
}

/** Completing milestones and asking for timetable adjustments: the lead unit, and the offices that own the task. */
export function mayReportProgress(user: SessionUser, task: TaskOwnership): boolean {
  return editableTaskFields(user, task).length > 0;
}

/** Where a user lands after signing in: lead cadres read the overview dashboard, everyone else works the task list. */
export function homePathOf(role: Role): '/tasks' | '/dashboard' {
  return role === 'leader' ? '/dashboard' : '/tasks';
}

// ─── Quarterly reports (一季度一报) ──────────────────────────────────────────

/**
 * Reports a user may see: a report belongs to its task's lead unit. Unit staff see their unit's
 * reports and those of tasks their unit cooperates on (to add their contribution); a county
 * office its subtree's; the city office and leaders everything.
 */
export function reportScope(user: SessionUser): Prisma.ProgressReportWhereInput {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return {};
    case 'county_office':
      return { unitId: { in: user.scopeUnitIds } };
    case 'group_office':
      return { task: taskScope(user) };
    case 'unit_staff':
      return {
        OR: [{ unitId: user.unit.id }, { task: { units: { some: { unitId: user.unit.id, role: 'cooperating' } } } }],
      };
  }
}

/** The same scope as SQL over `progress_report r` (for the board's aggregate): null = everything. */
export function reportScopeUnitIds(user: SessionUser): number[] | null {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return null;
    case 'county_office':
      return user.scopeUnitIds;
    case 'group_office':
      // A special group reads no report board (it holds no report permission): no unit's counts.
      return [];
    case 'unit_staff':
      return [user.unit.id];
  }
}

/** Filling and submitting a report: its own unit's staff, or the office whose scope holds the unit. */
export function mayFillReport(user: SessionUser, report: { unitId: number }): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'county_office') return user.scopeUnitIds.includes(report.unitId);
  return user.role === 'unit_staff' && user.unit.id === report.unitId;
}

/** Returning or accepting a report: the city office, or the county office whose subtree holds the unit. */
export function mayReviewReport(user: SessionUser, report: { unitId: number }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'county_office' && user.scopeUnitIds.includes(report.unitId);
}

/** Opening a round: the city office for the city, a county office for its county. */
export function mayOpenRound(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'county_office';
}

/**
 * Rounds a user may see, as a query: the city office and leaders all; others those whose scope
 * holds their own (the city's round, their county's) or lies within it (a county office's own).
 */
export function roundScope(user: SessionUser): Prisma.ReportRoundWhereInput {
  if (user.role === 'admin' || user.role === 'leader') return {};
  const parts = user.scopePath.split('/').filter(Boolean);
  const holders = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
  return { OR: [{ scopePath: { in: ['', ...holders] } }, { scopePath: { startsWith: user.scopePath } }] };
}

// ─── Supervision (督查整改) ──────────────────────────────────────────────────

/**
 * Rectification items a user may see: the offices see what their scope holds (the item's owner
 * unit or its task), unit staff the items their unit owns and those on the tasks they see.
 */
export function rectificationScope(user: SessionUser): Prisma.RectificationItemWhereInput {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return {};
    case 'county_office':
      return { OR: [{ ownerUnitId: { in: user.scopeUnitIds } }, { task: taskScope(user) }, { inspection: { unitId: { in: user.scopeUnitIds } } }] };
    case 'group_office':
      return { OR: [{ task: taskScope(user) }, { inspection: { unitId: user.unit.id } }] };
    case 'unit_staff':
      return { OR: [{ ownerUnitId: user.unit.id }, { task: taskScope(user) }] };
  }
}

/** Inspections a user may see: those recorded by the office's scope, on tasks the user sees, or naming the user's units as owners. */
export function inspectionScope(user: SessionUser): Prisma.InspectionWhereInput {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return {};
    case 'county_office':
      return {
        OR: [
          { unitId: { in: user.scopeUnitIds } },
          { tasks: { some: { task: taskScope(user) } } },
          { items: { some: { ownerUnitId: { in: user.scopeUnitIds } } } },
        ],
      };
    case 'group_office':
      return { OR: [{ unitId: user.unit.id }, { tasks: { some: { task: taskScope(user) } } }] };
    case 'unit_staff':
      return { OR: [{ tasks: { some: { task: taskScope(user) } } }, { items: { some: { ownerUnitId: user.unit.id } } }] };
  }
}

/**
 * Adding items to, closing (销号) and reopening items of an inspection: the city office, the county
 * office that recorded it, or the special group that recorded it.
 */
export function mayInspect(user: SessionUser, inspection: { unitId: number }): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'county_office':
      return user.scopeUnitIds.includes(inspection.unitId);
    case 'group_office':
      return user.unit.id === inspection.unitId;
    case 'unit_staff':
    case 'leader':
      return false;
  }
}

/** The items a user may close (销号) or reopen, as a query (the to-do list's items waiting to be closed); the same inspectors as `mayInspect`. */
export function inspectedRectificationScope(user: SessionUser): Prisma.RectificationItemWhereInput | null {
  switch (user.role) {
    case 'admin':
      return {};
    case 'county_office':
      return { inspection: { unitId: { in: user.scopeUnitIds } } };
    case 'group_office':
      return { inspection: { unitId: user.unit.id } };
    case 'unit_staff':
    case 'leader':
      return null;
  }
}

/**
 * The units an inspector may make answer for a finding, as a query: the city office any unit, a
 * county office its county's; a special group the units of its group (its departments) and the
 * lead and cooperating units of the inspection's tasks.
 */
export function rectificationOwnerScope(user: SessionUser, inspectionTaskIds: readonly number[]): Prisma.UnitWhereInput | null {
  switch (user.role) {
    case 'admin':
      return {};
    case 'county_office':
      return { path: { startsWith: user.scopePath } };
    case 'group_office':
      return {
        OR: [
          { path: { startsWith: user.scopePath } },
          { taskMemberships: { some: { taskId: { in: [...inspectionTaskIds] }, role: { in: ['lead', 'cooperating'] } } } },
        ],
      };
    case 'unit_staff':
    case 'leader':
      return null;
  }
}

/** Responding to an item: its owner unit's staff, and the offices whose scope holds the owner unit. */
export function mayRespondRectification(user: SessionUser, item: { ownerUnitId: number }): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'county_office':
      return user.scopeUnitIds.includes(item.ownerUnitId);
    case 'unit_staff':
      return user.unit.id === item.ownerUnitId;
    case 'group_office':
    case 'leader':
      return false;
  }
}
