// The open API read with real clients: jsonstat-toolkit parses every JSON-stat answer and gives
// the same values as the CSV; the XLSX opens (SheetJS) and holds the same values; HTTP behaviour.
import { test, expect } from '@playwright/test';
import { keyfigures, getJson, parseCsv, jsonstatCells, csvCells, xlsxCells } from './publish.support.mjs';

function sameCells(a, b, what) {
  expect(b.size, what).toBe(a.size);
  for (const [k, v] of a) {
    const w = b.get(k);
    expect(w, `${what}: ${k}`).toBeDefined();
    if (v.value === null) expect(w.value, `${what}: ${k}`).toBeNull();
    else expect(w.value, `${what}: ${k}`).toBeCloseTo(v.value, 6);
    expect(w.status ?? '', `${what}: ${k}`).toBe(v.status ?? '');
  }
}

test('every key figure: JSON-stat, CSV, semicolon CSV and XLSX hold the same cells', async ({ request }) => {
  const kfs = await keyfigures(request);
  expect(kfs.length).toBeGreaterThan(10);
  for (const kf of kfs) {
    const url = `/api/v1/keyfigures/${kf.id}/data`;
    const js = jsonstatCells(await getJson(request, url));
    expect(js.size, kf.id).toBeGreaterThan(0);
    const csv = await request.get(`${url}?format=csv`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    sameCells(js, csvCells(parseCsv(await csv.text())), `${kf.id} csv`);
    const semi = await request.get(`${url}?format=csv&separator=semicolon`);
    sameCells(js, csvCells(parseCsv(await semi.text(), ';')), `${kf.id} csv;`);
    const xlsx = await request.get(`${url}?format=xlsx`);
    expect(xlsx.status()).toBe(200);
    const book = xlsxCells(await xlsx.body());
    expect(book.sheets).toEqual(['Data', 'Om data']);
    sameCells(js, book.cells, `${kf.id} xlsx`);
  }
});

test('JSON-stat has the dimensions key figure, region, year and measure, and explains its status symbols', async ({ request }) => {
  const kf = (await keyfigures(request))[0];
  const obj = await getJson(request, `/api/v1/keyfigures/${kf.id}/data?lang=en`);
  expect(obj.version).toBe('2.0');
  expect(obj.id).toEqual(['keyfigure', 'region', 'year', 'measure']);
  expect(obj.role.time).toEqual(['year']);
  expect(obj.dimension.region.category.label['00']).toBe('Sweden');
  for (const s of Object.values(obj.status ?? {})) expect(obj.extension.status[s], s).toBeDefined();
});

test('filters by years, organisations and groups', async ({ request }) => {
  const kf = (await keyfigures(request)).find(k => k.breakdowns.includes('county'));
  const y = kf.years[kf.years.length - 1];
  const obj = await getJson(request, `/api/v1/keyfigures/${kf.id}/data?years=${y}&groups=00,12&measures=value`);
  expect(Object.keys(obj.dimension.year.category.index)).toEqual([String(y)]);
  expect(Object.keys(obj.dimension.region.category.index)).toEqual(['00', '12']);
});

test('conditional GET, compression and CORS', async ({ request }) => {
  const kf = (await keyfigures(request))[0];
  const url = `/api/v1/keyfigures/${kf.id}/data`;
  const first = await request.get(url, { headers: { 'Accept-Encoding': 'gzip', Origin: 'https://example.org' } });
  expect(first.headers()['content-encoding']).toBe('gzip');
  expect(first.headers()['access-control-allow-origin']).toBe('*');
  expect(first.headers()['cache-control']).toContain('max-age');
  const tag = first.headers()['etag'];
  const again = await request.get(url, { headers: { 'If-None-Match': tag } });
  expect(again.status()).toBe(304);
});

test('bad parameters are 400s naming the parameter', async ({ request }) => {
  const kf = (await keyfigures(request))[0];
  for (const [q, p] of [['years=2x', 'years'], ['format=pdf', 'format'], ['organisations=0000', 'organisations'], ['foo=1', 'foo']]) {
    const r = await request.get(`/api/v1/keyfigures/${kf.id}/data?${q}`);
    expect(r.status(), q).toBe(400);
    expect((await r.json()).error.parameter, q).toBe(p);
  }
});

test('the Kolada-shaped endpoint answers by key figure × municipality × year', async ({ request }) => {
  const kf = (await keyfigures(request)).find(k => k.breakdowns.includes('county'));
  const y = kf.years[kf.years.length - 1];
  const j = await getJson(request, `/api/v1/kolada/data/kpi/${kf.id}/municipality/0000,0012/year/${y}`);
  expect(j.count).toBe(2);
  expect(j.values.map(v => v.municipality).sort()).toEqual(['0000', '0012']);
  expect(j.values[0].values[0]).toHaveProperty('gender', 'T');
});

test('the OpenAPI document and /config', async ({ request }) => {
  const doc = await getJson(request, '/api/v1/openapi.json');
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toContain('/keyfigures/{id}/data');
  const cfg = await getJson(request, '/api/v1/config');
  expect(cfg.maxDataCells).toBeGreaterThan(0);
});
