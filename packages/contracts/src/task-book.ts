import { OutcomeKindEnum, type OutcomeKind } from './enums.ts';

/**
 * How the task book's outcomes and source documents are written out in Chinese: one wording for
 * the detail page, the conflict dialog and the history.
 */

/** Documents are counted in 件, experiences and landmark results in 项. */
export function outcomeUnit(kind: OutcomeKind): string {
  return kind === 'institutional_document' ? '件' : '项';
}

/** 制度性文件“出台实施办法” */
export function outcomeName(outcome: { kind: OutcomeKind; description: string }): string {
  return `${OutcomeKindEnum.labels[outcome.kind]}“${outcome.description}”`;
}

/** 1 / 2 件: delivered of target. */
export function outcomeTally(outcome: { kind: OutcomeKind; targetCount: number; deliveredCount: number }): string {
  return `${outcome.deliveredCount} / ${outcome.targetCount} ${outcomeUnit(outcome.kind)}`;
}

/** A document's title in 《》, whether or not it was typed with them. */
export function documentTitle(title: string): string {
  return /^《.*》$/.test(title) ? title : `《${title}》`;
}

/** 嘉委发〔2025〕1号，中共嘉兴市委，2025-03-01 印发 — the parts that are known. */
export function documentDetails(doc: { docNumber: string; issuer: string; issuedOn: string | null }): string {
  return [doc.docNumber, doc.issuer, doc.issuedOn ? `${doc.issuedOn} 印发` : ''].filter(Boolean).join('，');
}
