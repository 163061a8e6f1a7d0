// The publication calendar: on the server whose campaign's figures are scheduled for 2099
// (PUBLISH_CALENDAR_URL, tests/e2e/publish.sh; only the imported history is public), the calendar
// page and the key-figure pages announce it in Swedish time, in both languages, and pass
// axe-core. That nothing of a scheduled revision shows before its time is proven through every
// page and format by tests/publish/publication_calendar_test.cpp, with a moved clock.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

test.use({ baseURL: process.env.PUBLISH_CALENDAR_URL });
const when = process.env.PUBLISH_SCHEDULED_AT_SV;  // "2099-12-31 kl. 09:00"

async function axeClean(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

test('the calendar announces the scheduled publication and lists what is published', async ({ page }) => {
  await page.goto('/publiceringskalender');
  await expect(page.locator('h1')).toHaveText('Publiceringskalender');
  const upcoming = page.locator('section[aria-labelledby=upcoming-h] tbody tr');
  await expect(upcoming).toHaveCount(1);
  await expect(upcoming.first()).toContainText(when);
  await expect(page.locator('section[aria-labelledby=past-h]')).toContainText('Inget är publicerat ännu.');
  await axeClean(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('Publication calendar');
  await expect(page.locator('section[aria-labelledby=upcoming-h] tbody tr').first()).toContainText(when.replace('kl.', 'at'));
  await axeClean(page);
  await page.goto('/publiceringskalender?lang=sv');
});

test('a key-figure page carries the notice of the coming publication, and no 2021 figure is computed yet', async ({ page, request }) => {
  const list = await (await request.get('/api/v1/keyfigures')).json();
  const id = list.keyfigures[0].id;
  const meta = await (await request.get(`/api/v1/keyfigures/${id}`)).json();
  expect(JSON.stringify(meta.lineage ?? [])).not.toContain('ehalsa-2021 (revision');
  await page.goto(`/statistik/${id}`);
  const notice = page.locator('.notice.upcoming');
  await expect(notice).toContainText(when);
  await notice.getByRole('link', { name: 'Publiceringskalender' }).click();
  await expect(page).toHaveURL(/\/publiceringskalender$/);
  await page.goto(`/statistik/${id}`);
  await axeClean(page);
});
