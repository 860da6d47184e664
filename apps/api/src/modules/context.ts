import type { Database } from '@reform/db';
import type { SessionUser } from '../access/session-user.ts';

/** What every use case receives: the database, who is asking, and what day it is in Shanghai. */
export interface UseCaseContext {
  db: Database;
  user: SessionUser;
  today: string;
  requestId: string;
}
