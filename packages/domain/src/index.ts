export * from './calendar.ts';
export * from './settings.ts';
export * from './lights.ts';
export * from './work-calendar.ts';
export * from './reverse-schedule.ts';
export * from './task-code.ts';
export * from './ledger-dates.ts';
export * from './ledger-headers.ts';
