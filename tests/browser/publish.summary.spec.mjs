// The summary of a campaign's results, on the server with 2021 and 2022 published
// (PUBLISH_PANEL_URL, tests/e2e/publish.sh): generated in Swedish and English from the published
// national figures; an administrator replaces one paragraph in Swedish from the campaign's page
// and the public page shows it, the English one keeps its generated text. Both pages pass axe
// and fit a phone.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { signIn } from './helpers.mjs';

test.use({ baseURL: process.env.PUBLISH_PANEL_URL });

async function axeClean(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
  await axeClean(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the summary is generated in both languages and reached from the report page', async ({ page }) => {
  await page.goto('/rapporter/ehalsa-2022');
  await page.getByRole('link', { name: 'Sammanfattning av resultaten (på svenska och engelska)' }).click();
  await expect(page).toHaveURL(/\/rapporter\/ehalsa-2022\/sammanfattning$/);
  await expect(page.locator('h1')).toContainText('Sammanfattning');
  const security = page.locator('section[aria-labelledby=summary-informationssakerhet-h]');
  await expect(security).toContainText('Uppföljning av informationssäkerhetsrisker under året:');
  await expect(security).toContainText('Förändring sedan föregående år:');
  await axeClean(page);
  await fitsPhone(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('section[aria-labelledby=summary-informationssakerhet-h]'))
    .toContainText('Follow-up of information security risks during the year:');
  await axeClean(page);
  await page.goto('/rapporter/ehalsa-2022/sammanfattning?lang=sv');
});

test('an administrator replaces a paragraph in Swedish; the public page shows it until it is reset', async ({ page, context }) => {
  await signIn(page, process.env.PUBLISH_ADMIN_EMAIL, process.env.PUBLISH_ADMIN_PASSWORD);
  await page.goto('/admin/campaigns/ehalsa-2022');
  await page.getByRole('link', { name: 'Sammanfattning av resultaten' }).click();
  await expect(page.locator('h1')).toHaveText('Sammanfattning av resultaten');
  await axeClean(page);
  await fitsPhone(page);
  const field = page.getByRole('textbox', { name: 'Text som visas' }).and(page.locator('#informationssakerhet-sv'));
  await field.fill('Informationssäkerheten följs upp i allt fler kommuner.\n\nSe tabellerna för detaljer.');
  await page.locator('section[aria-labelledby=informationssakerhet-sv-h]').getByRole('button', { name: /^Spara/ }).click();
  await expect(page.getByRole('status')).toContainText('Texten är sparad.');
  await expect(page.locator('#informationssakerhet-sv-h')).toContainText('redigerad');

  const visitor = await context.browser().newPage();
  await visitor.goto(new URL('/rapporter/ehalsa-2022/sammanfattning?lang=sv', page.url()).href);
  const security = visitor.locator('section[aria-labelledby=summary-informationssakerhet-h] p');
  await expect(security).toHaveText(['Informationssäkerheten följs upp i allt fler kommuner.', 'Se tabellerna för detaljer.']);
  await visitor.goto(new URL('/rapporter/ehalsa-2022/sammanfattning?lang=en', page.url()).href);
  await expect(visitor.locator('section[aria-labelledby=summary-informationssakerhet-h]'))
    .toContainText('Follow-up of information security risks during the year:');

  await page.locator('section[aria-labelledby=informationssakerhet-sv-h]')
    .getByRole('button', { name: /^Återgå till den genererade texten/ }).click();
  await expect(page.locator('#informationssakerhet-sv-h')).toContainText('genererad');
  await visitor.goto(new URL('/rapporter/ehalsa-2022/sammanfattning?lang=sv', page.url()).href);
  await expect(visitor.locator('section[aria-labelledby=summary-informationssakerhet-h]'))
    .toContainText('Uppföljning av informationssäkerhetsrisker under året:');
  await visitor.close();
});
