// The iframe embed, for intranets that allow only an iframe: ?embed shows the survey alone;
// with &parent=ORIGIN it posts its events to exactly that origin, without it only its height.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium } from '../support/browser.mjs';
import { startHost, strictPolicy } from '../support/hosts.mjs';
import { startServer } from '../support/server.mjs';
import { CHOICES_HEADING, DIMENSIONS } from '../support/survey-page.mjs';

let samepage;
let browser;
const hosts = [];

before(async () => {
  samepage = await startServer(undefined, 0, { headers: { 'content-security-policy': strictPolicy() } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const host of hosts) await host.close();
  await samepage?.close();
});

/** A host page framing SamePage at `query`, recording every message it receives. */
async function framed(query) {
  const host = await startHost({
    samepage: samepage.url,
    frame: (origin) => `${samepage.url}${query.replace('{HOST}', encodeURIComponent(origin))}`,
  });
  hosts.push(host);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.messages = [];
    window.violations = [];
    addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  const page = await context.newPage();
  await page.goto(host.url + 'iframe.html');
  const frame = page.frameLocator('#survey');
  await frame.locator('.samepage').getByRole('button', { name: 'Start the survey' }).waitFor();
  return { page, frame, host };
}

/** Answers the whole survey in `frame` with "Agree" and the first choices. */
async function finish(frame) {
  const root = frame.locator('.samepage');
  await root.getByRole('button', { name: 'Start the survey' }).click();
  await root.getByRole('radio', { name: /^Sales\b/ }).check();
  await root.getByRole('button', { name: 'Next', exact: true }).click();
  for (const area of DIMENSIONS) {
    await root.locator('h2', { hasText: area }).waitFor();
    const fieldsets = root.locator('.samepage__statements fieldset');
    const count = await fieldsets.count();
    for (let i = 0; i < count; i++) await fieldsets.nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
    await root.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await root.locator('h2', { hasText: CHOICES_HEADING }).waitFor();
  const groups = root.locator('.samepage__definitions fieldset');
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole('radio').first().check();
  await root.getByRole('button', { name: 'See my scorecard' }).click();
  await root.locator('.samepage__overall-number').waitFor();
  return root;
}

test('with parent: resize, ready, progress and complete reach exactly that origin', async () => {
  const { page, frame } = await framed('?embed&parent={HOST}');
  const root = await finish(frame);
  await page.waitForFunction(() => window.messages.some((m) => m.data.type === 'samepage:complete'));
  const messages = await page.evaluate(() => window.messages);
  assert.ok(messages.every((m) => m.origin === samepage.origin), 'every message comes from SamePage');
  const types = new Set(messages.map((m) => m.data.type));
  assert.deepEqual([...types].sort(), ['samepage:complete', 'samepage:progress', 'samepage:ready', 'samepage:resize']);
  const complete = messages.find((m) => m.data.type === 'samepage:complete').data.detail;
  assert.equal(String(complete.overall), await root.locator('.samepage__overall-number').innerText());
  assert.equal(complete.role, 'sales');
  // The host snippet sized the frame to its content: no inner scrollbar.
  const height = Number(await page.locator('#survey').getAttribute('height'));
  const last = messages.filter((m) => m.data.type === 'samepage:resize').at(-1).data.height;
  assert.equal(height, last);
  assert.ok(height > 600, `height ${height}`);
  // No page header and a transparent background inside the frame.
  assert.equal(await frame.locator('.page__header').isVisible(), false);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
});

test('without parent: only the height, nothing with answers', async () => {
  const { page, frame } = await framed('?embed');
  await finish(frame);
  await page.waitForTimeout(300);
  const types = new Set((await page.evaluate(() => window.messages)).map((m) => m.data.type));
  assert.deepEqual([...types], ['samepage:resize']);
});

test('a parent that is not an origin gets nothing but the height', async () => {
  const { page, frame } = await framed('?embed&parent=javascript%3Aalert(1)');
  await finish(frame);
  await page.waitForTimeout(300);
  const types = new Set((await page.evaluate(() => window.messages)).map((m) => m.data.type));
  assert.deepEqual([...types], ['samepage:resize']);
});
