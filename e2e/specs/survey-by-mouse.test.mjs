// The whole survey with a mouse, checked against a hand-computed scorecard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { useApp, DIMENSIONS, OUTPUT, STATEMENTS, CHOICES } from '../support/survey-page.mjs';

const app = useApp();

test('a respondent answers everything by mouse and gets the hand-computed scorecard', async () => {
  const survey = await app.open();
  const requested = [];
  survey.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await survey.expectHeading('Are sales, marketing and leadership on the same page?');
  // 40 statements × 8 s + 10 choice questions × 15 s = 470 s, 7.8 minutes, rounded up to 8.
  assert.equal(STATEMENTS.length, 40);
  assert.equal(CHOICES.length, 10);
  assert.match(await survey.root.innerText(), /About 8 minutes: 40 short statements and 10 questions about who owns what and what words mean where you work\./);
  assert.match(await survey.root.innerText(), /Your answers stay on this device/);

  await survey.start();
  await survey.chooseRole('Marketing');
  // Every statement "Agree" (75) except "Shared goals & incentives", all "Disagree" (25):
  // overall = (11 × 75 + 25) / 12 = 70.8 → 71, stage Aligned; weakest = Shared goals.
  await survey.answerAllPages((page) => (page === 1 ? 'Disagree' : 'Agree'));
  await survey.pickDefinition('what makes a lead ready for sales', 'Asking for a demo, a quote or a conversation with sales');
  await survey.pickDefinition('How quickly should sales follow up', 'We have no agreed time');
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');

  const card = survey.root;
  assert.equal(await card.locator('.samepage__overall-number').innerText(), '71');
  assert.match(await card.locator('.samepage__overall-stage').innerText(), /^Aligned/);
  assert.match(await card.innerText(), /Answered as: Marketing/);

  const rows = card.locator('tbody tr');
  assert.equal(await rows.count(), 12);
  for (const [i, name] of DIMENSIONS.entries()) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    assert.deepEqual(cells, i === 1 ? [name, '25', 'Siloed', '0'] : [name, '75', 'Aligned', '0']);
  }
  assert.equal(await card.locator('[role=img] .samepage__chart-row').count(), 12);

  const weakest = card.locator('.samepage__weak');
  assert.equal(await weakest.count(), 3);
  assert.match(await weakest.first().locator('h4').innerText(), /Shared goals & incentives/);
  assert.ok(await weakest.first().locator('h5:has-text("Plays to try") + ul li').count() >= 2);
  assert.ok(await weakest.first().locator('h5:has-text("Questions to discuss together") + ul li').count() >= 2);

  // The advice came as the three weakest areas' files (Shared goals & incentives is area 1),
  // not as the whole file the workshop page's team reports load.
  const advice = requested.filter((path) => path.includes('advice-'));
  assert.equal(advice.length, 3, advice.join());
  assert.ok(advice.every((path) => /\/advice-[0-9a-f]+\.en\.[0-9]+\.txt$/.test(path)), advice.join());
  assert.ok(advice.some((path) => path.endsWith('.en.1.txt')), advice.join());

  assert.match(await card.innerText(), /Asking for a demo, a quote or a conversation with sales/);
  assert.match(await card.innerText(), /There is no agreed answer here/);
  // Two of the 10 choice questions answered; the other 8 say so.
  const picks = await card.locator('.samepage__definitions-list dd').allInnerTexts();
  assert.equal(picks.length, CHOICES.length);
  assert.equal(picks.filter((p) => p === 'Not answered').length, CHOICES.length - 2);
  survey.expectNoErrors();
});

test('the print stylesheet leaves out buttons and keeps the report', async () => {
  const survey = await app.open();
  const requested = [];
  survey.page.on('request', (request) => requested.push(request.url()));
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.answerAllPages(() => 'Strongly agree');
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');
  await survey.page.emulateMedia({ media: 'print' });
  assert.equal(await survey.button('Print or save as PDF').isVisible(), false);
  assert.equal(await survey.button('Start over').isVisible(), false);
  assert.equal(await survey.root.locator('table').isVisible(), true);
  assert.equal(await survey.root.locator('.samepage__overall-number').innerText(), '100');
  // An individual's scorecard shows no QR code, so neither the QR module nor its wasm is fetched.
  assert.ok(requested.some((url) => /samepage-report-[0-9a-f]+_bg\.wasm$/.test(url)));
  assert.ok(!requested.some((url) => /\/(qr-[0-9a-f]+\.js|samepage-qr-[0-9a-f]+_bg\.wasm)$/.test(url)), 'no QR files for an individual');
  await mkdir(OUTPUT, { recursive: true });
  await survey.page.pdf({ path: `${OUTPUT}/scorecard.pdf` });
});

test('advice that cannot be fetched leaves the scores and says so; a reload brings it', async () => {
  const survey = await app.open();
  const blocked = /\/advice-[0-9a-f]+\.en\.[0-9]+\.txt$/;
  await survey.page.route(blocked, (route) => route.abort('internetdisconnected'));
  await survey.start();
  await survey.chooseRole('Leadership');
  await survey.answerAllPages((page) => (page === 3 ? 'Strongly disagree' : 'Agree'));
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');
  const warning = survey.root.locator('.samepage__notice--warning');
  assert.match(await warning.innerText(), /The advice for weak areas could not be loaded \(.+\), so the scorecard shows your scores without it/);
  // (11 × 75 + 0) / 12 = 68.75 → 69.
  assert.equal(await survey.root.locator('.samepage__overall-number').innerText(), '69');
  assert.equal(await survey.root.locator('.samepage__plays').count(), 0);

  await survey.page.unroute(blocked);
  await survey.reload();
  await survey.expectHeading('Your alignment scorecard');
  await survey.root.locator('.samepage__plays').first().waitFor();
  assert.equal(await warning.count(), 0);
  assert.match(await survey.root.locator('.samepage__weak h4').first().innerText(), /Lead handoff & feedback/);
});
