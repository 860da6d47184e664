import {
  ZLedgerMapping,
  ZTaskCreateBody,
  ledgerFieldLabels,
  type TaskList,
  type TLedgerColumn,
  type TLedgerField,
  type TLedgerMapping,
  type TLedgerProblem,
  type TTaskCreateBody,
  type TTaskCreateInput,
} from '@reform/contracts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  ScheduleError,
  parseLedgerDate,
  parseListLabel,
  recogniseHeaders,
  requiredLedgerFields,
  reverseSchedule,
  splitUnitNames,
  type LedgerField,
} from '@reform/domain';
import { mayAssignUnit } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import type { PlanningSettings } from '../settings/load-planning-settings.ts';
import { findDuplicateTasks } from './duplicate-tasks.ts';
import { cellText, type LedgerCell, type LedgerSheet } from './ledger-cells.ts';
import { headerKeyOf, normaliseTitle } from './ledger-keys.ts';
import { UnitMatcher } from './match-units.ts';

// The contracts' field list and the domain's recogniser must name the same fields.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _fieldsAgree: Same<TLedgerField, LedgerField> = true;

const LEAD_UNIT_KINDS = new Set(['department', 'county', 'zone', 'town', 'reform_office', 'special_group']);
const COUNTY_KINDS = new Set(['county', 'zone', 'town']);
const FOOTER = /^(合\s*计|总\s*计|小\s*计|(填表)?说\s*明|注)(\s|[:：]|$)/;
const DEFAULT_FIELD = '综合';
const FINAL_MILESTONE = '完成任务';
const PILOT_BATCH = '台账导入';
// Rows checked between turns of the event loop, so a big ledger never holds up other requests.
const ROWS_PER_TURN = 250;

export interface LedgerCheckInput {
  sheet: LedgerSheet;
  /** Sent with the request; applied over the saved mapping of the same layout. */
  mapping?: TLedgerMapping | undefined;
  /** For rows without a 清单类别 column, or with the cell left blank. */
  defaultList?: TaskList | undefined;
  settings: PlanningSettings;
}

export interface CheckedRow {
  rowNumber: number;
  body: TTaskCreateBody;
}

export interface LedgerCheck {
  total: number;
  valid: number;
  errors: TLedgerProblem[];
  /** Worth knowing but no reason to refuse the row (a deadline already passed). */
  warnings: TLedgerProblem[];
  columns: TLedgerColumn[];
  /** Rows that can become tasks, in the ledger's order. */
  rows: CheckedRow[];
  /** The normalised header row: the key a mapping is remembered by. */
  headerKey: string;
  /** The mapping saved for this layout, if any, so an import can merge the new one into it. */
  savedMapping: TLedgerMapping;
}

/** Applies a mapping to the columns: an explicit choice wins and takes the field from any other column. */
function applyMapping(columns: TLedgerColumn[], mapping: TLedgerMapping, strict: boolean): void {
  for (const [key, field] of Object.entries(mapping)) {
    const index = Number(key);
    const column = columns[index];
    if (!column) {
      if (!strict) continue;
      throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
        fields: [{ path: 'mapping', message: { zh: `第 ${index} 列不存在（表头共 ${columns.length} 列，从 0 起算）`, en: `No column ${index}` } }],
      });
    }
    if (field !== null) for (const other of columns) if (other.field === field) other.field = null;
    column.field = field;
  }
}

type OrderedProblem = TLedgerProblem & { order: number };

class RowProblems {
  readonly list: OrderedProblem[] = [];
  readonly warnings: OrderedProblem[] = [];
  private readonly columnsWithProblems = new Set<string>();
  constructor(
    private readonly rowNumber: number,
    private readonly columnOf: (field: TLedgerField) => { header: string; order: number },
  ) {}
  add(field: TLedgerField, message: string): void {
    const { header, order } = this.columnOf(field);
    this.list.push({ row: this.rowNumber, column: header, message, order });
    this.columnsWithProblems.add(field);
  }
  warn(field: TLedgerField, message: string): void {
    const { header, order } = this.columnOf(field);
    this.warnings.push({ row: this.rowNumber, column: header, message, order });
  }
  has(field: TLedgerField): boolean {
    return this.columnsWithProblems.has(field);
  }
}

// Where an issue of the create-body's validation belongs in the ledger.
const fieldOfBodyPath: Record<string, TLedgerField> = {
  list: 'list',
  title: 'title',
  field: 'field',
  objective: 'objective',
  leadLeader: 'leadLeader',
  leadUnitId: 'leadUnit',
  originatingUnitId: 'leadUnit',
  cooperatingUnitIds: 'cooperatingUnits',
  deadline: 'deadline',
  startDate: 'deadline',
  milestones: 'deadline',
  pilot: 'list',
  outcomes: 'expectedOutcome',
  sourceDocuments: 'sourceDocument',
};

/**
 * Turns every data row of a ledger into a task-create body, collecting every problem with the
 * Excel row, the column's header and a Chinese message; a deadline already passed is a warning,
 * since every running ledger carries overdue tasks (they come in red). Nothing is written. Units
 * are loaded once and existing titles once, so a ledger of thousands of rows is checked in memory.
 */
export async function checkLedger(ctx: UseCaseContext, input: LedgerCheckInput): Promise<LedgerCheck> {
  const { sheet, settings } = input;
  const headerKey = headerKeyOf(sheet.headers);
  const columns: TLedgerColumn[] = recogniseHeaders(sheet.headers).columns.map((c) => ({ ...c }));

  const saved = await ctx.db.prisma.ledgerLayout.findUnique({ where: { headerKey } });
  const savedMapping = ZLedgerMapping.safeParse(saved?.mapping).data ?? {};
  applyMapping(columns, savedMapping, false);
  if (input.mapping) applyMapping(columns, input.mapping, true);

  const indexOf = new Map<TLedgerField, number>();
  for (const column of columns) if (column.field) indexOf.set(column.field, column.index);
  const columnOf = (field: TLedgerField) => {
    const index = indexOf.get(field);
    return index === undefined
      ? { header: ledgerFieldLabels[field], order: columns.length }
      : { header: columns[index]!.header || ledgerFieldLabels[field], order: index };
  };

  const dataRows = sheet.rows.filter((row) => !isBlankOrFooter(row.cells));
  const errors: TLedgerProblem[] = [];
  const headerProblem = (message: string) => errors.push({ row: sheet.headerRowNumber, column: '', message });
  for (const field of requiredLedgerFields) {
    if (!indexOf.has(field)) {
      headerProblem(`表头中没有“${ledgerFieldLabels[field]}”列：请在列对应关系中指定哪一列是“${ledgerFieldLabels[field]}”`);
    }
  }
  if (!indexOf.has('list') && !input.defaultList) {
    headerProblem('表头中没有“清单类别”列：请选择这些任务导入到哪一张清单');
  }
  if (dataRows.length === 0) headerProblem('表头下方没有任务数据');
  if (errors.length > 0) return { total: dataRows.length, valid: 0, errors, warnings: [], columns, rows: [], headerKey, savedMapping };

  const unitRows = await ctx.db.prisma.unit.findMany({
    select: { id: true, name: true, shortName: true, kind: true, path: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  const units = new UnitMatcher(unitRows);

  const referenceYear = Number(ctx.today.slice(0, 4));
  const template = settings.phaseTemplates[0]!;
  const firstRowOfTitle = new Map<string, number>();
  const checked: { rowNumber: number; p: RowProblems; list: TaskList | undefined; title: string; body: TTaskCreateBody | null }[] = [];

  for (const [i, row] of dataRows.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
    const cell = (field: TLedgerField): LedgerCell => {
      const index = indexOf.get(field);
      return index === undefined ? null : (row.cells[index] ?? null);
    };
    const text = (field: TLedgerField) => cellText(cell(field));
    const p = new RowProblems(row.rowNumber, columnOf);

    // 清单类别
    let list: TaskList | undefined;
    const listText = text('list');
    if (listText !== '') {
      list = parseListLabel(listText) ?? undefined;
      if (!list) p.add('list', `无法识别的清单类别“${listText}”，应为重大改革任务、改革试点或地方创新项目`);
    } else if (input.defaultList) list = input.defaultList;
    else p.add('list', '未填写清单类别');

    // 改革任务
    const title = text('title');
    if (title === '') p.add('title', `未填写${columnOf('title').header}`);

    // 牵头单位
    let leadUnitId: number | undefined;
    let leadUnitKind: string | undefined;
    const leadText = text('leadUnit');
    if (leadText === '') p.add('leadUnit', `未填写${columnOf('leadUnit').header}`);
    else {
      const found = units.match(leadText);
      if (!found.ok) p.add('leadUnit', found.message);
      else if (!LEAD_UNIT_KINDS.has(found.unit.kind)) p.add('leadUnit', `“${found.unit.name}”不能作为牵头单位`);
      else if (!mayAssignUnit(ctx.user, found.unit.path)) p.add('leadUnit', `牵头单位“${found.unit.name}”不在本辖区范围内`);
      else {
        leadUnitId = found.unit.id;
        leadUnitKind = found.unit.kind;
      }
    }

    // 配合单位
    const cooperatingUnitIds: number[] = [];
    for (const name of splitUnitNames(text('cooperatingUnits'))) {
      const found = units.match(name);
      if (!found.ok) p.add('cooperatingUnits', found.message);
      else if (found.unit.id === leadUnitId) p.add('cooperatingUnits', `牵头单位“${found.unit.name}”不能同时是配合单位`);
      else if (!cooperatingUnitIds.includes(found.unit.id)) cooperatingUnitIds.push(found.unit.id);
    }

    // 完成时限, and the timetable reverse-scheduled from it
    let deadline: string | undefined;
    const deadlineCell = cell('deadline');
    if (deadlineCell === null) p.add('deadline', `未填写${columnOf('deadline').header}`);
    else {
      const parsed = parseLedgerDate(deadlineCell instanceof Date ? cellText(deadlineCell) : deadlineCell, { referenceYear });
      if (!parsed.ok) p.add('deadline', parsed.message);
      else {
        if (parsed.date < ctx.today) p.warn('deadline', `完成时限已过（${parsed.date}）：导入后该任务显示为红灯`);
        deadline = parsed.date;
      }
    }
    // An overdue task starts on its deadline: its timetable is the deadline alone.
    const startDate = deadline && deadline < ctx.today ? deadline : ctx.today;
    let milestones: TTaskCreateInput['milestones'] = [];
    if (deadline) {
      milestones = [{ name: FINAL_MILESTONE, phase: '', dueDate: deadline }];
      if (deadline > startDate) {
        try {
          milestones = reverseSchedule({ startDate, deadline, template, calendar: settings.calendar });
        } catch (error) {
          if (!(error instanceof ScheduleError)) throw error;
        }
      }
    }

    // 年度: from a task code such as ZD-2025-003 when the ledger has one, else the deadline's year.
    const codeYear = /(?<!\d)(20\d{2})(?!\d)/.exec(text('code'))?.[1];
    const year = codeYear ? Number(codeYear) : deadline ? Number(deadline.slice(0, 4)) : referenceYear;

    const outcome = text('expectedOutcome');
    const source = text('sourceDocument');
    const inputBody: TTaskCreateInput = {
      list: list ?? 'mandate',
      title,
      status: 'active',
      field: text('field') || DEFAULT_FIELD,
      level: leadUnitKind && COUNTY_KINDS.has(leadUnitKind) ? 'county' : 'city',
      priority: 'normal',
      year,
      objective: text('objective'),
      startDate,
      deadline: deadline ?? startDate,
      leadLeader: text('leadLeader'),
      leadUnitId: leadUnitId ?? 0,
      cooperatingUnitIds,
      originatingUnitId: list === 'innovation' ? (leadUnitId ?? null) : null,
      outcomes: outcome ? [{ kind: 'other', description: outcome }] : [],
      sourceDocuments: source ? [{ title: source }] : [],
      pilot:
        list === 'pilot'
          ? { batch: PILOT_BATCH, approvingLevel: 'provincial', applyingCountyId: null, guidingUnit: '', termStart: startDate, termEnd: deadline ?? startDate }
          : null,
      milestones,
    };
    const parsed = ZTaskCreateBody.safeParse(inputBody);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfBodyPath[String(issue.path[0] ?? '')] ?? 'title';
        if (!p.has(field)) p.add(field, issue.message);
      }
    }

    checked.push({ rowNumber: row.rowNumber, p, list, title, body: parsed.success ? parsed.data : null });
  }

  // Duplicates: of a task already in the same list, and of an earlier row of this file.
  const titled = checked.flatMap(({ rowNumber, list, title }) => (list && title !== '' ? [{ rowNumber, list, title }] : []));
  const duplicates = await findDuplicateTasks(ctx.db.prisma, ctx.user, titled);
  const rows: CheckedRow[] = [];
  const problems: OrderedProblem[] = [];
  const warnings: OrderedProblem[] = [];
  for (const { rowNumber, p, title, body } of checked) {
    const duplicate = duplicates.get(rowNumber);
    if (duplicate) p.add('title', duplicate);
    if (title !== '') {
      const key = normaliseTitle(title);
      const first = firstRowOfTitle.get(key);
      if (first !== undefined) p.add('title', `与第 ${first} 行重复`);
      else firstRowOfTitle.set(key, rowNumber);
    }
    if (p.list.length === 0 && body) rows.push({ rowNumber, body });
    else problems.push(...p.list);
    warnings.push(...p.warnings);
  }

  const plain = (list: OrderedProblem[]) =>
    list.sort((a, b) => a.row - b.row || a.order - b.order).map(({ row, column, message }) => ({ row, column, message }));
  errors.push(...plain(problems));
  return { total: dataRows.length, valid: rows.length, errors, warnings: plain(warnings), columns, rows, headerKey, savedMapping };
}

function isBlankOrFooter(cells: readonly LedgerCell[]): boolean {
  const first = cells.find((cell) => cell !== null);
  return first === undefined || FOOTER.test(cellText(first));
}
