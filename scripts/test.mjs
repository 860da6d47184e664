// `pnpm test`: every suite — domain, database, API (through app.inject on a real database),
// web components (vitest), then the end-to-end tests in Chromium (Playwright).
import { join } from 'node:path';
import { ensureTestTools } from './chromium.mjs';
import { ensurePrismaClient, ensureWebBuilt, root, run } from './lib.mjs';

ensurePrismaClient();
const chromium = ensureTestTools();
const started = Date.now();
const vitest = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run']);
if (vitest !== 0) process.exit(vitest);

ensureWebBuilt();
const e2e = run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], {
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
console.log(`全部测试用时 / all suites took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(e2e);
