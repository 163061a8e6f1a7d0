// Next year's questionnaire set up in the browser, as the analyst does it (docs/instrument-format.md,
// "The yearly cycle"): the draft written by the command line, uploaded on the admin page, its
// problems shown with positions, the form previewed, imported, and compared with last year.
// axe-core checks every page on the way.
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, cli, signIn } from './helpers.mjs';

test('the administrator uploads, previews, imports and compares next year\'s questionnaire', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'digipuls-authoring-'));
  const draft = join(dir, 'ehalsa-2023.yaml');
  cli(['instrument', 'new-version', '--from', 'ehalsa-2022', '--year', '2023', '--out', draft, '--db', process.env.DIGIPULS_DB]);
  // A broken link first: the page names the line.
  const broken = join(dir, 'broken', 'ehalsa-2023.yaml');
  const text = readFileSync(draft, 'utf8');
  const line = text.slice(0, text.indexOf('continues: {id: q05')).split('\n').length;
  mkdirSync(join(dir, 'broken'));
  writeFileSync(broken, text.replace('continues: {id: q05, comparability: same}', 'continues: {id: q99, comparability: same}'));

  await signIn(page, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await page.goto('/admin/instruments');
  await expectAccessible(page, 'the questionnaire versions');
  await page.getByLabel('Instrumentfil (YAML)').setInputFiles(broken);
  await page.getByRole('button', { name: 'Granska' }).click();
  await expect(page.locator('table')).toContainText(`ehalsa-2023.yaml:${line}:`);
  await expect(page.locator('table')).toContainText('I018');
  await expect(page.getByRole('button', { name: 'Importera' })).toHaveCount(0);
  await expectAccessible(page, 'the review with errors');

  await page.goto('/admin/instruments');
  await page.getByLabel('Instrumentfil (YAML)').setInputFiles(draft);
  await page.getByRole('button', { name: 'Granska' }).click();
  await expect(page.getByText('Inga problem hittades.').or(page.getByText('varning').first())).toBeVisible();
  await expect(page.locator('.preview')).toContainText('Har kommunen styrande dokument');
  await expectAccessible(page, 'the review with the preview');
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.locator('.notice.ok')).toContainText('ehalsa-2023 är importerad');
  await expect(page.locator('table')).toContainText('ehalsa-2023');

  // The imported version is campaigned at once, with reminders relative to the closing date.
  await page.goto('/admin/campaigns/new');
  await page.locator('#instrument').selectOption('ehalsa-2023');
  await page.locator('#slug').fill('ehalsa-2023');
  await page.locator('#year').fill('2023');
  await page.locator('#opens_on').fill('2023-01-10');
  await page.locator('#closes_on').fill('2023-02-15');
  await page.locator('#reminders').fill('-7, -2');
  await page.getByRole('button', { name: 'Skapa insamlingen' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/ehalsa-2023\?done=created/);
  await expectAccessible(page, 'the new campaign of the imported version');

  await page.goto('/admin/instruments');
  await page.locator('#diff-a').selectOption('ehalsa-2021');
  await page.locator('#diff-b').selectOption('ehalsa-2022');
  await page.getByRole('button', { name: 'Jämför' }).click();
  await expect(page.locator('table')).toContainText('q32');
  await expectAccessible(page, 'the comparison of two versions');
});

test('the questionnaire pages fit a phone without sideways scrolling of the page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  for (const url of ['/admin/instruments', '/admin/instruments/diff?a=ehalsa-2021&b=ehalsa-2022']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(1);
  }
  await expectAccessible(page, 'the comparison on a phone');
  await context.close();
});
