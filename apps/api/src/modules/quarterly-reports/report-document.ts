/**
 * One quarterly report, laid out neither for paper nor for Word: what both renderers
 * (`render-pdf.ts`, `render-docx.ts`) print. Plain data, so it crosses to the worker thread.
 */
export interface ReportDocument {
  /** e.g. 2026年第三季度全市改革工作进展报告 */
  title: string;
  /** The issuing office, e.g. 中共嘉兴市委全面深化改革委员会办公室 */
  issuer: string;
  /** The report's date in words, e.g. 2026年10月12日 */
  dateText: string;
  /** Marked 内部资料 on the title page. */
  internal: boolean;
  /** Who generated it (the PDF's author is the issuer). */
  sections: ReportSection[];
}

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
  subsections?: { heading: string; blocks: ReportBlock[] }[];
}

export interface ReportTableColumn {
  title: string;
  /** Relative width (a share of the line); omitted: as wide as its content. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  /** A heading below the sections' (kept with what follows, not in the contents). */
  | { kind: 'minorHeading'; text: string }
  | { kind: 'table'; columns: ReportTableColumn[]; rows: string[][]; empty: string }
  | { kind: 'chart'; title: string; chart: ReportChart; width: number; height: number };

/** A chart by name and input: the worker builds the ECharts option (options hold functions, which cannot cross threads). */
export interface ReportChart {
  name: string;
  input: unknown;
}

export type ReportFormat = 'pdf' | 'docx';
