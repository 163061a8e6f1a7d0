// The whole survey can be completed with the keyboard only: Tab moves between fields in order,
// Space chooses an option, typing fills a number or a text, Enter presses a button. The script
// decides which key to press by looking at what has focus; it never clicks.
import { test, expect } from '@playwright/test';
import { cli } from './helpers.mjs';

const EMAIL = 'kbd@stockholm.e2e.test';
const PASSWORD = 'keyboard only password';

// What has focus, and whether it still needs an answer.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const item = el.closest('[data-item]');
    const key = item ? item.getAttribute('data-item') : null;
    const group = key ? [...document.querySelectorAll(`[name="${CSS.escape(key)}"]`)] : [];
    return {
      tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '', value: el.value || '',
      text: (el.textContent || '').trim(), key, answered: group.some(i => i.checked),
      exclusive: el.hasAttribute('data-exclusive'),
    };
  });
}

async function answerSectionByKeyboard(page) {
  for (let presses = 0; presses < 2000; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'button' && f.value === 'next') {
      const navigated = page.waitForNavigation();
      await page.keyboard.press('Enter');
      await navigated;
      return;
    }
    if (!f.key || f.key.endsWith(':comment')) continue;
    if (f.type === 'radio' && !f.answered) await page.keyboard.press('Space');
    else if (f.type === 'checkbox' && !f.answered && !f.exclusive) await page.keyboard.press('Space');
    else if ((f.type === 'text' || f.tag === 'textarea') && f.value === '') {
      const isNumber = await page.evaluate(() => document.activeElement.classList.contains('number'));
      await page.keyboard.type(isNumber ? '2' : 'Tangentbord');
    }
  }
  throw new Error('never reached the "next" button');
}

test('the whole survey can be completed with the keyboard only', async ({ page }) => {
  cli(['users', 'add', '--db', process.env.DIGIPULS_DB, '--email', EMAIL, '--role', 'respondent', '--org', '0180', '--roles', 'approver',
       '--password-stdin'], PASSWORD + '\n');
  await page.goto('/login');
  // Sign in: Tab to the e-mail field from the top of the page.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).name === 'email') break;
  }
  await page.keyboard.type(EMAIL);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  const signedIn = page.waitForNavigation();
  await page.keyboard.press('Enter');
  await signedIn;
  await expect(page).toHaveURL(/\/respond$/);
  // The survey's link, then the start button.
  const pressUntil = async (pred) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (pred(await focused(page))) {
        const navigated = page.waitForNavigation();
        await page.keyboard.press('Enter');
        return navigated;
      }
    }
    throw new Error('not reachable by Tab');
  };
  await pressUntil(f => f.tag === 'a' && f.text.includes('2021'));
  await expect(page).toHaveURL(/\/respond\/ehalsa-2021\/0180$/);
  await pressUntil(f => f.tag === 'a' && f.text.includes('Börja besvara'));
  while (!/\/review$/.test(page.url())) {
    await expect(page.locator('h1')).toBeVisible();
    await answerSectionByKeyboard(page);
  }
  await expect(page.locator('.notice.ok')).toContainText('Alla frågor');
  await pressUntil(f => f.tag === 'button' && f.text.includes('Skicka in'));
  await expect(page.locator('.badge')).toHaveText('Inskickad');
});
