// The whole collection in a real browser: the administrator invites a respondent by e-mail, the
// respondent sets a password, fills in the 2021 survey (follow-ups appear and disappear at once),
// leaves and resumes, meets a colleague's conflicting change, submits and gets a receipt by
// e-mail; the dashboard counts it. axe-core checks every page on the way.
import { test, expect } from '@playwright/test';
import { expectAccessible, mailTo, cli, signIn, answerVisible, waitSaved, expectSameVisibility } from './helpers.mjs';

test.describe.configure({ mode: 'serial' });

const ANNA = 'anna@ale.e2e.test';
const ANNA_PW = 'anna has a long password';
const BO = 'bo@ale.e2e.test';
const BO_PW = 'bo has a long password too';
let admin;  // the administrator's page, kept across steps

test('the administrator invites a respondent and the invitation arrives by e-mail', async ({ browser }) => {
  const ctx = await browser.newContext();
  admin = await ctx.newPage();
  await admin.goto('/login');
  await expectAccessible(admin, 'the sign-in page');
  await signIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await expect(admin).toHaveURL(/\/admin$/);
  await expectAccessible(admin, 'the campaign list');
  await admin.goto('/admin/users');
  await expectAccessible(admin, 'the accounts page');
  // A mistake first: the server names the field and the error summary links to it.
  await admin.getByLabel('E-postadress').fill('not an address');
  await admin.getByRole('button', { name: 'Lägg till' }).click();
  await expect(admin.locator('#error-summary')).toContainText('giltig e-postadress');
  await expect(admin.locator('#error-summary a')).toHaveAttribute('href', '#email');
  await expectAccessible(admin, 'the accounts page with an error');
  await admin.getByLabel('E-postadress').fill(ANNA);
  await admin.getByLabel('Namn').fill('Anna Andersson');
  await admin.locator('#role').selectOption('respondent');
  await admin.locator('#org').selectOption('1440');
  // Anna is Ale's contact person and its approver (she signs off and submits).
  await admin.locator('#duties').getByLabel('Attestant (attesterar').check();
  await admin.locator('#duties').getByLabel('Kontaktperson (bjuder').check();
  await admin.getByRole('button', { name: 'Lägg till' }).click();
  await expect(admin.locator('.notice.ok')).toContainText('Inbjudan');
  const mail = await mailTo(ANNA, 'Inbjudan');
  expect(mail.text).toContain('Ale');
  const link = mail.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)[0];
  test.info().annotations.push({ type: 'invitation', description: link });
  process.env.E2E_INVITE = link;
});

test('the invitee sets a password with the link and lands on the survey', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(process.env.E2E_INVITE);
  await expect(page.locator('h1')).toHaveText('Välj lösenord');
  await expectAccessible(page, 'the invitation page');
  await page.getByLabel('Nytt lösenord').fill('short');
  await page.getByLabel('Upprepa lösenordet').fill('short');
  await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(page.locator('#password-error')).toContainText('minst 10 tecken');
  await expectAccessible(page, 'the invitation page with an error');
  await page.getByLabel('Nytt lösenord').fill(ANNA_PW);
  await page.getByLabel('Upprepa lösenordet').fill(ANNA_PW);
  await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(page).toHaveURL(/\/respond$/);
  await expectAccessible(page, 'the respondent start page');
  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(process.env.E2E_INVITE);
  await expect(again.locator('h1')).toHaveText('Länken fungerar inte');
});

test('follow-up questions appear and disappear at once, and answers are saved as you go', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ANNA, ANNA_PW);
  await page.getByRole('link', { name: /E-hälsa och välfärdsteknik i kommunerna 2021/ }).click();
  await expectAccessible(page, 'the survey overview');
  await page.getByRole('link', { name: 'Börja besvara enkäten' }).click();
  await expect(page.locator('h1')).toContainText('Strategi och utveckling');
  await expectAccessible(page, 'section 1 before answering');
  const followUp = page.locator('[data-q="q03a"]');
  await expect(followUp).toBeHidden();
  const q03 = page.locator('[data-q="q03"]');
  await q03.getByLabel('Ja', { exact: true }).check();
  await expect(followUp).toBeVisible();
  await q03.getByLabel('Nej', { exact: true }).check();
  await expect(followUp).toBeHidden();
  await q03.getByLabel('Ja', { exact: true }).check();
  await expect(followUp).toBeVisible();
  // "Annat" opens its "ange vad" field.
  const specify = page.locator('[data-item="q03a:annat"]');
  await expect(specify).toBeHidden();
  await followUp.getByLabel('Annat', { exact: true }).check();
  await expect(specify).toBeVisible();
  await specify.getByRole('textbox').fill('Revisionen');
  // An exclusive option stands alone.
  const q07 = page.locator('[data-q="q07"]');
  await q07.getByLabel('Regionen kring gemensamma projekt').check();
  await q07.getByLabel(/Inget samarbete/).check();
  await expect(q07.getByLabel('Regionen kring gemensamma projekt')).not.toBeChecked();
  await q07.getByLabel('Regionen kring gemensamma projekt').check();
  await expect(q07.getByLabel(/Inget samarbete/)).not.toBeChecked();
  await page.locator('[data-q="q04"]').getByLabel('Ja, alla objekt').check();
  await waitSaved(page);
  await expectSameVisibility(page);
  await expectAccessible(page, 'section 1 with follow-ups shown');
  // A number out of range is refused next to the field (section 2 has head counts).
  await page.getByRole('link', { name: /Utvecklingen i socialtjänsten/ }).first().click();
  await page.locator('[data-q="q12"]').waitFor();
  // Leave: the browser goes away without pressing any button.
  await page.context().close();
});

test('the respondent resumes on another device with everything in place', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ANNA, ANNA_PW);
  await page.goto('/respond/ehalsa-2021/1440/section/strategi');
  await expect(page.locator('[data-q="q03"]').getByLabel('Ja', { exact: true })).toBeChecked();
  await expect(page.locator('[data-q="q03a"]')).toBeVisible();
  await expect(page.locator('[data-item="q03a:annat"]').getByRole('textbox')).toHaveValue('Revisionen');
  await expect(page.locator('[data-q="q04"]').getByLabel('Ja, alla objekt')).toBeChecked();
});

test('a colleague\'s conflicting change is shown with both values and the respondent chooses', async ({ browser }) => {
  cli(['users', 'add', '--db', process.env.DIGIPULS_DB, '--email', BO, '--role', 'respondent', '--org', '1440',
       '--name', 'Bo Berg', '--password-stdin'], BO_PW + '\n');
  const anna = await (await browser.newContext()).newPage();
  await signIn(anna, ANNA, ANNA_PW);
  await anna.goto('/respond/ehalsa-2021/1440/section/strategi');   // Anna's page shows "alla"
  const bo = await (await browser.newContext()).newPage();
  await signIn(bo, BO, BO_PW);
  await bo.goto('/respond/ehalsa-2021/1440/section/strategi');
  await bo.locator('[data-q="q04"]').getByLabel('Ja, delar av objekten').check();
  await waitSaved(bo);
  // Anna, on her older page, changes the same answer.
  await anna.locator('[data-q="q04"]').getByLabel('Nej', { exact: true }).check();
  const conflict = anna.locator('[data-item="q04"] .js-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Bo Berg');
  await expect(conflict).toContainText('Ja, delar av objekten');
  await expect(conflict).toContainText('Nej');
  await expectAccessible(anna, 'a conflict');
  await conflict.getByRole('button', { name: 'Behåll mitt svar' }).click();
  await waitSaved(anna);
  await bo.reload();
  await expect(bo.locator('[data-q="q04"]').getByLabel('Nej', { exact: true })).toBeChecked();
});

test('the respondent fills in the rest, reviews and submits, and the receipt arrives', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ANNA, ANNA_PW);
  await page.goto('/respond/ehalsa-2021/1440/review');
  await expect(page.locator('.missing li').first()).toBeVisible();
  await expectAccessible(page, 'the review page with unanswered questions');
  // Follow the first link of the list to its question.
  await page.locator('.missing a').first().click();
  await expect(page).toHaveURL(/\/section\//);
  await page.goto('/respond/ehalsa-2021/1440');
  const sections = await page.locator('ol.section-list a').evaluateAll(as => as.map(a => a.getAttribute('href')));
  expect(sections.length).toBe(4);
  for (const href of sections) {
    await page.goto(href);
    if (await answerVisible(page)) await waitSaved(page);
    await expectSameVisibility(page);
    await expectAccessible(page, `section ${href}`);
    await page.getByRole('button', { name: /Spara och (gå vidare|granska)/ }).click();
    await expect(page).not.toHaveURL(href);
  }
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.locator('.notice.ok')).toContainText('Alla frågor');
  await expectAccessible(page, 'the review page, ready');
  const before = Date.now() - 1000;
  await page.getByRole('button', { name: 'Skicka in svaren' }).click();
  await expect(page.locator('.notice.ok')).toContainText('Tack för ert svar!');
  await expect(page.locator('.badge')).toHaveText('Inskickad');
  await expectAccessible(page, 'the submitted overview');
  const receipt = await mailTo(ANNA, 'Kvitto', { after: before });
  expect(receipt.text).toContain('Revisionen');
  expect(receipt.text).toContain('Anna Andersson');
  const boReceipt = await mailTo(BO, 'Kvitto', { after: before });
  expect(boReceipt.subject).toContain('Ale');
});

test('the dashboard counts the submission and the coordinator-style filters work', async () => {
  await admin.goto('/admin/campaigns/ehalsa-2021');
  await expectAccessible(admin, 'the dashboard');
  await expect(admin.locator('.big-number')).toContainText('1 av 290 har skickat in');
  await expect(admin.locator('ul.counts li', { hasText: 'Inskickad' })).toContainText('1');
  const vg = admin.locator('#county-h + table tr', { hasText: 'Västra Götalands län' });
  await expect(vg.locator('td').nth(0)).toHaveText('49');
  await expect(vg.locator('td').nth(1)).toHaveText('1');
  await admin.getByLabel('Svarsstatus').selectOption('submitted');
  await admin.getByRole('button', { name: 'Visa' }).click();
  await expect(admin.locator('#org-status tbody tr')).toHaveCount(1);
  await expect(admin.locator('#org-status tbody tr')).toContainText('Ale');
  const csv = await admin.request.get(await admin.getByRole('link', { name: 'Ladda ner status som CSV' }).getAttribute('href'));
  expect(await csv.text()).toMatch(/\n1440,Ale,14,Västra Götalands län,[^\n]*,submitted,/);
  await admin.locator('#org-status a', { hasText: 'Ale' }).click();
  await expect(admin.locator('h1')).toHaveText('Ale');
  await expectAccessible(admin, 'a response with its log');
  await admin.goto('/admin/mail');
  await expectAccessible(admin, 'the outbox');
  await expect(admin.locator('table.data')).toContainText('Kvitto');
  await admin.goto('/admin/campaigns/ehalsa-2021/settings');
  await expectAccessible(admin, 'the campaign settings');
  await admin.goto('/admin/campaigns/new');
  await expectAccessible(admin, 'the new-campaign form');
});
