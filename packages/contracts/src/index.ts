export * from './enums.ts';
export * from './messages.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './units.ts';
export * from './health.ts';
export * from './tasks.ts';
export * from './timetable.ts';
