// What each page puts on the wire: JavaScript and CSS bytes as sent (compressed) and file count,
// for the sign-in page, then the task list after signing in, then the dashboard reached from the
// menu (each: only what it adds). Beside the bytes sent, the gzip size of the same files in
// apps/web/dist (`*.gz`), so browsers without brotli are covered too.
// Run against a started server: `BASE_URL=http://127.0.0.1:3000 pnpm bench:web`.
import { statSync } from 'node:fs';
import { chromium, type Page, type Request } from '@playwright/test';

const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

interface Weight {
  files: number;
  bytes: number;
  gzip: number;
  list: string[];
}

const dist = new URL('../../apps/web/dist', import.meta.url).pathname;
const gzipSize = (path: string) => {
  try {
    return statSync(`${dist}${path}.gz`).size;
  } catch {
    return 0;
  }
};

/** Counts the scripts and styles fetched while `step` runs, at their encoded (on-the-wire) size. */
async function weigh(page: Page, step: () => Promise<void>): Promise<Weight> {
  const pending: Promise<[string, number]>[] = [];
  const onFinished = (request: Request) => {
    if (['script', 'stylesheet'].includes(request.resourceType())) {
      pending.push(request.sizes().then((sizes) => [new URL(request.url()).pathname, sizes.responseBodySize]));
    }
  };
  page.on('requestfinished', onFinished);
  await step();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onFinished);
  const sizes = (await Promise.all(pending)).sort((a, b) => b[1] - a[1]);
  return {
    files: sizes.length,
    bytes: sizes.reduce((sum, [, bytes]) => sum + bytes, 0),
    gzip: sizes.reduce((sum, [path]) => sum + gzipSize(path), 0),
    list: sizes.map(([path, bytes]) => `  ${kb(bytes).padStart(9)}  ${path}`),
  };
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const signIn = await weigh(page, async () => {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).waitFor();
});
const taskList = await weigh(page, async () => {
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(process.env.BENCH_PASSWORD ?? 'Reform@2026');
  await page.keyboard.press('Enter');
  await page.getByRole('table').waitFor();
});
const dashboard = await weigh(page, async () => {
  await page.getByRole('menuitem', { name: '总览' }).click();
  await page.locator('[data-testid="chart-rate-trend"] svg').waitFor();
});
await browser.close();

const verbose = process.argv.includes('--files');
for (const [name, weight] of [['sign-in page', signIn], ['task list (added)', taskList], ['dashboard (added)', dashboard]] as const) {
  console.log(`${`${name}:`.padEnd(20)} ${weight.files} files, ${kb(weight.bytes)} on the wire, ${kb(weight.gzip)} gzip`);
  if (verbose) console.log(weight.list.join('\n'));
}
