import type { TTaskCreateBody } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { UseCaseContext } from '../context.ts';

/**
 * Multi-row INSERTs for the ledger import: every column travels as one text[] parameter and is
 * unnested and cast on the server (the technique of seeds/src/bulk.ts). Prisma's createMany sends
 * one bound parameter per cell and costs about 1.5 ms per task on either database; this costs a
 * small fraction of that, which is what lets 5,000 rows import in a few seconds.
 */
type Cell = string | number | null | readonly string[];
type Column = readonly [name: string, sqlType: string];

const CHUNK = 2_000;

function pgArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
function toText(value: Cell): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return pgArrayLiteral(value as readonly string[]);
  return String(value);
}

function insertSql(table: string, columns: readonly Column[]): string {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const selects = columns.map(([, type], i) => `c${i}::${type}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS t(${aliases})`;
}

function paramsOf(columns: readonly Column[], rows: readonly (readonly Cell[])[]): (string | null)[][] {
  return columns.map((_, i) => rows.map((row) => toText(row[i]!)));
}

async function bulkInsert(tx: Prisma.TransactionClient, table: string, columns: readonly Column[], rows: readonly (readonly Cell[])[]) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(insertSql(table, columns), ...paramsOf(columns, rows));
}

// The columns insertTask (tasks/create-task.ts) writes, in the same way; the ledger test checks
// that a task written here reads back exactly like one written by insertTask.
const TASK_COLUMNS: Column[] = [
  ['code', 'text'],
  ['list', '"TaskList"'],
  ['title', 'text'],
  ['status', '"TaskStatus"'],
  ['field', 'text'],
  ['level', '"TaskLevel"'],
  ['priority', '"TaskPriority"'],
  ['year', 'int'],
  ['batch', 'text'],
  ['tags', 'text[]'],
  ['objective', 'text'],
  ['acceptance_criteria', 'text'],
  ['issuing_level', '"TaskLevel"'],
  ['start_date', 'date'],
  ['deadline', 'date'],
  ['lead_leader', 'text'],
  ['lead_unit_id', 'int'],
  ['special_group_id', 'int'],
  ['originating_unit_id', 'int'],
  ['contact_name', 'text'],
  ['contact_phone', 'text'],
];

function taskRowOf(body: TTaskCreateBody, code: string): Cell[] {
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
 * ledger import, with the same columns, children and one audit entry per task, in a handful of
 * statements per 2,000 tasks. The caller has checked every body and allocated the codes, inside
 * the transaction it passes.
 */
export async function insertLedgerTasks(
  tx: Prisma.TransactionClient,
  ctx: UseCaseContext,
  items: readonly { body: TTaskCreateBody; code: string }[],
): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const created = await tx.$queryRawUnsafe<{ id: number; code: string }[]>(
      `${insertSql('task', TASK_COLUMNS)} RETURNING id, code`,
      ...paramsOf(TASK_COLUMNS, chunk.map(({ body, code }) => taskRowOf(body, code))),
    );
    const idOf = new Map(created.map((task) => [task.code, Number(task.id)]));
    const rows = chunk.map(({ body, code }) => ({ body, code, taskId: idOf.get(code)! }));

    await bulkInsert(
      tx,
      'task_measure',
      [['task_id', 'int'], ['seq', 'int'], ['content', 'text']],
      rows.flatMap(({ body, taskId }) => (body.measures ?? []).map((content, i) => [taskId, i + 1, content])),
    );
    await bulkInsert(
      tx,
      'task_outcome',
      [['task_id', 'int'], ['kind', '"OutcomeKind"'], ['description', 'text'], ['target_count', 'int']],
      rows.flatMap(({ body, taskId }) => body.outcomes.map((o) => [taskId, o.kind, o.description, o.targetCount])),
    );
    await bulkInsert(
      tx,
      'task_source_document',
      [['task_id', 'int'], ['title', 'text'], ['doc_number', 'text'], ['issuer', 'text'], ['issued_on', 'date']],
      rows.flatMap(({ body, taskId }) => body.sourceDocuments.map((d) => [taskId, d.title, d.docNumber, d.issuer, d.issuedOn])),
    );
    await bulkInsert(
      tx,
      'task_cooperating_unit',
      [['task_id', 'int'], ['unit_id', 'int']],
      rows.flatMap(({ body, taskId }) => [...new Set(body.cooperatingUnitIds ?? [])].map((unitId) => [taskId, unitId])),
    );
    await bulkInsert(
      tx,
      'milestone',
      [['task_id', 'int'], ['seq', 'int'], ['name', 'text'], ['phase', 'text'], ['due_date', 'date']],
      rows.flatMap(({ body, taskId }) =>
        [...body.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((m, i) => [taskId, i + 1, m.name, m.phase, m.dueDate]),
      ),
    );
    await bulkInsert(
      tx,
      'pilot_detail',
      [
        ['task_id', 'int'],
        ['batch', 'text'],
        ['approving_level', '"TaskLevel"'],
        ['applying_county_id', 'int'],
        ['guiding_unit', 'text'],
        ['term_start', 'date'],
        ['term_end', 'date'],
      ],
      rows.flatMap(({ body, taskId }) =>
        body.list === 'pilot' && body.pilot
          ? [[taskId, body.pilot.batch, body.pilot.approvingLevel, body.pilot.applyingCountyId, body.pilot.guidingUnit, body.pilot.termStart, body.pilot.termEnd]]
          : [],
      ),
    );
    await bulkInsert(
      tx,
      'audit_log',
      [['actor_id', 'int'], ['entity', 'text'], ['entity_id', 'text'], ['action', 'text'], ['changes', 'jsonb'], ['request_id', 'text']],
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
