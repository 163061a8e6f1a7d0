// A municipality's team at the scale of a national round, in a real browser with real mail: the
// survey owner imports contacts from a CSV file; Göteborg's contact person invites two colleagues
// without the survey owner; a contributor saves but cannot submit; after the closing date nothing
// is saved until the survey owner gives Göteborg more time; the approver submits. axe-core checks
// every new page.
import { test, expect } from '@playwright/test';
import { expectAccessible, mailTo, signIn, answerVisible, waitSaved } from './helpers.mjs';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.describe.configure({ mode: 'serial' });

const KIM = 'kim@goteborg.e2e.test', LO = 'lo@goteborg.e2e.test', MO = 'mo@goteborg.e2e.test';
const PW = { [KIM]: 'kim has a long password', [LO]: 'lo has a long password', [MO]: 'mo has a long password' };
const dir = mkdtempSync(join(tmpdir(), 'digipuls-team-'));
let admin;

function day(offset) {
  return new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
}

// Follows the invitation in the newest mail to `email` and sets the password.
async function acceptInvitation(browser, email) {
  const mail = await mailTo(email, 'Inbjudan');
  const link = mail.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)[0];
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel('Nytt lösenord').fill(PW[email]);
  await page.getByLabel('Upprepa lösenordet').fill(PW[email]);
  await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(page).toHaveURL(/\/respond$/);
  return page;
}

test('the survey owner imports contacts: a bad file lists its rows, a good one warns of a missing approver', async ({ browser }) => {
  admin = await (await browser.newContext()).newPage();
  await signIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await admin.goto('/admin/users');
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'org_code,email,name,role\n1480,kim@goteborg.e2e.test,Kim Kvist,contact\n9999,x@e2e.test,X,contact\n1480,y@e2e.test,Y,boss\n');
  await admin.locator('#contacts_file').setInputFiles(bad);
  await admin.getByRole('button', { name: 'Importera' }).click();
  await expect(admin.locator('#import-result')).toContainText('bad.csv: row 3, column org_code');
  await expect(admin.locator('#import-result')).toContainText('bad.csv: row 4, column role');
  await expect(admin.locator('#error-summary')).toBeVisible();
  await expectAccessible(admin, 'the accounts page with a refused import');
  const good = join(dir, 'contacts.csv');
  writeFileSync(good, 'org_code,email,name,role\n1480,kim@goteborg.e2e.test,Kim Kvist,contact\n');
  await admin.locator('#contacts_file').setInputFiles(good);
  await admin.getByLabel('Skicka en inbjudan till varje nytt konto').check();
  await admin.getByRole('button', { name: 'Importera' }).click();
  await expect(admin.locator('#import-result')).toContainText('1 nya konton');
  await expect(admin.locator('#import-result .without-approver')).toContainText('Göteborg');
  await expectAccessible(admin, 'the accounts page after an import');
  // The same file again changes nothing.
  await admin.locator('#contacts_file').setInputFiles(good);
  await admin.getByRole('button', { name: 'Importera' }).click();
  await expect(admin.locator('#import-result')).toContainText('0 nya konton, 0 ändrade, 1 oförändrade');
});

test('the contact invites two colleagues to Göteborg, one of them the approver, without the survey owner', async ({ browser }) => {
  const kim = await acceptInvitation(browser, KIM);
  await kim.goto('/respond/ehalsa-2021/1480');
  await kim.getByRole('link', { name: 'Hantera kollegor' }).click();
  await expect(kim.locator('h1')).toContainText('Göteborg');
  await expect(kim.locator('#no-approver')).toBeVisible();
  await expectAccessible(kim, 'the team page');
  await kim.getByLabel('E-postadress').fill(LO);
  await kim.getByLabel('Namn').fill('Lo Lund');
  await kim.getByRole('button', { name: 'Bjud in' }).click();
  await expect(kim.locator('.notice.ok')).toContainText('Inbjudan');
  await kim.getByLabel('E-postadress').fill(MO);
  await kim.getByLabel('Namn').fill('Mo Malm');
  await kim.locator('#duties').getByLabel('Attestant (attesterar').check();
  await kim.getByRole('button', { name: 'Bjud in' }).click();
  await expect(kim.locator('#no-approver')).toHaveCount(0);
  await expect(kim.locator(`tr[data-member="${MO}"]`)).toContainText('attestant');
  await expectAccessible(kim, 'the team page with colleagues');
  // Another municipality's team is not Kim's.
  expect((await kim.request.get('/team/1440')).status()).toBe(403);
});

test('a contributor saves answers, and only the approver may submit', async ({ browser }) => {
  const lo = await acceptInvitation(browser, LO);
  await lo.goto('/respond/ehalsa-2021/1480/section/strategi');
  await lo.locator('[data-q="q03"]').getByLabel('Ja', { exact: true }).check();
  await waitSaved(lo);
  await lo.goto('/respond/ehalsa-2021/1480/review');
  await expect(lo.getByRole('button', { name: 'Skicka in svaren' })).toHaveCount(0);
  const csrf = await lo.locator('input[name="_csrf"]').first().getAttribute('value');
  const refused = await lo.request.post('/respond/ehalsa-2021/1480/submit', { form: { _csrf: csrf } });
  expect(refused.status()).toBe(403);
});

test('after the closing date nothing is saved, until the survey owner gives the municipality more time', async ({ browser }) => {
  await admin.goto('/admin/campaigns/ehalsa-2021/settings');
  await admin.locator('#opens_on').fill(day(-30));
  await admin.locator('#closes_on').fill(day(-1));
  await admin.locator('#reminders').fill('-7, -2');
  await admin.getByRole('button', { name: 'Spara datum' }).click();
  await expect(admin.locator('.notice.ok')).toBeVisible();
  await expect(admin.getByText(`-7 → ${day(-8)}`)).toBeVisible();
  const lo = await (await browser.newContext()).newPage();
  await signIn(lo, LO, PW[LO]);
  await lo.goto('/respond/ehalsa-2021/1480/section/strategi');
  await expect(lo).toHaveURL(/\/respond\/ehalsa-2021\/1480$/);
  await expect(lo.locator('#past-deadline')).toContainText(day(-1));
  await expectAccessible(lo, 'the overview after the closing date');
  const csrf = await lo.locator('input[name="_csrf"]').first().getAttribute('value');
  const late = await lo.request.post('/api/respond/ehalsa-2021/1480/autosave', {
    headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
    data: { changes: [{ item: 'q04', value: 'nej', base: 0 }] },
  });
  expect(late.status()).toBe(409);
  expect((await late.json()).error.code).toBe('closed');
  // One more week for Göteborg only.
  await admin.locator('#org').fill('1480');
  await admin.locator('#until').fill(day(7));
  await admin.getByRole('button', { name: 'Ge mer tid' }).click();
  await expect(admin.locator('#extensions')).toContainText(`Göteborg (1480): ${day(7)}`);
  await expectAccessible(admin, 'the settings with an extension');
  await lo.goto('/respond/ehalsa-2021/1480/section/strategi');
  await expect(lo.locator('[data-q="q03"]').getByLabel('Ja', { exact: true })).toBeChecked();
});

test('the approver fills in the rest and submits; the whole team gets the receipt', async ({ browser }) => {
  const mo = await acceptInvitation(browser, MO);
  await mo.goto('/respond/ehalsa-2021/1480');
  const sections = await mo.locator('ol.section-list a').evaluateAll(as => as.map(a => a.getAttribute('href')));
  for (const href of sections) {
    await mo.goto(href);
    if (await answerVisible(mo)) await waitSaved(mo);
  }
  await mo.goto('/respond/ehalsa-2021/1480/review');
  const before = Date.now() - 1000;
  await mo.getByRole('button', { name: 'Skicka in svaren' }).click();
  await expect(mo.locator('.notice.ok')).toContainText('Tack för ert svar!');
  for (const who of [KIM, LO, MO]) expect((await mailTo(who, 'Kvitto', { after: before })).subject).toContain('Göteborg');
  await admin.goto('/admin/campaigns/ehalsa-2021');
  await expectAccessible(admin, 'the dashboard with municipalities without an approver');
  await expect(admin.locator('#without-approver')).toBeVisible();
});
