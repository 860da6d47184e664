import type { Database } from '@reform/db';
import { defaultLightSettings, type LightSettings } from '@reform/domain';
import { z } from 'zod';

const ZLightsSetting = z.object({ yellowWithinDays: z.number().int().min(0).max(365) }).partial();
const ZReportsSetting = z.object({ dueDayAfterQuarter: z.number().int().min(0).max(90) }).partial();

/** The reform office's thresholds, falling back to the defaults for anything not set. */
export async function loadLightSettings(db: Database): Promise<LightSettings> {
  const rows = await db.prisma.setting.findMany({ where: { key: { in: ['lights', 'reports'] } } });
  const lights = ZLightsSetting.safeParse(rows.find((row) => row.key === 'lights')?.value);
  const reports = ZReportsSetting.safeParse(rows.find((row) => row.key === 'reports')?.value);
  return {
    yellowWithinDays: lights.data?.yellowWithinDays ?? defaultLightSettings.yellowWithinDays,
    reportDueDay: reports.data?.dueDayAfterQuarter ?? defaultLightSettings.reportDueDay,
  };
}
