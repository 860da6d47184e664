import type { TestProject } from 'vitest/node';
import { createSeededDemo } from './database.ts';

/** Seeds the demo city once per run; each test file then starts from a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { seeded, remove } = await createSeededDemo();
  project.provide('seededDemo', seeded);
  return remove;
}
