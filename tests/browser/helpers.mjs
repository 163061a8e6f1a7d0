// Shared steps of the browser tests: accessibility checks, reading mail from maildev, the command
// line, signing in, and answering the visible questions of a section.
import { expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';

export const URL = process.env.DIGIPULS_URL;
export const SAVED = 'Alla ändringar är sparade.';

// axe-core finds no WCAG 2.1 A/AA violations on the page as it is now.
export async function expectAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

// The newest message to `address` whose subject contains `subject`, waiting for it to arrive.
export async function mailTo(address, subject, { after = 0 } = {}) {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${process.env.MAILDEV_URL}/api/email`);
    const all = await res.json();
    const hits = all.filter(m => m.to.some(t => t.address === address) && m.subject.includes(subject) &&
                                 new Date(m.time || m.date || 0).getTime() >= after);
    if (hits.length) return hits[hits.length - 1];
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${address} with subject containing "${subject}"`);
}

export function cli(args, input) {
  return execFileSync(process.env.DIGIPULS_BIN, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function signIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('E-postadress').first().fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

// Answers every visible, unanswered item of the section with the first option, 1 or a text, by
// clicking and typing like a person, until no new follow-up appears.
// Returns how many fields it answered.
export async function answerVisible(page) {
  let answered = 0;
  for (let round = 0; round < 12; round++) {
    const todo = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('[data-item]')) {
        if (el.closest('[hidden]')) continue;
        const key = el.getAttribute('data-item'), type = el.getAttribute('data-type');
        if (key.endsWith(':comment')) continue;
        const inputs = [...el.querySelectorAll(`[name="${CSS.escape(key)}"]`)];
        if (type === 'single' || type === 'yesno') {
          if (!inputs.some(i => i.checked)) out.push({ key, kind: 'radio' });
        } else if (type === 'multi') {
          if (!inputs.some(i => i.checked)) out.push({ key, kind: 'checkbox' });
        } else if (inputs.length && inputs[0].value === '') {
          out.push({ key, kind: type === 'text' ? 'text' : 'number' });
        }
      }
      return out;
    });
    if (!todo.length) return answered;
    answered += todo.length;
    for (const t of todo) {
      const field = page.locator(`[name="${t.key}"]`);
      if (t.kind === 'radio') await field.first().check();
      else if (t.kind === 'checkbox') await field.first().check();
      else if (t.kind === 'number') await field.fill('1');
      else await field.fill('Text');
    }
  }
  throw new Error('follow-ups kept appearing');
}

export async function waitSaved(page) {
  await expect(page.locator('#save-status')).toHaveText(SAVED);
}

// The browser and the server agree on what is shown: the page as the server rendered it (its
// `hidden` attributes, from instrument::Visibility) and the same page after form.js evaluated the
// conditions itself must hide exactly the same questions and items.
export async function expectSameVisibility(page) {
  await page.reload();
  const html = await (await page.request.get(page.url())).text();
  const server = {};
  for (const m of html.matchAll(/<[a-z]+\s([^>]*?\bdata-(item|q)="([^"]+)"[^>]*)>/g))
    server[`${m[2]}:${m[3]}`] = /(^|\s)hidden(\s|$)/.test(m[1]);
  const browser = await page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-item],[data-q]')) {
      const kind = el.hasAttribute('data-item') ? 'item' : 'q';
      out[`${kind}:${el.getAttribute(kind === 'item' ? 'data-item' : 'data-q')}`] = el.hidden;
    }
    return out;
  });
  expect(Object.keys(browser).length).toBeGreaterThan(0);
  expect(browser).toEqual(server);
}
