// dist/ as a company would host it: from a sub-path of an intranet, under the strict
// Content-Security-Policy of issue 9, unchanged. Every page works, with no CSP violation,
// and every link the app builds keeps the path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium } from '../support/browser.mjs';
import { strictPolicy } from '../support/hosts.mjs';
import { startServer } from '../support/server.mjs';
import { CHOICES, SurveyPage } from '../support/survey-page.mjs';
import { WorkshopPage } from '../support/workshop-page.mjs';

const PREFIX = '/tools/samepage/';
let server;
let browser;

before(async () => {
  server = await startServer(undefined, 0, { prefix: PREFIX, headers: { 'content-security-policy': strictPolicy() } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(Page) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const failed = [];
  const errors = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (error) => errors.push(error));
  const app = new Page(page, server.url, errors);
  await app.load();
  return { app, page, failed };
}

test('the survey page from a sub-path, under the strict CSP: a scorecard with its advice', async () => {
  const { app: survey, page, failed } = await open(SurveyPage);
  await survey.start();
  await survey.chooseRole('Marketing');
  await survey.answerAllPages(() => 'Disagree');
  for (const q of CHOICES) await survey.pickDefinition(q.prompt, q.options[0]);
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');
  // The later wasm and the advice came from the sub-path: weak areas show their plays.
  await survey.root.locator('.samepage__plays').first().waitFor();
  assert.deepEqual(failed, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  survey.expectNoErrors();
  // The page's link to the workshop page keeps the path.
  assert.equal(await page.getByRole('link', { name: /workshop page/ }).evaluate((a) => a.href), `${server.url}workshop/`);
});

test('the workshop page from a sub-path, under the strict CSP: its links keep the path', async () => {
  const { app: workshop, page, failed } = await open(WorkshopPage);
  await workshop.create('Sub-path workshop');
  assert.ok((await workshop.joinLink()).startsWith(server.url), await workshop.joinLink());
  assert.equal(await page.getByRole('link', { name: /personal survey/ }).evaluate((a) => a.href), server.url);
  assert.deepEqual(failed, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  workshop.expectNoErrors();
});
