import {
  OutcomeKindEnum,
  documentDetails,
  documentTitle,
  outcomeName,
  outcomeUnit,
  type TTaskDetail,
} from '@reform/contracts';

type Outcome = TTaskDetail['outcomes'][number];
type SourceDocument = TTaskDetail['sourceDocuments'][number];

const quoted = (value: string) => `“${value || '（空）'}”`;
const changedText = (name: string, from: string, to: string) => (from === to ? null : `${name}由${quoted(from)}改为${quoted(to)}`);
const changedCount = (name: string, from: number, to: number) => (from === to ? null : `${name} ${from} → ${to}`);

interface RowWords<Row> {
  name(row: Row): string;
  added(row: Row): string;
  changes(from: Row, to: Row): (string | null)[];
}

const outcomeWords: RowWords<Outcome> = {
  name: outcomeName,
  added: (o) => `（目标 ${o.targetCount} ${outcomeUnit(o.kind)}，已交付 ${o.deliveredCount} ${outcomeUnit(o.kind)}）`,
  changes: (from, to) => [
    changedText('形式', OutcomeKindEnum.labels[from.kind], OutcomeKindEnum.labels[to.kind]),
    changedText('描述', from.description, to.description),
    changedCount('目标', from.targetCount, to.targetCount),
    changedCount('已交付', from.deliveredCount, to.deliveredCount),
  ],
};

const documentWords: RowWords<SourceDocument> = {
  name: (d) => documentTitle(d.title),
  added: (d) => (documentDetails(d) ? `（${documentDetails(d)}）` : ''),
  changes: (from, to) => [
    changedText('标题', from.title, to.title),
    changedText('文号', from.docNumber, to.docNumber),
    changedText('发文机关', from.issuer, to.issuer),
    changedText('印发日期', from.issuedOn ?? '', to.issuedOn ?? ''),
  ],
};

/** One line per row added, removed or changed, matched by id: "制度性文件“…”已交付 0 → 1". */
function rowLines<Row extends { id: number }>(label: string, words: RowWords<Row>, from: Row[], to: Row[]): string[] {
  const before = new Map(from.map((row) => [row.id, row]));
  const after = new Set(to.map((row) => row.id));
  const lines: string[] = [];
  for (const row of to) {
    const old = before.get(row.id);
    if (!old) {
      lines.push(`${label}：新增${words.name(row)}${words.added(row)}`);
      continue;
    }
    const changes = words.changes(old, row).filter((change) => change !== null);
    if (changes.length > 0) lines.push(`${label}：${words.name(old)}${changes.join('，')}`);
  }
  for (const row of from) if (!after.has(row.id)) lines.push(`${label}：删除${words.name(row)}`);
  return lines;
}

/** The history's lines for a change of the task book's outcomes or source documents; null for other fields. */
export function taskBookLines(field: string, label: string, change: { from: unknown; to: unknown }): string[] | null {
  const rows = <Row>(value: unknown) => (Array.isArray(value) ? value : []) as Row[];
  switch (field) {
    case 'outcomes':
      return rowLines(label, outcomeWords, rows<Outcome>(change.from), rows<Outcome>(change.to));
    case 'sourceDocuments':
      return rowLines(label, documentWords, rows<SourceDocument>(change.from), rows<SourceDocument>(change.to));
    default:
      return null;
  }
}
