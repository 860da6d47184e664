import type { Database } from '@reform/db';
import { addDays, dateColumn, isoDate, reminderDue, shortChineseDate, shortDescription } from '@reform/domain';
import { loadReminderSettings } from '../settings/load-reminder-settings.ts';
import type { ReminderChannel, ReminderMessage } from './channels.ts';

/** The advisory lock the reminder sweep takes, so only one process sends at a time. */
export const REMINDER_LOCK_KEY = 90_120_001;

export interface Reminder {
  /** What it is about (`rectification:12`); with the recipient and the day, the key that is never sent twice. */
  thing: string;
  kind: string;
  dueDate: string;
  unit: { id: number; name: string };
  task: { id: number; code: string; title: string } | null;
  subject: string;
  text: string;
}

/** The reminder to a unit with `missing` reports of a round: the same thing whether sent by the sweep or by 一键催报. */
export function roundReminder(
  round: { id: number; year: number; quarter: number; dueDate: string },
  unit: { id: number; name: string },
  missing: number,
  today: string,
): Reminder {
  const quarter = `${round.year}年第${round.quarter}季度进展报告`;
  const passed = round.dueDate < today;
  return {
    thing: `report-round:${round.id}`,
    kind: 'report-missing',
    dueDate: round.dueDate,
    unit,
    task: null,
    subject: `${quarter}尚有 ${missing} 项未报送${passed ? `（已于${shortChineseDate(round.dueDate)}截止）` : `，${shortChineseDate(round.dueDate)}截止`}`,
    text: `${unit.name}：${quarter}尚有 ${missing} 项未报送，${passed ? `报送截止日（${round.dueDate}）已过，请尽快报送。` : `请于${round.dueDate}前报送。`}`,
  };
}

/** Rectification items, milestones and report rounds whose due date calls for a reminder today. */
async function dueReminders(db: Database, today: string, daysBefore: number): Promise<Reminder[]> {
  const days = [dateColumn(addDays(today, daysBefore)), dateColumn(addDays(today, -1))];
  const taskSelect = { select: { id: true, code: true, title: true } } as const;
  const [items, milestones, rounds] = await Promise.all([
    db.prisma.rectificationItem.findMany({
      where: { status: 'open', deadline: { in: days } },
      include: { ownerUnit: { select: { id: true, name: true } }, task: taskSelect },
      orderBy: { id: 'asc' },
    }),
    db.prisma.milestone.findMany({
      where: { doneDate: null, dueDate: { in: days }, task: { status: 'active' } },
      include: { task: { select: { id: true, code: true, title: true, leadUnit: { select: { id: true, name: true } } } } },
      orderBy: { id: 'asc' },
    }),
    db.prisma.reportRound.findMany({ where: { dueDate: { in: days } }, orderBy: { id: 'asc' } }),
  ]);
  const reminders: Reminder[] = [];
  for (const round of rounds) {
    const dueDate = isoDate(round.dueDate);
    if (!reminderDue(dueDate, today, daysBefore)) continue;
    // Units of the round with reports never handed in.
    const missing = await db.prisma.progressReport.groupBy({
      by: ['unitId'],
      where: { roundId: round.id, submissionCount: 0, status: 'draft' },
      _count: { _all: true },
    });
    const units = await db.prisma.unit.findMany({ where: { id: { in: missing.map((m) => m.unitId) } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
    for (const unit of units) {
      const count = missing.find((m) => m.unitId === unit.id)?._count._all ?? 0;
      reminders.push(roundReminder({ id: round.id, year: round.year, quarter: round.quarter, dueDate }, unit, count, today));
    }
  }
  for (const item of items) {
    const dueDate = isoDate(item.deadline);
    const when = reminderDue(dueDate, today, daysBefore);
    if (!when) continue;
    const what = `整改事项“${shortDescription(item.description)}”`;
    reminders.push({
      thing: `rectification:${item.id}`,
      kind: `rectification-${when}`,
      dueDate,
      unit: item.ownerUnit,
      task: item.task,
      subject: when === 'before' ? `${what}将于${shortChineseDate(dueDate)}到期` : `${what}已于${shortChineseDate(dueDate)}到期，尚未整改到位`,
      text: `${item.ownerUnit.name}：${what}${when === 'before' ? `将于${dueDate}到期，请按期整改并反馈。` : `整改期限（${dueDate}）已过，请尽快整改并反馈。`}`,
    });
  }
  for (const milestone of milestones) {
    const dueDate = isoDate(milestone.dueDate);
    const when = reminderDue(dueDate, today, daysBefore);
    if (!when) continue;
    const what = `任务“${shortDescription(milestone.task.title)}”的节点“${milestone.name}”`;
    reminders.push({
      thing: `milestone:${milestone.id}`,
      kind: `milestone-${when}`,
      dueDate,
      unit: milestone.task.leadUnit,
      task: { id: milestone.task.id, code: milestone.task.code, title: milestone.task.title },
      subject: when === 'before' ? `${what}将于${shortChineseDate(dueDate)}到期` : `${what}已逾期`,
      text: `${milestone.task.leadUnit.name}：${what}${when === 'before' ? `将于${dueDate}到期。` : `应于${dueDate}完成，尚未完成。`}`,
    });
  }
  return reminders;
}

/**
 * Sends the reminders of a list to their units, each at most once per thing, recipient and day:
 * the row in `reminder_log` is claimed first (a unique key; a second process or sweep finds it
 * taken and sends nothing), then each channel is tried and its answer recorded. The app itself
 * is always a channel (the to-do list and its badge).
 */
export async function deliverReminders(db: Database, today: string, reminders: readonly Reminder[], channels: readonly ReminderChannel[]): Promise<number> {
  let sent = 0;
  const channelNames = ['app', ...channels.map((c) => c.name)].join(',');
  for (const reminder of reminders) {
    const recipient = `unit:${reminder.unit.id}`;
    const claimed = await db.query<{ id: number }>(
      `INSERT INTO reminder_log (thing, recipient, day, kind, unit_id, task_id, subject, channels)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8)
       ON CONFLICT (thing, recipient, day) DO NOTHING RETURNING id`,
      [reminder.thing, recipient, today, reminder.kind, reminder.unit.id, reminder.task?.id ?? null, reminder.subject, channelNames],
    );
    const row = claimed[0];
    if (!row) continue;
    sent += 1;
    if (channels.length === 0) continue;
    const users = await db.prisma.user.findMany({
      where: { unitId: reminder.unit.id, active: true, email: { not: null } },
      select: { email: true },
      orderBy: { id: 'asc' },
    });
    const message: ReminderMessage = { ...reminder, day: today, emails: users.flatMap((u) => (u.email ? [u.email] : [])) };
    const outcomes: string[] = [];
    for (const channel of channels) {
      try {
        outcomes.push(await channel.send(message));
      } catch (error) {
        outcomes.push(`${channel.name === 'email' ? '邮件' : 'Webhook'}：发送失败（${error instanceof Error ? error.message : String(error)}）`);
      }
    }
    await db.query('UPDATE reminder_log SET outcome = $2 WHERE id = $1', [row.id, outcomes.join('；')]);
  }
  return sent;
}

/**
 * The day's reminders: N days (the `reminders` setting) before each open rectification's deadline,
 * each running milestone's due date and each report round's due date (to the units with reports
 * not yet handed in), and on the day after it passed. Only one process sweeps
 * at a time (a PostgreSQL advisory lock, tried, never waited for); the log's unique key is the
 * guarantee either way. Returns how many were sent, or null when another process holds the lock.
 */
export async function sendDueReminders(db: Database, today: string, channels: readonly ReminderChannel[]): Promise<number | null> {
  return db.session(async (session) => {
    const [lock] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [REMINDER_LOCK_KEY]);
    if (!lock?.locked) return null;
    try {
      const { daysBefore } = await loadReminderSettings(db);
      return await deliverReminders(db, today, await dueReminders(db, today, daysBefore), channels);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [REMINDER_LOCK_KEY]);
    }
  });
}
