import type { OpenDatabaseOptions } from '@reform/db';

/**
 * Counts the SQL statements Prisma sends (transaction control included), so a test can hold a
 * write to a budget. Pass `onQuery` to buildTestApp; `during` counts what one action sends.
 */
export function statementCounter() {
  let recording: string[] | null = null;
  const onQuery: NonNullable<OpenDatabaseOptions['onQuery']> = (event) => recording?.push(event.query);
  return {
    onQuery,
    async during<T>(action: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const statements: string[] = [];
      recording = statements;
      try {
        return { result: await action(), statements };
      } finally {
        recording = null;
      }
    },
  };
}
