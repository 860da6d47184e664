/** Reform-office settings that the computations depend on, with their defaults. */
export interface LightSettings {
  /** A milestone due within this many days and not done turns the task yellow. */
  yellowWithinDays: number;
  /** A quarter's report is due this many days after the quarter ends. */
  reportDueDay: number;
}

export const defaultLightSettings: LightSettings = { yellowWithinDays: 14, reportDueDay: 10 };
