// Every page type of the public site renders in a real Chromium, passes axe-core, and gives each
// chart a table and a one-sentence summary; downloads work; Swedish is the default.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { getJson, jsonstatCells, keyfigures } from './publish.support.mjs';

async function axeClean(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

async function chartsHaveAlternatives(page) {
  const figures = page.locator('figure.chart');
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    const f = figures.nth(i);
    await expect(f.locator('svg[role=img] > title')).toHaveCount(1);
    await expect(f.locator('svg[role=img] > desc')).toHaveCount(1);
    await expect(f.locator('figcaption')).not.toBeEmpty();
    await expect(f.locator('details.chart-table table tbody tr').first()).toBeAttached();
  }
  return n;
}

test('the start page lists key figures by theme with their latest national value', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/E-hälsa och välfärdsteknik/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const rows = page.locator('table.headline tbody tr');
  expect(await rows.count()).toBeGreaterThan(10);
  // Swedish number formatting: a decimal comma or a whole number followed by a no-break space and %.
  await expect(page.locator('td.value').first()).toHaveText(/^\d+(,\d+)?\u00a0%$|^[-–.x…]+$|^\d[\d\u00a0]*$/);
  await axeClean(page);
});

test('the catalogue and English version', async ({ page }) => {
  await page.goto('/statistik');
  await expect(page.locator('h1')).toHaveText('Alla nyckeltal');
  await axeClean(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('All key figures');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/statistik?lang=sv');
});

test('every key figure page renders its charts with tables and summaries', async ({ page, request }) => {
  test.setTimeout(600_000);
  const kfs = await keyfigures(request);
  expect(kfs.length).toBeGreaterThan(10);
  let checked = 0;
  for (const kf of kfs) {
    const r = await page.goto(`/statistik/${kf.id}`);
    expect(r.status(), kf.id).toBe(200);
    await expect(page.locator('h1')).toContainText(kf.title.sv);
    const charts = await chartsHaveAlternatives(page);
    expect(charts, kf.id).toBeGreaterThan(0);
    checked++;
  }
  expect(checked).toBe(kfs.length);
});

test('a key figure page with maps passes axe, and its downloads work', async ({ page, request }) => {
  const kfs = await keyfigures(request);
  const kf = kfs.find(k => k.breakdowns.includes('county') && k.years.length > 1) ?? kfs[0];
  await page.goto(`/statistik/${kf.id}`);
  await expect(page.locator('figure.chart svg.map-svg').first()).toBeVisible();
  await axeClean(page);
  for (const name of ['CSV (kommatecken, decimalpunkt)', 'Excel (XLSX)', 'JSON-stat 2.0']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    const path = await download.path();
    expect(path, name).toBeTruthy();
    expect(download.suggestedFilename()).toMatch(new RegExp(`digipuls-${kf.id}`));
  }
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Diagrammet som SVG' }).first().click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Diagrammet som PNG' }).first().click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
});

test('a share states its number of municipalities beside the value, as the API counts it', async ({ page, request }) => {
  const kf = (await keyfigures(request)).find(k => k.stat === 'share' && k.measures.includes('count') && k.breakdowns.includes('county'));
  const year = Math.max(...kf.years);
  const cell = kf.cells[0];
  const cells = jsonstatCells(await getJson(request, `/api/v1/keyfigures/${kf.id}/data?years=${year}&groups=00&measures=count`));
  const count = cells.get(`${cell.series}|00|${year}|count`);
  await page.goto(`/statistik/${kf.id}?cell=${encodeURIComponent(cell.id)}&year=${year}`);
  const fact = page.locator('dl.facts div').filter({ has: page.locator('dt', { hasText: 'Antal kommuner' }) }).locator('dd');
  await expect(fact).toHaveText(count.value === null ? count.status : count.value === 0 ? '–' : String(count.value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'));
  // The county table: value, count, n.
  await expect(page.locator('table.data thead').nth(1).locator('th')).toHaveText(['Län', 'Värde', 'Antal kommuner', 'Antal i underlaget (n)']);
  await axeClean(page);
});

test('choosing a cell and a year redraws the charts without JavaScript', async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const kfs = await keyfigures(request);
  const kf = kfs.find(k => k.cells.length > 1 && k.years.length > 1);
  test.skip(!kf, 'no key figure with several cells and years');
  await page.goto(`/statistik/${kf.id}`);
  await page.selectOption('#cell', kf.cells[1].id);
  await page.selectOption('#year', String(kf.years[0]));
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(new RegExp(`cell=${encodeURIComponent(kf.cells[1].id)}`));
  await expect(page.locator('figure.chart h3').nth(1)).toContainText(String(kf.years[0]));
  await context.close();
});

test('the municipality list and a municipality page', async ({ page }) => {
  await page.goto('/kommuner');
  await axeClean(page);
  await page.getByRole('link', { name: 'Ängelholm' }).click();
  await expect(page.locator('h1')).toHaveText('Ängelholm');
  const compare = page.locator('section[aria-labelledby=compare-h] table');
  await expect(compare.locator('thead th')).toContainText(['Nyckeltal', 'År', 'Ängelholm', 'Skåne län', 'Riket']);
  expect(await compare.locator('tbody tr').count()).toBeGreaterThan(5);
  await axeClean(page);
});

test('an embed page can be framed and shows its table', async ({ page, request }) => {
  const kf = (await keyfigures(request))[0];
  const r = await page.goto(`/embed/statistik/${kf.id}/tidsserie`);
  expect(r.headers()['x-frame-options']).toBeUndefined();
  expect(r.headers()['content-security-policy']).toContain('frame-ancestors *');
  await chartsHaveAlternatives(page);
  await axeClean(page);
});

test('the open data page', async ({ page }) => {
  await page.goto('/api/v1/');
  await expect(page.locator('h1')).toHaveText('Öppna data');
  await axeClean(page);
});

test('the published report: every table and the whole report download from the site', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Rapporter' }).click();
  await expect(page.locator('h1')).toHaveText('Rapporter');
  await axeClean(page);
  await page.locator('main table a').first().click();
  await expect(page).toHaveURL(/\/rapporter\/ehalsa-2021$/);
  const tables = page.locator('ul.report-tables li');
  expect(await tables.count()).toBeGreaterThan(20);
  await axeClean(page);
  // Each file is served, in its format, from the published revision.
  for (const [name, type] of [['Excel-arbetsbok', 'spreadsheetml'], ['Alla tabeller i en fil', 'text/csv'],
                              ['Tabellförteckning', 'text/csv'], ['Teckenförklaring', 'text/csv']]) {
    const href = await page.getByRole('link', { name: new RegExp(name) }).getAttribute('href');
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type'], href).toContain(type);
  }
  const csvHref = await tables.first().getByRole('link', { name: /CSV/ }).getAttribute('href');
  const csv = await request.get(csvHref);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n').length).toBeGreaterThan(2);
  // Reading one table opens the HTML report at that table.
  await tables.first().getByRole('link', { name: /Läs/ }).click();
  await expect(page).toHaveURL(/ehalsa-2021-report\.html#t-/);
  await expect(page.locator('h1')).toBeVisible();
  await axeClean(page);
});

test('pages fit a phone without sideways scrolling of the page', async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const kf = (await keyfigures(request))[0];
  for (const url of ['/', `/statistik/${kf.id}`, '/kommuner', '/kommuner/0180', '/rapporter/ehalsa-2021']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(1);
  }
  await axeClean(page);
  await context.close();
});

test('the print style sheet hides the controls', async ({ page, request }) => {
  const kf = (await keyfigures(request))[0];
  await page.goto(`/statistik/${kf.id}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.download-buttons')).toBeHidden();
  await expect(page.locator('figure.chart svg').first()).toBeVisible();
});
