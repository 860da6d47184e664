/** Demo data, the first administrator and benchmark-scale data for the reform-task tracker. */
export { DEMO_PASSWORD, DEMO_USERS, DEFAULT_SETTINGS, seedDemo, type DemoSummary, type DemoUser } from './demo.ts';
export { createAdmin, type CreateAdminOptions } from './admin.ts';
export { seedScale, type ScaleOptions, type ScaleSummary } from './scale.ts';
export { milestoneLight } from './plan.ts';
