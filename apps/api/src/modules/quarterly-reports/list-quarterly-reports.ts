import type { TQuarterlyReportFile, TQuarterlyReportOverview } from '@reform/contracts';
import { quarterIndex, quarterLabel, quarterOf, type Quarter } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { reportTitle } from './report-content.ts';
import { defaultScopeKey } from './report-request.ts';

interface FileRow {
  id: number;
  year: number;
  quarter: number;
  scope: string;
  format: 'pdf' | 'docx';
  sizeBytes: number;
  generatedBy: string;
  generatedAt: Date;
  generationMs: number;
  scopeLabel: string | null;
}

/** Generated files (newest first), within the user's scopes: a county office sees its county's only. */
export async function loadReportFiles(ctx: UseCaseContext, filter: { id?: number } = {}): Promise<TQuarterlyReportFile[]> {
  const own = ctx.user.role === 'county_office' ? defaultScopeKey(ctx.user) : null;
  const rows = await ctx.db.query<FileRow>(
    `SELECT f.id, f.year, f.quarter, f.scope, f.format, f.size_bytes AS "sizeBytes", u.display_name AS "generatedBy",
            f.generated_at AS "generatedAt", f.generation_ms AS "generationMs",
            (SELECT s.name FROM unit s WHERE f.scope <> 'city' AND s.id = split_part(f.scope, ':', 2)::int) AS "scopeLabel"
     FROM quarterly_report_file f JOIN app_user u ON u.id = f.generated_by_id
     WHERE ($1::text IS NULL OR f.scope = $1) AND ($2::int IS NULL OR f.id = $2)
     ORDER BY f.generated_at DESC, f.id DESC LIMIT 50`,
    [own, filter.id ?? null],
  );
  return rows.map((row) => {
    const quarter = { year: row.year, quarter: row.quarter as Quarter['quarter'] };
    const scopeLabel = row.scope === 'city' ? '全市' : (row.scopeLabel ?? row.scope);
    return {
      id: row.id,
      quarter: `${row.year}-Q${row.quarter}`,
      scope: row.scope,
      scopeLabel,
      format: row.format,
      title: reportTitle(quarter, { label: scopeLabel }),
      sizeBytes: row.sizeBytes,
      generatedBy: row.generatedBy,
      generatedAt: new Date(row.generatedAt).toISOString(),
      generationMs: row.generationMs,
    };
  });
}

/** GET /api/quarterly-reports: the quarters with data, the scopes the user may choose, and the reports already generated. */
export async function listQuarterlyReports(ctx: UseCaseContext): Promise<TQuarterlyReportOverview> {
  const [first] = await ctx.db.query<{ first: string | null }>(`SELECT min(start_date)::text AS first FROM task`);
  const quarters: TQuarterlyReportOverview['quarters'] = [];
  if (first?.first) {
    const last = quarterOf(ctx.today);
    const start = quarterIndex(quarterOf(first.first));
    for (let at = quarterIndex(last); at >= start && quarters.length < 40; at--) {
      const quarter = { year: Math.floor(at / 4), quarter: ((at % 4) + 1) as Quarter['quarter'] };
      quarters.push({ key: `${quarter.year}-Q${quarter.quarter}`, label: quarterLabel(quarter) });
    }
  }
  const own = defaultScopeKey(ctx.user);
  const scopes: TQuarterlyReportOverview['scopes'] = [];
  if (own === 'city') {
    scopes.push({ key: 'city', label: '全市', kind: 'city' });
    const units = await ctx.db.query<{ id: number; name: string; kind: string }>(
      `SELECT id, name, kind::text AS kind FROM unit WHERE kind IN ('county', 'zone', 'special_group') ORDER BY kind <> 'special_group', sort_order, id`,
    );
    for (const unit of units) {
      const kind = unit.kind === 'special_group' ? 'group' : 'county';
      scopes.push({ key: `${kind}:${unit.id}`, label: unit.name, kind });
    }
  } else {
    const [unit] = await ctx.db.query<{ name: string }>(`SELECT name FROM unit WHERE id = $1`, [Number(own.split(':')[1])]);
    scopes.push({ key: own, label: unit?.name ?? own, kind: 'county' });
  }
  return { quarters, scopes, files: await loadReportFiles(ctx) };
}
