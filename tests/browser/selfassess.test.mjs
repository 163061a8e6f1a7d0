// A full self-assessment workshop in real Chromium: the facilitator (a respondent of 0180) signs
// in, starts the assessment and invites three participants; each rates through a personal link;
// the facilitator sees the spread, records the agreed ratings, generates and edits the action
// plan, and prints the report (print media and page.pdf). axe-core checks every page (WCAG 2.1 AA).
// Run by tests/e2e/selfassess.sh, which starts the server and sets BASE_URL, SA_EMAIL, SA_PASSWORD.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = process.env.BASE_URL;
const OUT = process.env.SA_OUT || "/tmp";
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
});

async function context() {
  // bypassCSP lets the test inject axe-core; the application's own pages run under their CSP.
  return browser.newContext({ bypassCSP: true, locale: "sv-SE" });
}

async function expectAccessible(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  assert.deepEqual(problems, [], `axe-core violations on ${label}`);
}

// SA_SHOTS=1 keeps full-page screenshots in SA_OUT for a person to look at.
async function shot(page, name) {
  if (process.env.SA_SHOTS) await page.screenshot({ path: `${OUT}/selfassess-${name}.png`, fullPage: true });
}

async function signIn(page) {
  await page.goto(`${BASE}/login`);
  await page.locator("#email").fill(process.env.SA_EMAIL);
  await page.locator("#password").fill(process.env.SA_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

const RATED = ["ov01", "ov02", "ov05", "al02", "fn01"];
// Each participant's ratings of RATED; ov01 spreads from Uppnådd to Ej planerad.
const PARTICIPANTS = [
  { name: "Anna Andersson", email: "anna@example.se", ratings: ["uppnadd", "paborjad", "nastan", "planerad", "paborjad"] },
  { name: "Bo Berg", email: "bo@example.se", ratings: ["paborjad", "paborjad", "nastan", "planerad", "planerad"] },
  { name: "Cecilia Ek", email: "cecilia@example.se", ratings: ["ej_planerad", "planerad", "uppnadd", "ej_planerad", "paborjad"] },
];
const AGREED = { ov01: "paborjad", ov02: "planerad", ov05: "nastan", al02: "ej_planerad", fn01: "paborjad" };

test("a full workshop: three participants, spread, consensus, action plan, printed report", async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await signIn(page);

  // Start the assessment from the municipality's page.
  await page.goto(`${BASE}/sjalvskattning`);
  await expectAccessible(page, "the municipality's self-assessments");
  await page.getByLabel("År").selectOption("2025");
  await page.getByRole("button", { name: "Starta självskattningen" }).click();
  await page.waitForURL(/\/sjalvskattning\/bedomning\/\d+$/);
  const overview = page.url();
  await expectAccessible(page, "overview");

  // Invite three participants; each gets a personal link.
  const links = [];
  for (const p of PARTICIPANTS) {
    await page.getByLabel("Namn").fill(p.name);
    await page.getByLabel("E-post").fill(p.email);
    await page.getByRole("button", { name: "Bjud in" }).click();
    const link = (await page.locator("#new-link").textContent()).trim();
    assert.match(link, /\/sjalvskattning\/delta\/[A-Za-z0-9_-]{20,}$/);
    links.push(link.replace(/^https?:\/\/[^/]+/, BASE));
  }
  await expectAccessible(page, "overview with participants");

  // Each participant rates individually, in their own browser context (no sign-in).
  for (const [i, p] of PARTICIPANTS.entries()) {
    const pctx = await context();
    const pp = await pctx.newPage();
    await pp.goto(links[i]);
    if (i === 0) await expectAccessible(pp, "participant's rating form");
    for (const [k, id] of RATED.entries()) await pp.locator(`input[name="r_${id}"][value="${p.ratings[k]}"]`).check();
    await pp.locator("#c_ov01").fill(`Synpunkt från ${p.name}`);
    await pp.getByRole("button", { name: "Spara mina skattningar" }).click();
    await pp.getByText("Dina skattningar är sparade.").waitFor();
    await pctx.close();
  }

  // The facilitator's workshop: the spread of ov01 and the disagreement flag.
  await page.goto(`${overview}/workshop`);
  const ov01 = page.locator("#ind-ov01");
  const spread = ov01.locator("table.sa-spread-table");
  for (const label of ["Uppnådd", "Påbörjad", "Ej planerad"])
    assert.equal((await spread.locator("tr", { has: page.locator(`th:text-is("${label}")`) }).locator("td.num").textContent()).trim(), "1");
  assert.match(await ov01.locator(".sa-flag").textContent(), /från 0 till 100 poäng/);
  await expectAccessible(page, "workshop");
  await shot(page, "workshop");

  // Record the agreed ratings with a comment and evidence.
  for (const [id, rating] of Object.entries(AGREED)) {
    const card = page.locator(`#ind-${id}`);
    await card.locator(`input[name="rating"][value="${rating}"]`).check();
    await card.getByLabel("Kommentar").fill(`Överenskommet i workshoppen (${id})`);
    if (id === "ov01") await card.getByLabel("Underlag: länk (valfritt)").fill("https://intranat.example.se/handlingsplan");
    await card.getByRole("button", { name: "Spara överenskommen skattning" }).click();
    await page.waitForURL(new RegExp(`/workshop#ind-${id}$`));
    assert.match(await page.locator(`#ind-${id} .sa-agreed`).textContent(), /Överenskommen:/);
  }

  // Results: overall, charts with tables and text alternatives.
  await page.goto(`${overview}/resultat`);
  // (3*50 + 3*25 + 3*75 + 3*0 + 3*50) / 15 = 40 -> Gul
  assert.match(await page.locator(".sa-overall .sa-score").first().textContent(), /40\s+av 100\s+Gul/);
  assert.equal(await page.locator("svg.sa-radar").count(), 3);
  assert.ok((await page.locator("p.sa-summary").first().textContent()).includes("högst"));
  await expectAccessible(page, "results");
  await shot(page, "results");

  // Action plan: generate below Nästan där, then edit the first item.
  await page.goto(`${overview}/handlingsplan`);
  await page.getByLabel("Ta med indikatorer som skattats lägre än").selectOption("nastan");
  await page.getByRole("button", { name: "Föreslå handlingsplan" }).click();
  await page.waitForURL(/handlingsplan#plan$/);
  const firstRow = page.locator("table.sa-plan tbody tr").first();
  assert.match(await firstRow.textContent(), /Digital nattillsyn/);  // al02: weight 3, gap 100
  const first = page.locator("form.sa-item").first();
  await first.getByLabel("Ansvarig").fill("Äldreomsorgschefen");
  await first.getByLabel("Klart senast").fill("2025-12-31");
  await first.getByLabel("Status").selectOption("in_progress");
  await first.getByLabel("Kommentar").fill("Pilot på två enheter under hösten");
  await first.getByRole("button", { name: /Spara åtgärd 1/ }).click();
  await page.waitForURL(/handlingsplan#item-\d+$/);
  const edited = await page.locator("table.sa-plan tbody tr").first().textContent();
  assert.match(edited, /Äldreomsorgschefen/);
  assert.match(edited, /2025-12-31/);
  assert.match(edited, /Pågår/);
  await expectAccessible(page, "action plan");
  await shot(page, "plan");

  // The printable report: print media hides navigation and forms; the PDF is produced.
  await page.goto(`${overview}/rapport`);
  await expectAccessible(page, "report");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".sa-tabs").isVisible(), false);
  assert.ok(await page.locator("table.sa-plan").isVisible());
  const pdf = await page.pdf({ path: `${OUT}/selfassess-report.pdf`, format: "A4" });
  assert.equal(pdf.subarray(0, 4).toString(), "%PDF");
  assert.ok(pdf.length > 10000);

  await ctx.close();
});
