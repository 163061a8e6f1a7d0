// DuckDB peer of the statistics benchmark: loads the same long answers table the engine and
// SQLite use (CSV written by stats_bench), runs the same aggregation queries and prints one JSON
// line: load and query times and a checksum of every result row.
// Usage: node duckdb_peer.mjs WORK_DIR QUERIES.sql
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [dir, queryFile] = process.argv.slice(2);
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await inst.connect();
let t = performance.now();
await con.run(`CREATE TABLE orgs AS SELECT * FROM read_csv('${dir}/orgs.csv', header = true,
  columns = {'year': 'INTEGER', 'org': 'INTEGER', 'responded': 'INTEGER', 'national': 'INTEGER', 'county': 'INTEGER',
             'size_group': 'INTEGER', 'skr_group': 'INTEGER', 'stimulus_requisitioned': 'INTEGER', 'home_health_care': 'INTEGER'})`);
await con.run(`CREATE TABLE answers AS SELECT * FROM read_csv('${dir}/answers.csv', header = true,
  columns = {'year': 'INTEGER', 'org': 'INTEGER', 'item': 'INTEGER', 'opt': 'INTEGER', 'num': 'DOUBLE'})`);
const loadMs = performance.now() - t;
const queries = readFileSync(queryFile, 'utf8').split(';').map((q) => q.trim()).filter((q) => q.length);
let checksum = 0n;
let rows = 0;
t = performance.now();
for (const q of queries) {
  const reader = await con.runAndReadAll(q);
  for (const row of reader.getRows()) {
    rows++;
    // Every column after year and group: counts as integers, sums rounded.
    for (let i = 2; i < row.length; i++) {
      const v = row[i];
      if (v === null) continue;
      checksum += typeof v === 'bigint' ? v : BigInt(Math.round(Number(v)));
    }
  }
}
const queryMs = performance.now() - t;
console.log(JSON.stringify({ load_ms: loadMs, query_ms: queryMs, rows, checksum: checksum.toString() }));
