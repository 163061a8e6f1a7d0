// Helpers shared by the publish.*.spec.mjs files.
import JSONstat from 'jsonstat-toolkit';
import * as XLSX from 'xlsx';

export const base = () => process.env.PUBLISH_BASE_URL;

export async function getJson(request, url) {
  const r = await request.get(url);
  if (r.status() !== 200) throw new Error(`${url}: ${r.status()} ${await r.text()}`);
  return r.json();
}

// Every published key figure's metadata.
export async function keyfigures(request) {
  return (await getJson(request, '/api/v1/keyfigures')).keyfigures;
}

// A CSV document (RFC 4180, as written by src/publish/csv_writer.cpp) as an array of objects.
export function parseCsv(text, sep = ',') {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// JSON-stat values as a map from "keyfigure|region|year|measure" to {value, status}, through
// jsonstat-toolkit (the client a statistician would use).
export function jsonstatCells(obj) {
  const ds = JSONstat(obj).Dataset(0);
  if (!ds || ds.class !== 'dataset') throw new Error('not a JSON-stat dataset');
  const ids = ds.id;
  const out = new Map();
  const table = ds.toTable({ type: 'arrobj', content: 'id', status: true });
  for (const row of table) out.set(ids.map(d => row[d]).join('|'), { value: row.value, status: row.status ?? '' });
  return out;
}

export function csvCells(rows) {
  const out = new Map();
  for (const r of rows)
    out.set([r.keyfigure, r.region, r.year, r.measure].join('|'),
            { value: r.value === '' ? null : Number(r.value.replace(',', '.')), status: r.status });
  return out;
}

export function xlsxCells(buffer) {
  const wb = XLSX.read(buffer, { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { defval: null });
  const out = new Map();
  for (const r of rows)
    out.set([r.keyfigure, r.region, String(r.year), r.measure].join('|'),
            { value: r.value === null ? null : Number(r.value), status: r.status ?? '' });
  return { cells: out, sheets: wb.SheetNames };
}
