// The size budgets of what each way of using SamePage downloads, on the release build:
// the survey page and the embed before the first question, the loader, what loads after
// the first screen, and the workshop page. Prints every figure; fails over a budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describe, kb, measure } from '../support/budgets.mjs';
import { launchChromium } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';

test('every page, the embed and the loader stay within their gzip budgets', async () => {
  const groups = await measure();
  for (const group of groups) console.log(describe(group));
  for (const group of groups) {
    assert.ok(group.files.length > 0, `${group.name}: no files found`);
    assert.ok(group.total <= group.budget, `${group.name}: ${kb(group.total)} is over ${kb(group.budget)}`);
  }
});

test('before the first question the survey page loads only its first-screen files', async () => {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname.slice(1)));
    await page.goto(server.url);
    await page.locator('.samepage').getByRole('button', { name: 'Start the survey' }).waitFor();
    const firstScreen = (await measure()).find((g) => g.name.startsWith('Survey page'));
    const expected = firstScreen.files.map((f) => (f.name === 'index.html' ? '' : f.name)).sort();
    assert.deepEqual([...new Set(requested)].sort(), expected);
    // The later files come once the respondent is past the welcome screen.
    const laterWasm = page.waitForRequest((r) => /samepage-report-.*_bg\.wasm$/.test(r.url()));
    await page.locator('.samepage').getByRole('button', { name: 'Start the survey' }).click();
    await laterWasm;
  } finally {
    await browser.close();
    await server.close();
  }
});
