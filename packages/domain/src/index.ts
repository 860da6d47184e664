export * from './calendar.ts';
export * from './settings.ts';
export * from './lights.ts';
