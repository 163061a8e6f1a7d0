// Nothing unpublished or suppressed leaks. Runs against a second server (PUBLISH_SUPPRESSED_URL)
// whose database has a campaign published under disclosure control (so some cells are
// suppressed) and a later revision computed from other answers but not published
// (PUBLISH_REV_PUBLISHED / PUBLISH_REV_UNPUBLISHED: both revisions as the stats CLI prints them).
// Every suppressed cell is looked up in every API format, on the key figure's page (tables, charts,
// map titles), in the embed and the SVG download.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { getJson, parseCsv, xlsxCells, jsonstatCells } from './publish.support.mjs';

const base = process.env.PUBLISH_SUPPRESSED_URL;
test.use({ baseURL: base });

// Suppressed cells of a key figure: [{series, cell, region, regionLabel, year}].
function suppressedCells(obj, kf) {
  const ids = obj.id, size = obj.size, out = [];
  const cats = ids.map(d => Object.entries(obj.dimension[d].category.index).sort((a, b) => a[1] - b[1]).map(e => e[0]));
  for (const [idx, sym] of Object.entries(obj.status ?? {})) {
    if (sym !== 'x') continue;
    let i = Number(idx);
    const c = new Array(ids.length);
    for (let k = ids.length - 1; k >= 0; k--) { c[k] = cats[k][i % size[k]]; i = Math.floor(i / size[k]); }
    const at = Object.fromEntries(ids.map((d, k) => [d, c[k]]));
    if (at.measure !== 'value') continue;
    const cell = kf.cells.find(x => x.series === at.keyfigure);
    out.push({ series: at.keyfigure, cell: cell ? cell.id : '', region: at.region,
               regionLabel: obj.dimension.region.category.label[at.region], year: at.year, index: Number(idx) });
  }
  return out;
}

// A figure of the stats CLI's CSV (`digipuls stats show --format csv`) by series and region code.
function readRevision(path) {
  const rows = parseCsv(fs.readFileSync(path, 'utf8'));
  const out = new Map();
  for (const r of rows) {
    const region = r.breakdown === 'national' ? '00' : (r.breakdown === 'county' ? r.group : `${r.breakdown}:${r.group}`);
    const series = r.cell ? `${r.keyfigure}.${r.cell}` : r.keyfigure;
    out.set(`${series}|${region}|${r.year}`, { keyfigure: r.keyfigure, value: r.value === '' ? null : Number(r.value) });
  }
  return out;
}

test('only the published revision is shown, never a later unpublished one', async ({ request }) => {
  test.skip(!process.env.PUBLISH_REV_UNPUBLISHED, 'no unpublished revision in this database');
  const published = readRevision(process.env.PUBLISH_REV_PUBLISHED);
  const unpublished = readRevision(process.env.PUBLISH_REV_UNPUBLISHED);
  // Cells whose two revisions clearly differ, a few per key figure.
  const byKf = new Map();
  for (const [k, v] of published) {
    const w = unpublished.get(k);
    if (!w || v.value === null || w.value === null || Math.abs(v.value - w.value) < 2) continue;
    if (!byKf.has(v.keyfigure)) byKf.set(v.keyfigure, []);
    if (byKf.get(v.keyfigure).length < 20) byKf.get(v.keyfigure).push([k, v.value, w.value]);
  }
  expect(byKf.size, 'the two revisions must differ for this test to mean anything').toBeGreaterThan(5);
  let checked = 0;
  for (const [kf, cells] of byKf) {
    const js = jsonstatCells(await getJson(request, `/api/v1/keyfigures/${kf}/data?measures=value`));
    for (const [k, pub, unpub] of cells) {
      const shown = js.get(`${k}|value`);
      if (!shown || shown.value === null) continue;  // withheld in the published revision
      expect(Math.abs(shown.value - pub), `${k}: published ${pub}, shown ${shown.value}`).toBeLessThanOrEqual(0.51);
      expect(Math.abs(shown.value - unpub), `${k}: unpublished ${unpub} shown`).toBeGreaterThan(0.51);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
});

test('the report on the site is the published revision\'s, byte for byte as the command line writes it', async ({ page, request }) => {
  test.skip(!process.env.PUBLISH_REPORT_UNPUBLISHED, 'no reports written for this database');
  const published = fs.readFileSync(process.env.PUBLISH_REPORT_PUBLISHED, 'utf8');
  const unpublished = fs.readFileSync(process.env.PUBLISH_REPORT_UNPUBLISHED, 'utf8');
  expect(unpublished, 'the two revisions\' reports must differ for this test to mean anything').not.toEqual(published);
  const res = await request.get('/rapporter/ehalsa-2021/ehalsa-2021-report.csv');
  expect(res.status()).toBe(200);
  expect(await res.text()).toEqual(published);
  await page.goto('/rapporter/ehalsa-2021');
  await expect(page.locator('main .lead')).toContainText('(Revision 1)');
});

test('suppressed cells have no value in any format, page, chart or embed', async ({ request, page }) => {
  test.setTimeout(600_000);
  const kfs = (await getJson(request, '/api/v1/keyfigures')).keyfigures;
  let found = 0;
  for (const kf of kfs) {
    const obj = await getJson(request, `/api/v1/keyfigures/${kf.id}/data`);
    const cells = suppressedCells(obj, kf);
    if (!cells.length) continue;
    const csv = parseCsv(await (await request.get(`/api/v1/keyfigures/${kf.id}/data?format=csv`)).text());
    const book = xlsxCells(await (await request.get(`/api/v1/keyfigures/${kf.id}/data?format=xlsx`)).body());
    for (const s of cells.slice(0, 6)) {
      found++;
      const what = `${s.series} ${s.region} ${s.year}`;
      // JSON-stat: no value, no n and (for a share of organisations) no count: the measures follow
      // the value in the cube, so the cell's other measures are the next indices.
      const measures = Object.entries(obj.dimension.measure.category.index).sort((a, b) => a[1] - b[1]).map(e => e[0]);
      expect(measures.includes('count'), `${kf.id} count measure`).toBe(kf.stat === 'share');
      measures.forEach((m, k) => {
        expect(obj.value[s.index + k], `${what} ${m}`).toBeNull();
        expect(obj.status[s.index + k], `${what} ${m} status`).toBe('x');
      });
      // CSV and XLSX: empty value, status x, for every measure.
      for (const m of measures) {
        const row = csv.find(r => r.keyfigure === s.series && r.region === s.region && r.year === s.year && r.measure === m);
        expect(row.value, `${what} csv ${m}`).toBe('');
        expect(row.status, `${what} csv ${m}`).toBe('x');
        const cell = book.cells.get([s.series, s.region, s.year, m].join('|'));
        expect(cell.value, `${what} xlsx ${m}`).toBeNull();
      }
      // Kolada shape: null value and count.
      const kid = s.region === '00' ? '0000' : s.region.length === 2 ? '00' + s.region : s.region.length === 4 ? s.region : null;
      if (kid) {
        const k = await getJson(request, `/api/v1/kolada/data/kpi/${kf.id}/municipality/${kid}/year/${s.year}`);
        const v = k.values[0].values.find(x => x.cell === s.cell);
        expect(v.value, `${what} kolada`).toBeNull();
        expect(v.count, `${what} kolada n`).toBeNull();
        expect(v.status).toBe('x');
      }
      // The key figure page: the row of the region in every table shows the symbol only.
      const q = `?cell=${encodeURIComponent(s.cell)}&year=${s.year}`;
      await page.goto(`/statistik/${kf.id}${q}`);
      const rows = page.locator('table.data tbody tr').filter({ has: page.locator(`th:text-is("${s.regionLabel}")`) });
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const cellsText = (await rows.nth(i).locator('td').allTextContents()).map(t => t.trim());
        // value, (count,) n: the symbol only
        if (cellsText.length >= 2 && cellsText.length <= 3) expect(cellsText, `${what} page table`).toEqual(cellsText.map(() => 'x'));
      }
      if (s.region.length === 2 && s.region !== '00') {
        await expect(page.locator(`svg.map-svg path title:text-is("${s.regionLabel}: x")`)).toHaveCount(1);
        const svg = await (await request.get(`/statistik/${kf.id}/diagram/lan.svg${q}`)).text();
        expect(svg).toContain(`<title>${s.regionLabel}: x</title>`);
        const embed = await (await request.get(`/embed/statistik/${kf.id}/lan${q}`)).text();
        expect(embed).toContain(`<title>${s.regionLabel}: x</title>`);
      }
    }
  }
  expect(found, 'the database must have suppressed cells for this test to mean anything').toBeGreaterThan(0);
});
