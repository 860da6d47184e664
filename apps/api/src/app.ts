import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { Database } from '@reform/db';
import { todayInShanghai } from '@reform/domain';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { keptSerializerCompiler } from './plugins/kept-serializer.ts';
import { z } from 'zod';
import { startSweeper } from './jobs/sweeper.ts';
import { access } from './plugins/access.ts';
import { auth } from './plugins/auth.ts';
import { docs } from './plugins/docs.ts';
import { errorHandler } from './plugins/error-handler.ts';
import { spa } from './plugins/spa.ts';
import authRoutes from './routes/api/auth/index.ts';
import healthRoutes from './routes/api/health/index.ts';
import ledgerRoutes from './routes/api/ledger/index.ts';
import adjustmentRoutes from './routes/api/adjustments/index.ts';
import evidenceRoutes from './routes/api/evidence/index.ts';
import taskCommentRoutes from './routes/api/tasks/comments.ts';
import taskEvidenceRoutes from './routes/api/tasks/evidence.ts';
import taskHistoryRoutes from './routes/api/tasks/history.ts';
import taskExportRoutes from './routes/api/tasks/export.ts';
import taskImportRoutes from './routes/api/tasks/import.ts';
import taskRoutes from './routes/api/tasks/index.ts';
import taskPilotExtensionRoutes from './routes/api/tasks/pilot-extension.ts';
import taskStatusRoutes from './routes/api/tasks/status.ts';
import taskTimetableRoutes from './routes/api/tasks/timetable.ts';
import settingRoutes from './routes/api/settings/index.ts';
import dashboardRoutes from './routes/api/dashboard/index.ts';
import reportRoundRoutes from './routes/api/report-rounds/index.ts';
import reportRoutes from './routes/api/reports/index.ts';
import timetableRoutes from './routes/api/timetable/index.ts';
import todoRoutes from './routes/api/todos/index.ts';
import unitRoutes from './routes/api/units/index.ts';
import battleMapRoutes from './routes/api/battle-map/index.ts';
import compress from '@fastify/compress';
import rankingRoutes from './routes/api/rankings/index.ts';
import inspectionRoutes from './routes/api/inspections/index.ts';
import rectificationRoutes from './routes/api/rectifications/index.ts';
import reminderRoutes from './routes/api/reminders/index.ts';
import roundReminderRoutes from './routes/api/report-rounds/reminders.ts';
import type { ReminderChannel } from './modules/reminders/channels.ts';
import assessmentRoutes from './routes/api/assessments/index.ts';
import quarterlyReportRoutes from './routes/api/quarterly-reports/index.ts';

// Validation messages are Chinese first; the error handler translates for Accept-Language: en.
z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    /** Where evidence files are kept, outside the web root. */
    filesDir: string;
    /** Today's date in Shanghai (YYYY-MM-DD), from the app's clock. */
    today(): string;
    /** Where reminders go out besides the app (e-mail, webhook). */
    reminderChannels: readonly ReminderChannel[];
  }
}

export interface AppOptions {
  db: Database;
  /** Folder for evidence files (outside the web root); shared storage when API processes run on several machines. */
  filesDir: string;
  sessionTtlHours?: number;
  cookieSecure?: boolean;
  /** Folder of the built web app; null serves the API only. */
  webDist?: string | null;
  /** Injected so tests and demonstrations can fix the date. */
  clock?: () => Date;
  /** Keep status lights and search terms current in the background (the server turns this on). */
  backgroundSweep?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Reminder channels besides the app (e-mail, webhook); none by default. */
  reminderChannels?: readonly ReminderChannel[];
}

/** Builds the application: external plugins, then the app's own, then the routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
  });
  // The API speaks JSON only: anything else is answered 415 rather than guessed at.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(keptSerializerCompiler);
  app.decorate('db', options.db);
  app.decorate('filesDir', options.filesDir);
  app.decorate('reminderChannels', options.reminderChannels ?? []);
  app.decorate('today', () => todayInShanghai(clock()));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  // Ledger uploads (台账导入): one .xlsx of at most 20 MB per request.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(docs);

  await app.register(errorHandler);
  await app.register(access);
  await app.register(auth, {
    db: options.db,
    sessionTtlHours: options.sessionTtlHours ?? 12,
    cookieSecure: options.cookieSecure ?? false,
  });

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(unitRoutes, { prefix: '/api/units' });
  await app.register(taskRoutes, { prefix: '/api/tasks' });
  await app.register(taskStatusRoutes, { prefix: '/api/tasks' });
  await app.register(taskPilotExtensionRoutes, { prefix: '/api/tasks' });
  await app.register(taskTimetableRoutes, { prefix: '/api/tasks' });
  await app.register(taskHistoryRoutes, { prefix: '/api/tasks' });
  await app.register(taskCommentRoutes, { prefix: '/api/tasks' });
  await app.register(taskEvidenceRoutes, { prefix: '/api/tasks' });
  await app.register(taskImportRoutes, { prefix: '/api/tasks' });
  await app.register(taskExportRoutes, { prefix: '/api/tasks' });
  await app.register(evidenceRoutes, { prefix: '/api/evidence' });
  await app.register(todoRoutes, { prefix: '/api/todos' });
  await app.register(adjustmentRoutes, { prefix: '/api/adjustments' });
  await app.register(ledgerRoutes, { prefix: '/api/ledger' });
  await app.register(timetableRoutes, { prefix: '/api/timetable' });
  await app.register(settingRoutes, { prefix: '/api/settings' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  // Compression only where a route asks for it (large JSON answers); static assets are sent precompressed.
  await app.register(compress, { global: false });
  await app.register(battleMapRoutes, { prefix: '/api/battle-map' });
  await app.register(reportRoundRoutes, { prefix: '/api/report-rounds' });
  await app.register(reportRoutes, { prefix: '/api/reports' });
  await app.register(rankingRoutes, { prefix: '/api/rankings' });
  await app.register(inspectionRoutes, { prefix: '/api/inspections' });
  await app.register(rectificationRoutes, { prefix: '/api/rectifications' });
  await app.register(reminderRoutes, { prefix: '/api/reminders' });
  await app.register(roundReminderRoutes, { prefix: '/api/report-rounds' });
  await app.register(assessmentRoutes, { prefix: '/api/assessments' });
  await app.register(quarterlyReportRoutes, { prefix: '/api/quarterly-reports' });
  await app.register(spa, { webDist: options.webDist ?? null });
  if (options.backgroundSweep) {
    let stopSweeper = () => {};
    app.addHook('onReady', async () => {
      stopSweeper = startSweeper(options.db, () => app.today(), app.log, 60_000, app.reminderChannels);
    });
    app.addHook('onClose', async () => stopSweeper());
  }
  return app;
}
