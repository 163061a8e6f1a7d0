// The national round, rehearsed: one whole survey year driven over HTTP against the real server,
// as it happens in real life (issue 16). Started by tests/e2e/rehearsal.sh (reduced size, CI) and
// bench/run_rehearsal.sh (290 municipalities, docs/benchmarks.md), which start the server and the
// SMTP sink and pass them here in the environment.
//
//   contacts CSV → `digipuls users import --invite` → invitations through the SMTP sink → every
//   contributor accepts their invitation (a password) → 3 contributors per municipality answer at
//   once by autosave, all writing one shared comment, so the server's optimistic concurrency
//   answers with conflicts that they resolve ("keep mine" resends on top of theirs, "use theirs"
//   drops theirs) → the approver reviews and submits → the survey owner schedules a reminder for
//   today, the server's scheduler sends it to those not yet submitted, who then finish → the close
//   → `stats compute` → `stats publish` → the public site and API show the year.
//
// Then it checks: one receipt per municipality, every acknowledged answer in the export, the
// dashboard's counts equal to the database's, no 5xx anywhere. Each municipality is one client
// with its own loopback address (127.0.x.y as the local address), so the server's per-client
// limits stay on. Answers come from `digipuls generate` on a scratch copy of the database (the
// export CSVs in ANSWERS), so every response is complete and consistent with the instrument's
// routing.
//
// Environment: DIGIPULS_URL, MAILDEV_URL, DIGIPULS_BIN, DIGIPULS_DB, SERVER_PID, ADMIN_EMAIL,
// ADMIN_PASSWORD, CAMPAIGN, ANSWERS (comma-separated export CSVs), WORK (a directory),
// REHEARSAL_ORGS (municipalities), REHEARSAL_CONTRIBUTORS (per municipality, at least 2),
// REHEARSAL_PARALLEL (municipalities answering at the same time), REHEARSAL_REPORT (a JSON file
// for the figures).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`rehearsal: ${k} is not set`);
  return v;
};
const BASE = new URL(env('DIGIPULS_URL'));
const MAILDEV = env('MAILDEV_URL');
const BIN = env('DIGIPULS_BIN');
const DB = env('DIGIPULS_DB');
const CAMPAIGN = env('CAMPAIGN', 'ehalsa-2021');
const WORK = env('WORK');
const ORGS = Number(env('REHEARSAL_ORGS', '30'));
const CONTRIBUTORS = Number(env('REHEARSAL_CONTRIBUTORS', '3'));
const PARALLEL = Number(env('REHEARSAL_PARALLEL', '10'));
const SERVER_PID = process.env.SERVER_PID;
const PASSWORD = 'rehearsal passphrase 2023';
const BATCH = 12;  // answers per autosave: what a person types between two pauses of a second
const SHARED = 'q01:comment';  // everyone writes it: the conflicts

const failures = [];
const fail = msg => { failures.push(msg); console.error(`FAIL: ${msg}`); };
const stats = { requests: 0, byStatus: {}, fiveXX: [], conflicts: 0, keptMine: 0, tookTheirs: 0, saves: 0, answers: 0 };
const phases = [];
let phaseStart = Date.now();
function phase(name) {
  const now = Date.now();
  phases.push({ phase: name, seconds: (now - phaseStart) / 1000 });
  console.log(`-- ${name}: ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---- HTTP: one client = one loopback address, its own cookies and keep-alive connections.
class Client {
  constructor(address, label) {
    this.address = address;
    this.label = label;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress: address });
    this.cookies = {};
    this.csrf = '';
  }
  async request(method, url, { body, type, headers = {}, expect } = {}) {
    const u = new URL(url, BASE);
    const h = { ...headers };
    const jar = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) h.cookie = jar;
    if (body !== undefined) {
      h['content-type'] = type;
      h['content-length'] = Buffer.byteLength(body);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await new Promise((resolve, reject) => {
          const req = http.request({ method, host: u.hostname, port: u.port, path: u.pathname + u.search,
                                     headers: h, agent: this.agent, localAddress: this.address }, r => {
            const chunks = [];
            r.on('data', c => chunks.push(c));
            r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, text: Buffer.concat(chunks).toString('utf8') }));
            r.on('error', reject);
          });
          req.on('error', reject);
          if (body !== undefined) req.write(body);
          req.end();
        });
        stats.requests++;
        stats.byStatus[res.status] = (stats.byStatus[res.status] || 0) + 1;
        if (res.status >= 500) stats.fiveXX.push(`${method} ${u.pathname} → ${res.status} (${this.label}): ${res.text.slice(0, 200)}`);
        for (const c of [res.headers['set-cookie'] || []].flat()) {
          const [kv] = c.split(';');
          const i = kv.indexOf('=');
          this.cookies[kv.slice(0, i)] = kv.slice(i + 1);
        }
        if (expect && !expect.includes(res.status))
          throw new Error(`${this.label}: ${method} ${u.pathname} answered ${res.status}, expected ${expect.join(' or ')}: ${res.text.slice(0, 300)}`);
        return res;
      } catch (e) {
        // A keep-alive connection the server closed just as it was reused: send again, once.
        if (e.code === 'ECONNRESET' && attempt === 0 && method === 'GET') continue;
        throw e;
      }
    }
  }
  get(url, opts) { return this.request('GET', url, opts); }
  postForm(url, fields, opts = {}) {
    return this.request('POST', url, { ...opts, body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' });
  }
  postJson(url, value, opts = {}) {
    return this.request('POST', url, { ...opts, body: JSON.stringify(value), type: 'application/json',
                                       headers: { 'x-csrf-token': this.csrf } });
  }
  takeCsrf(html) {
    const m = html.match(/name="_csrf" value="([^"]+)"/);
    if (!m) throw new Error(`${this.label}: no CSRF token on the page`);
    this.csrf = m[1];
    return this.csrf;
  }
}

// The loopback address of client i (127.0.1.1 and on: 127.0.0.1 stays the operator's).
const addressOf = i => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

// ---- Answers: the generated responses, as autosave changes.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else q = false; } else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
// A text cell the export protected against spreadsheet formulas loses its apostrophe.
const unprotect = v => (/^'+[ \r\n]*[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

// One export row → [{item, value}] in instrument order; multiple choices as their chosen codes.
function changesOf(row, header) {
  const out = [];
  const multi = new Map();
  for (const col of header) {
    if (col === 'org_code' || col === 'status') continue;
    const v = row[col];
    const m = col.match(/^(.*)\[([^\]]+)\]$/);
    if (m) {
      if (v === '') continue;
      if (!multi.has(m[1])) { multi.set(m[1], []); out.push({ item: m[1], multi: true }); }
      if (v === '1') multi.get(m[1]).push(m[2]);
      continue;
    }
    if (v === '') continue;
    out.push({ item: col, value: unprotect(v) });
  }
  for (const c of out) if (c.multi) c.value = multi.get(c.item);
  // "Nothing chosen" cannot be typed in a form: a multiple choice must have a code to be an answer.
  return out.filter(c => !c.multi || c.value.length);
}
// How a person types a number: with a decimal comma.
const typed = v => (typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? v.replace('.', ',') : v);

// ---- Mail: the SMTP sink's messages.
async function allMail() {
  const res = await fetch(`${MAILDEV}/api/email`);
  if (!res.ok) throw new Error(`maildev answered ${res.status}`);
  return res.json();
}
async function waitForMail(what, predicate, count, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let hits = [];
  while (Date.now() < until) {
    hits = (await allMail()).filter(predicate);
    if (hits.length >= count) return hits;
    await sleep(count > 200 ? 2000 : 500);
  }
  throw new Error(`${what}: ${hits.length} of ${count} messages arrived within ${timeoutMs / 1000} s`);
}
const recipient = m => m.to[0].address.toLowerCase();

// ---- The municipality's round.
const expected = new Map();  // org → item → {value, version}: every acknowledged save
function acknowledge(org, item, value, version) {
  const o = expected.get(org);
  const cur = o.get(item);
  if (!cur || cur.version <= version) o.set(item, { value, version });
}

async function signUp(client, token) {
  const page = await client.get(`/invite/${token}`, { expect: [200] });
  const res = await client.postForm(`/invite/${token}`, { _csrf: client.takeCsrf(page.text), password: PASSWORD, password2: PASSWORD },
                                    { expect: [303, 302] });
  if (!client.cookies.dp_session) throw new Error(`${client.label}: no session after accepting the invitation (${res.status})`);
}

async function autosave(person, org, changes) {
  const url = `/api/respond/${CAMPAIGN}/${org}/autosave`;
  const res = await person.client.postJson(url, { changes: changes.map(c => ({ item: c.item, value: typed(c.value), base: c.base ?? 0 })),
                                                  since: person.since }, { expect: [200] });
  const body = JSON.parse(res.text);
  stats.saves++;
  person.since = Math.max(person.since, body.version);
  for (const item of body.saved) {
    const c = changes.find(x => x.item === item);
    acknowledge(org, item, c.value, body.version);
    stats.answers++;
  }
  for (const p of body.problems) throw new Error(`${person.client.label}: the server refused ${p.item}: ${p.message}`);
  return body;
}

// Every contributor writes the shared comment on the version they saw (0: nothing yet), so all
// but the first meet a conflict; they resolve it like the page's two buttons do.
async function writeShared(person, org, index) {
  let change = { item: SHARED, value: `Kommentar från ${person.name}`, base: 0 };
  for (let round = 0; round < 5; round++) {
    const body = await autosave(person, org, [change]);
    if (!body.conflicts.length) return;
    stats.conflicts++;
    const c = body.conflicts[0];
    if (c.item !== SHARED) throw new Error(`${person.client.label}: a conflict on ${c.item}, which only they wrote`);
    if (index % 2 === 1 || round > 0) {  // "Använd kollegans svar": theirs stays, nothing to send
      stats.tookTheirs++;
      return;
    }
    stats.keptMine++;  // "Behåll mitt svar": mine again, on top of their version
    change = { ...change, base: c.version };
  }
  throw new Error(`${person.client.label}: the shared comment kept conflicting`);
}

async function answer(org, people, changes) {
  // Each contributor takes every n-th answer (sections shared out at the municipality) and saves
  // it in batches, the shared comment somewhere in the middle.
  await Promise.all(people.map(async (p, i) => {
    const overview = await p.client.get(`/respond/${CAMPAIGN}/${org}`, { expect: [200] });
    p.client.takeCsrf(overview.text);
    const mine = changes.filter((c, k) => k % people.length === i && c.item !== SHARED);
    for (let k = 0; k < mine.length; k += BATCH) {
      if (k === BATCH) await writeShared(p, org, i);
      await autosave(p, org, mine.slice(k, k + BATCH));
    }
    if (mine.length <= BATCH) await writeShared(p, org, i);
  }));
}

async function submit(org, contact, approver) {
  // Only the approver signs off: the contact (who also answers) is refused.
  await contact.client.postForm(`/respond/${CAMPAIGN}/${org}/submit`, { _csrf: contact.client.csrf }, { expect: [403] });
  const review = await approver.client.get(`/respond/${CAMPAIGN}/${org}/review`, { expect: [200] });
  approver.client.takeCsrf(review.text);
  const res = await approver.client.postForm(`/respond/${CAMPAIGN}/${org}/submit`, { _csrf: approver.client.csrf }, { expect: [303, 302, 422] });
  if (res.status === 422) throw new Error(`${approver.client.label}: submitting ${org} was refused: the review page lists what is missing`);
  const after = await approver.client.get(res.headers.location, { expect: [200] });
  void after;
}

// ---- The round.
async function main() {
  // The generated answers, by municipality (the first file that has it submitted).
  const answerFiles = env('ANSWERS').split(',');
  const rows = new Map();
  let header = null;
  for (const f of answerFiles) {
    const text = fs.readFileSync(f, 'utf8');
    header = text.slice(0, text.indexOf('\n')).split(',');
    for (const r of parseCsv(text)) if (r.status === 'submitted' && !rows.has(r.org_code)) rows.set(r.org_code, r);
  }
  const codes = [...rows.keys()].sort();
  if (codes.length < ORGS) throw new Error(`only ${codes.length} municipalities have generated answers; ${ORGS} asked`);
  // Spread over the country: every k-th municipality by code.
  const chosen = Array.from({ length: ORGS }, (_, i) => codes[Math.floor(i * codes.length / ORGS)]);
  const orgs = chosen.map((code, i) => ({ code, address: addressOf(i), people: [], changes: changesOf(rows.get(code), header) }));
  for (const o of orgs) expected.set(o.code, new Map());

  // 1. Contacts, imported from the agency's CSV: a contact, an approver and contributors.
  const roleOf = k => (k === 0 ? 'contact' : k === 1 ? 'approver' : 'respondent');
  const lines = ['org_code,email,name,role'];
  for (const o of orgs)
    for (let k = 0; k < CONTRIBUTORS; k++) {
      const email = `p${k + 1}.${o.code}@kommun${o.code}.test`;
      const name = `Person ${k + 1} i ${o.code}`;
      o.people.push({ email, name, role: roleOf(k), since: 0 });
      lines.push(`${o.code},${email},${name},${roleOf(k)}`);
    }
  const contacts = path.join(WORK, 'contacts.csv');
  fs.writeFileSync(contacts, lines.join('\n') + '\n');
  execFileSync(BIN, ['users', 'import', '--db', DB, contacts, '--dry-run'], { stdio: 'pipe' });
  execFileSync(BIN, ['users', 'import', '--db', DB, contacts, '--invite', '--base-url', BASE.origin], { stdio: 'pipe' });
  phase(`contacts imported (${lines.length - 1} rows)`);

  // 2. The invitations, through the SMTP sink.
  const accounts = ORGS * CONTRIBUTORS;
  const invitations = await waitForMail('invitations', m => m.subject.startsWith('Inbjudan till Digipuls'), accounts, 60000 + accounts * 400);
  const tokenOf = new Map();
  for (const m of invitations) {
    const t = (m.text || '').match(/\/invite\/([A-Za-z0-9_-]+)/);
    if (t) tokenOf.set(recipient(m), t[1]);
  }
  for (const o of orgs)
    for (const p of o.people) {
      if (!tokenOf.has(p.email)) throw new Error(`no invitation link reached ${p.email}`);
      p.token = tokenOf.get(p.email);
    }
  phase(`${invitations.length} invitations delivered`);

  // The survey owner, from their own address.
  const admin = new Client('127.0.0.2', 'admin');
  const login = await admin.get('/login', { expect: [200] });
  await admin.postForm('/login', { _csrf: admin.takeCsrf(login.text), email: env('ADMIN_EMAIL'), password: env('ADMIN_PASSWORD') },
                       { expect: [303, 302] });
  const dash = await admin.get(`/admin/campaigns/${CAMPAIGN}`, { expect: [200] });
  admin.takeCsrf(dash.text);

  // 3. Municipalities answer, PARALLEL at a time; each municipality is one office (one address).
  const runOrg = async (o, { waitFor } = {}) => {
    for (const p of o.people) {
      p.client = new Client(o.address, p.email);
      await signUp(p.client, p.token);
    }
    await answer(o.code, o.people, o.changes);
    if (waitFor) await waitFor;
    await submit(o.code, o.people[0], o.people[1]);
    o.submitted = true;
    for (const p of o.people) p.client.agent.destroy();
  };
  const pool = async (list, fn) => {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, async () => {
      while (next < list.length) {
        const o = list[next++];
        await fn(o);
      }
    }));
  };
  const early = orgs.slice(0, Math.ceil(orgs.length * 2 / 3));
  const late = orgs.slice(early.length);
  await pool(early, o => runOrg(o));
  phase(`${early.length} municipalities answered and submitted`);

  // 4. A reminder for today: the server's own schedule (checked every minute) sends it to every
  // account of a municipality that has not submitted; the late ones answer meanwhile and submit
  // after it came.
  const today = new Date().toISOString().slice(0, 10);
  const settings = await admin.get(`/admin/campaigns/${CAMPAIGN}/settings`, { expect: [200] });
  const field = n => (settings.text.match(new RegExp(`name="${n}"[^>]*value="([^"]*)"`)) || [])[1];
  const closes = field('closes_on');
  const daysLeft = Math.round((Date.parse(closes) - Date.parse(today)) / 86400000);
  await admin.postForm(`/admin/campaigns/${CAMPAIGN}/schedule`,
                       { _csrf: admin.takeCsrf(settings.text), opens_on: field('opens_on'), closes_on: closes, reminders: `-${daysLeft}` },
                       { expect: [303, 302] });
  const remindedAt = Date.now();
  const isReminder = m => m.subject.startsWith('Påminnelse');
  // The schedule looks once a minute; then the sender delivers one message after another.
  const reminders = waitForMail('reminders', isReminder, late.length * CONTRIBUTORS, 75000 + late.length * CONTRIBUTORS * 400);
  reminders.catch(() => {});  // awaited by every late municipality; the first to await reports it
  await pool(late, o => runOrg(o, { waitFor: reminders }));
  phase(`the reminder came (${((Date.now() - remindedAt) / 1000).toFixed(0)} s after it was scheduled) and ${late.length} more submitted`);
  const reminded = new Set((await allMail()).filter(isReminder).map(recipient));
  for (const o of orgs)
    for (const p of o.people) {
      const lateOne = late.includes(o);
      if (lateOne !== reminded.has(p.email))
        fail(`${p.email} (${lateOne ? 'had not submitted' : 'had submitted'}) ${reminded.has(p.email) ? 'got' : 'got no'} reminder`);
    }

  // 5. Receipts: one per municipality, to each of its people.
  const receipts = await waitForMail('receipts', m => m.subject.startsWith('Kvitto'), accounts, 60000 + accounts * 400);
  for (const o of orgs) {
    const got = receipts.filter(m => o.people.some(p => p.email === recipient(m)));
    if (got.length !== CONTRIBUTORS) fail(`${o.code}: ${got.length} receipts for ${CONTRIBUTORS} people`);
  }
  phase('receipts delivered');

  // 6. The dashboard equals the database.
  const dashboard = await admin.get(`/admin/campaigns/${CAMPAIGN}`, { expect: [200] });
  const counts = [...(dashboard.text.match(/<ul class="counts">([\s\S]*?)<\/ul>/) || ['', ''])[1].matchAll(/<strong>(\d+)<\/strong>/g)].map(m => Number(m[1]));
  const sql = q => execFileSync('sqlite3', ['-readonly', DB, q], { encoding: 'utf8' }).trim();
  const campaignId = sql(`SELECT id FROM campaigns WHERE slug = '${CAMPAIGN}'`);
  const inDb = Object.fromEntries(sql(`SELECT status, count(*) FROM responses WHERE campaign_id = ${campaignId} GROUP BY status`)
    .split('\n').filter(Boolean).map(l => l.split('|')).map(([s, n]) => [s, Number(n)]));
  const scopeCsv = parseCsv((await admin.get(`/admin/campaigns/${CAMPAIGN}/status.csv`, { expect: [200] })).text);
  const answeredInDb = (inDb.draft || 0) + (inDb.reopened || 0) + (inDb.submitted || 0);
  const dbCounts = [scopeCsv.length - answeredInDb, inDb.draft || 0, inDb.reopened || 0, inDb.submitted || 0];
  if (JSON.stringify(counts) !== JSON.stringify(dbCounts))
    fail(`dashboard counts (not started, draft, reopened, submitted) ${JSON.stringify(counts)} ≠ database ${JSON.stringify(dbCounts)}`);
  const dbStatus = new Map(sql(`SELECT org_code, status FROM responses WHERE campaign_id = ${campaignId}`).split('\n').filter(Boolean).map(l => l.split('|')));
  for (const r of scopeCsv)
    if ((dbStatus.get(r.org_code) || 'not_started') !== r.status) fail(`status.csv says ${r.org_code} is ${r.status}; the database ${dbStatus.get(r.org_code)}`);
  if ((inDb.submitted || 0) !== ORGS) fail(`${inDb.submitted || 0} responses submitted in the database, ${ORGS} expected`);
  phase('dashboard checked');

  // 7. The close, over HTTP; afterwards nothing is saved.
  await admin.postForm(`/admin/campaigns/${CAMPAIGN}/state`, { _csrf: admin.csrf, to: 'closed' }, { expect: [303, 302] });
  const state = sql(`SELECT state FROM campaigns WHERE slug = '${CAMPAIGN}'`);
  if (state !== 'closed') fail(`the campaign is ${state} after the close`);
  // A contributor's late save is refused, not lost silently: 409, and the answer stays as it was.
  const lateOne = orgs[0].people[0];
  const again = new Client(orgs[0].address, `${lateOne.email} after the close`);
  Object.assign(again.cookies, lateOne.client.cookies);
  again.csrf = lateOne.client.csrf;
  await again.postJson(`/api/respond/${CAMPAIGN}/${orgs[0].code}/autosave`,
                       { changes: [{ item: SHARED, value: 'För sent', base: 1 << 30 }], since: 0 }, { expect: [409] });
  again.agent.destroy();
  phase('closed');

  // 8. Every acknowledged answer is in the export.
  const exported = new Map(parseCsv(execFileSync(BIN, ['responses', 'export', '--db', DB, '--campaign', CAMPAIGN], { encoding: 'utf8', maxBuffer: 1 << 28 }))
    .map(r => [r.org_code.replace(/^'/, ''), r]));
  let checked = 0;
  for (const o of orgs) {
    const row = exported.get(o.code);
    if (!row) { fail(`${o.code} is not in the export`); continue; }
    if (row.status !== 'submitted') fail(`${o.code} is ${row.status} in the export`);
    for (const [item, { value }] of expected.get(o.code)) {
      checked++;
      let got;
      if (Array.isArray(value)) {
        const cols = Object.keys(row).filter(c => c.startsWith(`${item}[`));
        got = cols.filter(c => row[c] === '1').map(c => c.slice(item.length + 1, -1));
        if (got.sort().join('|') !== [...value].sort().join('|')) fail(`${o.code} ${item}: saved ${value.join('|')}, exported ${got.join('|')}`);
        continue;
      }
      got = unprotect(row[item] ?? '');
      const same = got === value || (got !== '' && !Number.isNaN(Number(got)) && Number(got) === Number(value));
      if (!same) fail(`${o.code} ${item}: saved ${JSON.stringify(value)}, exported ${JSON.stringify(got)}`);
    }
  }
  phase(`export checked (${checked} acknowledged answers)`);

  // 9. Compute and publish, as the analyst does.
  const cli = (...args) => execFileSync(BIN, [...args, '--db', DB], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  cli('stats', 'compute', '--campaign', CAMPAIGN);
  phase('stats compute');
  cli('stats', 'publish', '--campaign', CAMPAIGN);
  phase('stats publish');

  // 10. The public site and the open API show the year.
  const year = sql(`SELECT year FROM campaigns WHERE slug = '${CAMPAIGN}'`);
  const visitor = new Client('127.0.0.3', 'visitor');
  const kf = JSON.parse((await visitor.get('/api/v1/keyfigures', { expect: [200] })).text);
  const list = Array.isArray(kf) ? kf : (kf.keyfigures || kf.items || kf.data || []);
  if (!list.length) fail('the API lists no key figures after publishing');
  const first = list[0];
  const id = first.id || first.code;
  const data = await visitor.get(`/api/v1/keyfigures/${encodeURIComponent(id)}/data`, { expect: [200] });
  if (!data.text.includes(`"${year}"`)) fail(`the API's data of ${id} does not show ${year}`);
  const pageOf = await visitor.get(`/statistik/${encodeURIComponent(id)}`, { expect: [200] });
  if (!pageOf.text.includes(year)) fail(`/statistik/${id} does not show ${year}`);
  const town = await visitor.get(`/kommuner/${orgs[0].code}`, { expect: [200] });
  if (!town.text.includes(year)) fail(`/kommuner/${orgs[0].code} does not show ${year}`);
  phase('public site and API show the year');

  // The server's resources.
  if (SERVER_PID) {
    const status = fs.readFileSync(`/proc/${SERVER_PID}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${SERVER_PID}/stat`, 'utf8').split(') ')[1].split(' ');
    const tick = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    stats.server = { peak_rss_mib: Number((status.match(/VmHWM:\s+(\d+)/) || [])[1]) / 1024,
                     cpu_seconds: (Number(stat[11]) + Number(stat[12])) / tick };
  }
  if (stats.fiveXX.length) fail(`${stats.fiveXX.length} answers with 5xx:\n  ${stats.fiveXX.slice(0, 20).join('\n  ')}`);
  if (stats.conflicts < ORGS) fail(`only ${stats.conflicts} conflicts for ${ORGS} municipalities: the shared comment did not conflict`);
  const report = { orgs: ORGS, contributors: CONTRIBUTORS, parallel: PARALLEL, phases, ...stats, fiveXX: stats.fiveXX.length };
  console.log(JSON.stringify(report));
  if (process.env.REHEARSAL_REPORT) fs.writeFileSync(process.env.REHEARSAL_REPORT, JSON.stringify(report, null, 2));
}

try {
  await main();
} catch (e) {
  fail(e.stack || String(e));
}
if (failures.length) {
  console.error(`rehearsal: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`rehearsal: ${ORGS} municipalities × ${CONTRIBUTORS} contributors: all checks passed`);
