import { quarterIndex, quarterLabel, quarterOf, type Quarter } from '@reform/domain';
import type { SessionUser } from '../../access/session-user.ts';
import { AppError, AppErrorCode } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import type { ReportFormat } from './report-document.ts';

/** Which part of the city a report covers. */
export type ReportScope = { kind: 'city' } | { kind: 'county'; unitId: number } | { kind: 'group'; unitId: number };

export interface ResolvedScope {
  scope: ReportScope;
  /** city | county:<id> | group:<id> */
  key: string;
  /** 全市, 嘉善县, 经济体制改革专项小组 */
  label: string;
  /** The issuing office named on the title page. */
  issuer: string;
}

const bad = (zh: string, en: string) => new AppError(AppErrorCode.BadRequest, { zh, en });

/** `2026-Q3.pdf` → the quarter and the format, or a 400 that says what is wrong. */
export function parseReportName(name: string): { quarter: Quarter; format: ReportFormat } {
  const match = /^(\d{4})-Q(\d)\.(pdf|docx)$/.exec(name);
  if (!match) throw bad('报告文件名应为“年份-Q季度.pdf”或“.docx”，例如 2026-Q3.pdf', 'The report is named like 2026-Q3.pdf or 2026-Q3.docx');
  return { quarter: parseQuarter(`${match[1]}-Q${match[2]}`), format: match[3] as ReportFormat };
}

/** `2026-Q3` → the quarter; 400 for a quarter number outside 1–4 or a year outside 2000–2100. */
export function parseQuarter(text: string): Quarter {
  const match = /^(\d{4})-Q(\d)$/.exec(text);
  if (!match) throw bad('季度应写作“年份-Q季度”，例如 2026-Q3', 'A quarter is written like 2026-Q3');
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  if (quarter < 1 || quarter > 4) throw bad(`季度只能是 Q1 至 Q4，没有“Q${quarter}”`, `There is no quarter Q${quarter}`);
  if (year < 2000 || year > 2100) throw bad(`年份 ${year} 超出范围（2000—2100）`, `The year ${year} is out of range`);
  return { year, quarter: quarter as Quarter['quarter'] };
}

/** A quarter that has not begun has no report (400); one before the first task has no data (404). */
export async function checkQuarter(ctx: UseCaseContext, quarter: Quarter): Promise<void> {
  if (quarterIndex(quarter) > quarterIndex(quarterOf(ctx.today))) {
    throw bad(`${quarterLabel(quarter)}尚未开始，无法生成季度报告`, 'That quarter has not begun');
  }
  const rows = await ctx.db.query<{ first: string | null }>(`SELECT min(start_date)::text AS first FROM task`);
  const first = rows[0]?.first;
  if (!first || quarterIndex(quarterOf(first)) > quarterIndex(quarter)) {
    throw new AppError(AppErrorCode.NotFound, { zh: `${quarterLabel(quarter)}没有改革任务数据，无法生成季度报告`, en: 'No data for that quarter' });
  }
}

/** The county a county reform office looks after (the last id of its scope path). */
function countyOf(user: SessionUser): number | null {
  if (user.role !== 'county_office') return null;
  const ids = user.scopePath.split('/').filter(Boolean);
  return Number(ids.at(-1));
}

/** The scope a user gets when they name none: the whole city, or a county office's own county. */
export function defaultScopeKey(user: SessionUser): string {
  const county = countyOf(user);
  return county === null ? 'city' : `county:${county}`;
}

const outOfScope = () =>
  new AppError(AppErrorCode.NotFound, { zh: '该范围不存在或不在您的管辖范围内', en: 'No such scope, or it is outside yours' }, {});

/**
 * `city` | `county:<id>` | `group:<id>` → the scope with its names. A county reform office may
 * ask for its own county only; anything else is answered as if it did not exist (404).
 */
export async function resolveScope(ctx: UseCaseContext, key: string | undefined): Promise<ResolvedScope> {
  const text = key ?? defaultScopeKey(ctx.user);
  const match = /^(city)$|^(county|group):(\d{1,9})$/.exec(text);
  if (!match) throw bad('范围应为 city、county:<单位编号> 或 group:<专项小组编号>', 'The scope is city, county:<id> or group:<id>');
  const county = countyOf(ctx.user);
  const [root] = await ctx.db.query<{ name: string }>(`SELECT name FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
  const cityIssuer = `中共${root?.name ?? ''}办公室`;
  if (match[1]) {
    if (county !== null) throw outOfScope();
    return { scope: { kind: 'city' }, key: 'city', label: '全市', issuer: cityIssuer };
  }
  const kind = match[2] as 'county' | 'group';
  const unitId = Number(match[3]);
  if (county !== null && (kind !== 'county' || unitId !== county)) throw outOfScope();
  const kinds = kind === 'county' ? ['county', 'zone'] : ['special_group'];
  const [unit] = await ctx.db.query<{ name: string; office: string | null }>(
    `SELECT u.name, (SELECT o.name FROM unit o WHERE o.parent_id = u.id AND o.kind = 'reform_office' ORDER BY o.id LIMIT 1) AS office
     FROM unit u WHERE u.id = $1 AND u.kind::text = ANY($2::text[])`,
    [unitId, kinds],
  );
  if (!unit) throw outOfScope();
  return { scope: { kind, unitId }, key: `${kind}:${unitId}`, label: unit.name, issuer: unit.office ?? cityIssuer };
}

