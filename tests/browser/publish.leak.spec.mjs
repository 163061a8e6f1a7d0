// Nothing unpublished or suppressed leaks. Runs against a second server (PUBLISH_SUPPRESSED_URL)
// whose database has a campaign published under disclosure control (so some cells are
// suppressed) and another campaign computed but not published (PUBLISH_UNPUBLISHED_YEAR).
// Every suppressed cell is looked up in every API format, on the key figure's page (tables, charts,
// map titles), in the embed, the SVG download and on municipality pages.
import { test, expect } from '@playwright/test';
import { getJson, parseCsv, xlsxCells } from './publish.support.mjs';

const base = process.env.PUBLISH_SUPPRESSED_URL;
const unpublished = process.env.PUBLISH_UNPUBLISHED_YEAR;
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

test('the unpublished campaign is nowhere', async ({ request }) => {
  test.skip(!unpublished, 'no unpublished campaign in this database');
  const kfs = (await getJson(request, '/api/v1/keyfigures')).keyfigures;
  for (const kf of kfs) {
    expect(kf.years, kf.id).not.toContain(Number(unpublished));
    const r = await request.get(`/api/v1/keyfigures/${kf.id}/data?years=${unpublished}`);
    expect(r.status(), kf.id).toBe(400);
  }
});

test('suppressed cells have no value in any format, page, chart or embed', async ({ request, page }) => {
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
      // JSON-stat: no value and no n.
      expect(obj.value[s.index], what).toBeNull();
      expect(obj.value[s.index + 1], `${what} n`).toBeNull();
      // CSV and XLSX: empty value, status x, for the value and for n.
      for (const m of ['value', 'n']) {
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
        const cellsText = await rows.nth(i).locator('td').allInnerTexts();
        if (cellsText.length === 2) expect(cellsText, `${what} page table`).toEqual(['x', 'x']);
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
