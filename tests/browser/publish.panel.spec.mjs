// Panels on the site and in the API, on a server whose database has two campaigns (2021, 2022)
// published under the "standard" disclosure profile (PUBLISH_PANEL_URL, tests/e2e/publish.sh).
// The API's panel measures, read through jsonstat-toolkit, agree with `digipuls stats panel`
// (PUBLISH_PANEL_CLI) for every key figure, region and cell: the same panel n, the same values at
// the published precision, and a number exactly where the command line shows one (x = withheld).
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import { getJson, parseCsv, jsonstatCells } from './publish.support.mjs';

test.use({ baseURL: process.env.PUBLISH_PANEL_URL });
const cli = parseCsv(fs.readFileSync(process.env.PUBLISH_PANEL_CLI, 'utf8'));
const measures = ['panel_n', 'panel_previous', 'panel_value', 'panel_change'];

async function axeClean(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

async function panelKeyfigures(request) {
  const list = (await getJson(request, '/api/v1/keyfigures')).keyfigures;
  const out = [];
  for (const k of list) {
    const meta = await getJson(request, `/api/v1/keyfigures/${k.id}`);
    if (meta.measures.includes('panel_n')) out.push(meta);
  }
  return out;
}

test('the API panel measures agree with the command line for every key figure, region and cell', async ({ request }) => {
  const kfs = await panelKeyfigures(request);
  expect(kfs.length).toBeGreaterThan(10);
  // Differences are collected and compared once: a Playwright expect per cell would take minutes.
  const wrong = [];
  const check = (ok, what) => { if (!ok) wrong.push(what); };
  let shown = 0, withheld = 0;
  for (const kf of kfs) {
    expect(kf.panels).toEqual([{ year: 2022, previous: 2021 }]);
    const js = await getJson(request,
      `/api/v1/keyfigures/${kf.id}/data?years=2022&breakdowns=national,county,size_group&measures=${measures.join(',')}`);
    expect(js.extension.panels).toEqual({ 2022: 2021 });
    const cells = jsonstatCells(js);
    for (const row of cli.filter(r => r.keyfigure === kf.id)) {
      const series = row.cell ? `${kf.id}.${row.cell}` : kf.id;
      const region = row.breakdown === 'national' ? '00' : row.breakdown === 'county' ? row.group : `${row.breakdown}:${row.group}`;
      const at = m => cells.get(`${series}|${region}|2022|${m}`) ?? { value: undefined, status: 'missing' };
      const what = `${series} ${region}`;
      const n = at('panel_n'), value = at('panel_value'), previous = at('panel_previous');
      if (row.comparable === 'no') {
        check(value.status === '*' && value.value === null, `${what}: not comparable, API ${JSON.stringify(value)}`);
      } else if (row.panel_n === 'x') {
        withheld++;
        for (const m of measures)
          check(at(m).value === null && at(m).status === 'x', `${what} ${m}: withheld, API ${JSON.stringify(at(m))}`);
      } else if (row.panel_n === '0') {
        check(n.value === 0 && value.value === null && value.status === '..', `${what}: empty panel, API ${JSON.stringify(value)}`);
      } else {
        shown++;
        check(n.value === Number(row.panel_n), `${what}: panel n ${row.panel_n}, API ${JSON.stringify(n)}`);
        // The command line prints one decimal; the API the key figure's own precision.
        if (kf.stat === 'share')
          check(Math.abs(value.value - Number(row.share_now)) <= 0.55 + 1e-9 &&
                Math.abs(previous.value - Number(row.share_before)) <= 0.55 + 1e-9,
                `${what}: ${row.share_before} → ${row.share_now}, API ${previous.value} → ${value.value}`);
      }
    }
  }
  expect(wrong.slice(0, 20)).toEqual([]);
  expect(shown).toBeGreaterThan(0);
  expect(withheld).toBeGreaterThan(0);
});

test('the key-figure page shows the panel as a table with a summary, passes axe and fits a phone', async ({ page, request }) => {
  const kf = (await panelKeyfigures(request)).find(k => k.stat === 'share');
  await page.goto(`/statistik/${kf.id}`);
  const section = page.locator('section[aria-labelledby=panel-h]');
  await expect(section.locator('h2')).toHaveText('Samma kommuner 2021 och 2022');
  await expect(section.locator('table caption')).toContainText('samma kommuner 2021 och 2022');
  await expect(section.locator('tbody tr').first().locator('th')).toHaveText('Riket');
  await expect(section.locator('thead th')).toHaveText(['Område', 'Kommuner i panelen (n)', '2021', '2022',
    'Förändring (procentenheter)']);
  await axeClean(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await axeClean(page);
  await page.goto(`/statistik/${kf.id}?lang=en`);
  await expect(page.locator('#panel-h')).toHaveText('The same municipalities in 2021 and 2022');
  // 2021 has no earlier published campaign: no panel.
  await page.goto(`/statistik/${kf.id}?year=2021`);
  await expect(page.locator('#panel-h')).toHaveCount(0);
});
