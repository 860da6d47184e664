import type { TTaskCreateBody } from '@reform/contracts';
import { bulkInsert, bulkInsertReturning, type BulkCell, type BulkColumn, type Prisma } from '@reform/db';
import type { UseCaseContext } from '../context.ts';

// Rows per statement: small enough that one statement of a big ledger stays short.
const CHUNK = 1_000;

const columns = (spec: Record<string, string>): BulkColumn[] => Object.entries(spec).map(([name, type]) => ({ name, type }));

// The columns insertTask (tasks/create-task.ts) writes, in the same way; the ledger test checks
// that a task written here reads back exactly like one written by insertTask.
const TASK_COLUMNS = columns({
  code: 'text',
  list: '"TaskList"',
  title: 'text',
  status: '"TaskStatus"',
  field: 'text',
  level: '"TaskLevel"',
  priority: '"TaskPriority"',
  year: 'int',
  batch: 'text',
  tags: 'text[]',
  objective: 'text',
  acceptance_criteria: 'text',
  issuing_level: '"TaskLevel"',
  start_date: 'date',
  deadline: 'date',
  lead_leader: 'text',
  lead_unit_id: 'int',
  special_group_id: 'int',
  originating_unit_id: 'int',
  contact_name: 'text',
  contact_phone: 'text',
});

function taskRowOf(body: TTaskCreateBody, code: string): BulkCell[] {
  return [
    code,
    body.list,
    body.title,
    body.status,
    body.field,
    body.level,
    body.priority,
    body.year,
    body.batch ?? null,
    body.tags ?? [],
    body.objective ?? '',
    body.acceptanceCriteria ?? '',
    body.list === 'mandate' ? body.issuingLevel : null,
    body.startDate,
    body.deadline,
    body.leadLeader ?? '',
    body.leadUnitId,
    body.specialGroupId ?? null,
    body.list === 'innovation' ? body.originatingUnitId : null,
    body.contactName ?? '',
    body.contactPhone ?? '',
  ];
}

/**
 * Writes many new tasks with everything they own: the batch counterpart of insertTask for the
 * ledger import, with the same columns, children and one audit entry per task, through the bulk
 * writer of @reform/db, a few statements per thousand tasks. The caller has checked every body
 * and allocated the codes, inside the transaction it passes.
 */
export async function insertLedgerTasks(
  tx: Prisma.TransactionClient,
  ctx: UseCaseContext,
  items: readonly { body: TTaskCreateBody; code: string }[],
): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const created = await bulkInsertReturning<{ id: number; code: string }>(
      tx,
      'task',
      TASK_COLUMNS,
      chunk.map(({ body, code }) => taskRowOf(body, code)),
      'id, code',
      { chunk: CHUNK },
    );
    const idOf = new Map(created.map((task) => [task.code, Number(task.id)]));
    const rows = chunk.map(({ body, code }) => ({ body, code, taskId: idOf.get(code)! }));

    await bulkInsert(
      tx,
      'task_measure',
      columns({ task_id: 'int', seq: 'int', content: 'text' }),
      rows.flatMap(({ body, taskId }) => (body.measures ?? []).map((content, i) => [taskId, i + 1, content])),
    );
    await bulkInsert(
      tx,
      'task_outcome',
      columns({ task_id: 'int', kind: '"OutcomeKind"', description: 'text', target_count: 'int' }),
      rows.flatMap(({ body, taskId }) => body.outcomes.map((o) => [taskId, o.kind, o.description, o.targetCount])),
    );
    await bulkInsert(
      tx,
      'task_source_document',
      columns({ task_id: 'int', title: 'text', doc_number: 'text', issuer: 'text', issued_on: 'date' }),
      rows.flatMap(({ body, taskId }) => body.sourceDocuments.map((d) => [taskId, d.title, d.docNumber, d.issuer, d.issuedOn])),
    );
    await bulkInsert(
      tx,
      'task_cooperating_unit',
      columns({ task_id: 'int', unit_id: 'int' }),
      rows.flatMap(({ body, taskId }) => [...new Set(body.cooperatingUnitIds ?? [])].map((unitId) => [taskId, unitId])),
    );
    await bulkInsert(
      tx,
      'milestone',
      columns({ task_id: 'int', seq: 'int', name: 'text', phase: 'text', due_date: 'date' }),
      rows.flatMap(({ body, taskId }) =>
        [...body.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((m, i) => [taskId, i + 1, m.name, m.phase, m.dueDate]),
      ),
    );
    await bulkInsert(
      tx,
      'pilot_detail',
      columns({
        task_id: 'int',
        batch: 'text',
        approving_level: '"TaskLevel"',
        applying_county_id: 'int',
        guiding_unit: 'text',
        term_start: 'date',
        term_end: 'date',
      }),
      rows.flatMap(({ body, taskId }) =>
        body.list === 'pilot' && body.pilot
          ? [[taskId, body.pilot.batch, body.pilot.approvingLevel, body.pilot.applyingCountyId, body.pilot.guidingUnit, body.pilot.termStart, body.pilot.termEnd]]
          : [],
      ),
    );
    await bulkInsert(
      tx,
      'audit_log',
      columns({ actor_id: 'int', entity: 'text', entity_id: 'text', action: 'text', changes: 'jsonb', request_id: 'text' }),
      rows.map(({ body, code, taskId }) => [
        ctx.user.id,
        'task',
        String(taskId),
        'create',
        JSON.stringify({ code: { from: null, to: code }, title: { from: null, to: body.title } }),
        ctx.requestId,
      ]),
    );
  }
}
