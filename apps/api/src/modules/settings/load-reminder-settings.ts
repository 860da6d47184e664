import type { Database } from '@reform/db';
import { ZSettingValues } from '@reform/contracts';

export interface ReminderSettings {
  /** Reminders go out this many days before a due date (and on the day after it passes). */
  daysBefore: number;
}

export const defaultReminderSettings: ReminderSettings = { daysBefore: 3 };

/** The `reminders` setting, or its default. */
export async function loadReminderSettings(db: Database): Promise<ReminderSettings> {
  const row = await db.prisma.setting.findUnique({ where: { key: 'reminders' } });
  const parsed = ZSettingValues.reminders.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultReminderSettings;
}
