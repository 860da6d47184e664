import type { Database } from '@reform/db';
import { defaultLightSettings, type LightSettings } from '@reform/domain';
import { z } from 'zod';

const ZLightsSetting = z.object({ yellowWithinDays: z.number().int().min(0).max(365) }).partial();
const ZReportsSetting = z.object({ dueDayAfterQuarter: z.number().int().min(0).max(90) }).partial();

/** The reform office's thresholds, falling back to the defaults for anything not set. */
export async function loadLightSettings(db: Database): Promise<LightSettings> {
  const rows = await db.prisma.setting.findMany({ where: { key: { in: ['lights', 'reports'] } } });
  return lightSettingsOf(rows.find((row) => row.key === 'lights')?.value, rows.find((row) => row.key === 'reports')?.value);
}

/** The thresholds from the stored `lights` and `reports` values (either may be missing). */
export function lightSettingsOf(lightsValue: unknown, reportsValue: unknown): LightSettings {
  const lights = ZLightsSetting.safeParse(lightsValue);
  const reports = ZReportsSetting.safeParse(reportsValue);
  return {
    yellowWithinDays: lights.data?.yellowWithinDays ?? defaultLightSettings.yellowWithinDays,
    reportDueDay: reports.data?.dueDayAfterQuarter ?? defaultLightSettings.reportDueDay,
  };
}
