import type { OpenDatabaseOptions } from '@reform/db';

/** A statement as Prisma sent it, with its parameters, so a benchmark can replay it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Counts the SQL statements Prisma sends (transaction control and `$queryRaw` included; the
 * database's own hand-written `db.query` calls are not), on both databases, so a test can hold a
 * request to a budget. Pass `onQuery` to buildTestApp; `during` records what one action sends.
 */
export function statementCounter() {
  let recording: Statement[] | null = null;
  const onQuery: NonNullable<OpenDatabaseOptions['onQuery']> = (event) =>
    recording?.push({ text: event.query, values: event.params ? (JSON.parse(event.params) as unknown[]) : [] });
  return {
    onQuery,
    async during<T>(action: () => Promise<T>): Promise<{ result: T; statements: string[]; sent: Statement[] }> {
      const sent: Statement[] = [];
      recording = sent;
      try {
        return { result: await action(), statements: sent.map((s) => s.text), sent };
      } finally {
        recording = null;
      }
    },
  };
}
