import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { TBattleMap } from '@reform/contracts';
import { signIn, signInContext } from './helpers';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

async function battleMapOf(page: Page, query = ''): Promise<TBattleMap> {
  const response = await page.request.get(`/api/battle-map${query}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as TBattleMap;
}

/** The point of a task's bar on the SVG chart: along its label's row, the first shape filled with a light's colour. */
async function barPoint(page: Page, code: string) {
  return page.evaluate((taskCode) => {
    const chart = document.querySelector('[data-testid="battle-map-chart"]')!;
    const label = [...chart.querySelectorAll('text')].find((text) => text.textContent === taskCode);
    if (!label) return null;
    const box = label.getBoundingClientRect();
    const y = box.top + box.height / 2 - 3;
    const fills = ['#cf1322', '#d4a106', '#389e0d', '#8c8c8c'];
    const right = chart.getBoundingClientRect().right;
    for (let x = box.right + 20; x < right; x += 3) {
      const element = document.elementFromPoint(x, y);
      const fill = element?.getAttribute('fill') ?? '';
      if (element?.tagName === 'path' && fills.some((colour) => fill.includes(colour) || fill.includes(colour.toUpperCase()))) return { x, y };
    }
    return null;
  }, code);
}

test('the battle map shows every task in scope, opens a task, exports PNG and SVG and prints on A3', async ({ page }) => {
  await page.addInitScript(() => {
    // The print dialog is the browser's; the test prints to PDF itself.
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await signIn(page, 'admin');
  const map = await battleMapOf(page);
  expect(map.rows.length).toBeGreaterThanOrEqual(330);
  await page.getByRole('menuitem', { name: '挂图作战' }).click();
  await expect(page).toHaveURL(/\/battle-map/);
  await expect(page.getByTestId('battle-map-count')).toHaveText(`共 ${map.rows.length} 项任务`);
  const chart = page.getByTestId('battle-map-chart');
  await expect(chart.getByText(map.groups[0]!.label, { exact: false }).first()).toBeVisible();
  const first = map.rows[0]!;
  await expect(chart.locator('text', { hasText: first.code }).first()).toBeVisible();
  await expect(page.getByTestId('battle-map-legend')).toContainText('节点逾期');
  await page.screenshot({ path: `${shots}/battle-map-desktop.png`, fullPage: true });

  // Hover: the light's reason; click: the task.
  const point = await barPoint(page, first.code);
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);
  await expect(page.getByText(first.lightReason, { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/battle-map-hover.png` });

  // Export: PNG and SVG of every row.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  expect(png.suggestedFilename()).toBe(`挂图作战-${map.today}.png`);
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(20_000);
  writeFileSync(`${shots}/battle-map-export.png`, pngBytes);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain(map.rows.at(-1)!.code);

  // Print: every row on A3 landscape pages.
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  const pages = page.getByTestId('battle-map-print').locator('section');
  await expect(pages).toHaveCount(Math.ceil((map.rows.length + map.groups.length) / 42));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${shots}/battle-map-print-media.png` });
  const printedPages = await pages.count();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${shots}/battle-map.pdf`, pdf);
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const pageCount = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pageCount).toBe(printedPages);
  // A3 landscape: 420 × 297 mm ≈ 1191 × 842 pt.
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 119[01](\.\d+)? 84[12](\.\d+)?\s*\]/);
  await page.emulateMedia({ media: 'screen' });

  // Click a bar: the task opens.
  await page.mouse.click(point!.x, point!.y);
  await expect(page).toHaveURL(new RegExp(`/tasks/${first.id}$`));
});

test('the table view lists the same rows, filters narrow them, and an empty filter says so', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/battle-map?view=table&list=pilot&groupBy=leadUnit');
  const pilots = await battleMapOf(page, '?list=pilot&groupBy=leadUnit');
  await expect(page.getByTestId('battle-map-count')).toHaveText(`共 ${pilots.rows.length} 项任务`);
  const table = page.getByTestId('battle-map-table');
  await expect(table.getByRole('link', { name: pilots.rows[0]!.title })).toBeVisible();
  // Virtual scrolling reaches the last row.
  await table.getByRole('link', { name: pilots.rows[0]!.title }).hover();
  await expect(async () => {
    await page.mouse.wheel(0, 4_000);
    await expect(table.getByRole('link', { name: pilots.rows.at(-1)!.title })).toBeVisible({ timeout: 500 });
  }).toPass();
  await table.getByRole('link', { name: pilots.rows.at(-1)!.title }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${pilots.rows.at(-1)!.id}$`));
});

test('a county office sees its county’s tasks only', async ({ page }) => {
  await signIn(page, 'county');
  const mine = await battleMapOf(page);
  await page.goto('/battle-map');
  await expect(page.getByTestId('battle-map-count')).toHaveText(`共 ${mine.rows.length} 项任务`);
  expect(mine.rows.length).toBeLessThan(330);
});

test('on a phone the map opens as a table without horizontal page scroll', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await signInContext(context, 'leader');
  const page = await context.newPage();
  await page.goto('/battle-map');
  await expect(page.getByTestId('battle-map-table')).toBeVisible();
  await expect(page.getByTestId('battle-map-count')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/battle-map-phone.png`, fullPage: true });
  await page.getByText('甘特图', { exact: true }).click();
  await expect(page.getByTestId('battle-map-chart')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/battle-map-phone-chart.png`, fullPage: true });
  await context.close();
});
