// A workshop of 9 people in 3 roles: 6 take turns on the facilitator's device, 3 answer on
// their own phones and send codes back. The team scorecard must show the hand-computed
// figures.
//
// Everyone rates every statement alike, so each person's score is the same in every area:
//   Sales       5, 4, 4 → 100, 75, 75 → mean 83.3 ("83"), spread 14.4 ("14")
//   Marketing   2, 2, 1 →  25, 25,  0 → mean 16.7 ("17"), spread 14.4 ("14")
//   Leadership  3, 3, 4 →  50, 50, 75 → mean 58.3 ("58"), spread 14.4 ("14")
// Spread: deviations from 83.3 are 16.7, −8.3, −8.3; squares sum to 416.7; / 2 = 208.3;
// √ = 14.4. Gap per area and per statement: 83.3 − 16.7 = 66.7 ("67", a blind spot: ≥ 33.3).
// Alignment index: 100 minus the cubic mean of the 40 statement gaps, all 66.7:
// 100 − (40 × 66.7³ / 40)^⅓ = 100 − 66.7 = 33.3 ("33", Siloed: below 40). Level: the mean
// over areas of the groups' means, (83.3 + 16.7 + 58.3) / 3 = 52.8 ("53", Connected: 40–59).
// Average deviation within each role: ratings 5, 4, 4 have mean 4.33 and absolute deviations
// 0.67, 0.33, 0.33, so 0.44 ("agrees (0.4)"), likewise 2, 2, 1 and 3, 3, 4. Nobody chose
// "Can't judge": 0 %.
// Findings: 12 area blind spots (severity 66.7, Sales highest, Marketing lowest; their
// statements are not repeated as statement gaps), no opposite views (the order Sales >
// Leadership > Marketing holds on every statement), no low score (team mean 52.8), no
// disagreement (0.44 ≤ 0.8), no blame loop (only Sales rate anything 3.5 or more). Choice
// questions: on what makes a lead sales-ready and on how fast to follow up each role picks
// one option, each a different one: total variation distance 1 between every two roles, the
// first pair found being Sales and Marketing: two mismatches of severity 60 × 1 = 60. On
// sales-ready, leadership's "We have no agreed definition" is 3 of the 9 known picks, a third:
// a shared-none finding of severity 60 × 1/3 = 20. The other 8 questions are unanswered.
// 12 + 2 + 1 = 15 findings; the report explains the first 5, all blind spots.
// Alpha: all 9 rated both statements of every pair, fewer than the 10 needed; the six
// checklist areas get no alpha at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, SCALE, PHONE } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

const SALES_READY = {
  Sales: 'Asking for a demo, a quote or a conversation with sales',
  Marketing: 'Reaching an agreed engagement score, built from visits, downloads or event sign-ups',
  Leadership: 'We have no agreed definition',
};
const FOLLOW_UP = { Sales: 'Within a week', Marketing: 'Within an hour', Leadership: 'The same working day' };
const level = (n) => SCALE[n - 1];
const person = (role, n) => ({ role, level: level(n), salesReady: SALES_READY[role], followUp: FOLLOW_UP[role] });

test('a workshop of 9 (6 passing the device, 3 by code) shows the hand-computed team scorecard', async () => {
  const facilitator = await openWorkshopPage(app);
  await facilitator.create('Q3 offsite');

  // Three leaders answer on their own phones and get codes: the participant link opens the
  // light survey page, not the workshop page.
  const link = await facilitator.joinLink();
  assert.equal(link.slice(0, link.indexOf('#')), app.server.url);
  assert.match(link, /#join=[0-9a-f]{8}&v=2\.0\.0&n=Q3%20offsite&t=$/);
  // Its QR code is drawn by the QR wasm, titled for screen readers.
  await facilitator.root.locator('.samepage__qr svg[role="img"] title', { hasText: 'QR code of the link for participants' }).waitFor({ state: 'attached' });
  const codes = [];
  for (const n of [3, 3, 4]) {
    const phone = await openWorkshopPage(app, { viewport: PHONE, url: link });
    await phone.root.getByText('Workshop “\u2068Q3 offsite\u2069”: at the end you get a code').waitFor();
    assert.ok(!phone.requested().some((url) => url.includes('samepage-workshop')), 'no workshop page code');
    const code = await phone.takeJoinedSurvey(person('Leadership', n));
    assert.match(code, /^SP2\.[A-Za-z0-9_-]{51}$/);
    // The participant also sees their own scorecard and a QR code of the link back.
    await phone.expectHeading('Your alignment scorecard');
    await phone.root.locator('.samepage__qr svg[role="img"] title', { hasText: 'QR code of the link with your answers' }).waitFor({ state: 'attached' });
    // A real code: a QR version's side (4 × version + 17) in a quiet zone of 4, and the finder
    // patterns in three corners.
    const qr = phone.root.locator('.samepage__qr svg');
    const side = Number((await qr.getAttribute('viewBox')).split(' ')[2]);
    assert.ok(side >= 8 + 21 && side <= 8 + 177 && (side - 8 - 17) % 4 === 0, `QR side ${side}`);
    const path = await qr.locator('path').getAttribute('d');
    for (const corner of ['M4,4h7v1h-7z', `M${side - 11},4h7v1h-7z`, `M4,${side - 11}h7v1h-7z`]) {
      assert.ok(path.includes(corner), `finder pattern ${corner}`);
    }
    phone.expectNoErrors();
    codes.push(code);
    await phone.page.context().close();
  }

  // Six people take turns on the facilitator's device.
  await facilitator.startPassing();
  const turns = [person('Sales', 5), person('Sales', 4), person('Sales', 4),
    person('Marketing', 2), person('Marketing', 2), person('Marketing', 1)];
  for (const [index, turn] of turns.entries()) {
    await facilitator.takeTurn(turn);
    await facilitator.expectHeading('Thank you: your answers are in');
    await facilitator.root.getByText(`Answers so far in this round: ${index + 1}.`).waitFor();
    if (index < turns.length - 1) await facilitator.button("Start the next person's survey").click();
  }
  await facilitator.asFacilitator('Everyone has answered: back to the workshop');
  await facilitator.expectHeading('Q3 offsite');

  // The codes arrive mixed into a chat message.
  await facilitator.pasteCodes(`From Anna: ${codes[0]}\nBen says ${codes[1]} thanks!\n${codes[2]}`);
  await facilitator.importReport().getByText('3 added, 0 updated, 0 already here, 0 refused.').waitFor();

  const report = facilitator.teamReport();
  await report.getByText('People who answered: 9. Shown: 9, in groups of at least 3. Groups shown: 3.').waitFor();
  const index = report.locator('.samepage__overall-figure:not(.samepage__level)');
  assert.equal(await index.locator('.samepage__overall-number').innerText(), '33');
  assert.equal(await index.locator('.samepage__overall-scale').innerText(), 'out of 100 · Siloed');
  const level = report.locator('.samepage__level');
  assert.equal(await level.locator('.samepage__overall-number').innerText(), '53');
  assert.equal(await level.locator('.samepage__overall-scale').innerText(), 'out of 100 · Connected');
  assert.deepEqual(await facilitator.heatmapRow('Shared strategy & planning'), ['83', '17', '58', '67 (blind spot)']);
  assert.deepEqual(await facilitator.heatmapRow('Conflict & friction'), ['83', '17', '58', '67 (blind spot)']);
  assert.deepEqual(await facilitator.figuresRow('Shared goals & incentives', 'Sales'), ['3', '83', '14', 'agrees (0.4)', '0%']);
  assert.deepEqual(await facilitator.figuresRow('Shared goals & incentives', 'Marketing'), ['3', '17', '14', 'agrees (0.4)', '0%']);
  assert.deepEqual(await facilitator.figuresRow('Shared goals & incentives', 'Leadership'), ['3', '58', '14', 'agrees (0.4)', '0%']);

  // Heatmap cells coloured by stage, one marker per role on each gap line.
  assert.equal(await report.locator('.samepage__cell--integrated').count(), 12);
  assert.equal(await report.locator('.samepage__cell--siloed').count(), 12);
  assert.equal(await report.locator('.samepage__cell--connected').count(), 12);
  // 3 in the legend, then one per role on each of the 12 lines.
  assert.equal(await report.locator('svg.samepage__marker').count(), 3 + 36);
  // Two charts, each one named image whose area labels are text that wraps.
  const charts = await report.locator('figure[role="img"]').evaluateAll((figures) => figures.map((f) => f.getAttribute('aria-labelledby')));
  assert.equal(charts.length, 2);
  assert.match(charts[0], /-heatmap-title \S+-heatmap-desc$/);
  assert.match(charts[1], /-gaps-title \S+-gaps-desc$/);
  assert.equal(await report.locator('.samepage__chart .samepage__bar-label').count(), 24);

  // The ranked diagnosis: blind spots first (67 points), each with plays and questions.
  const findings = report.locator('.samepage__findings > li');
  assert.equal(await findings.count(), 5);
  assert.deepEqual(await findings.locator('h4').allInnerTexts(), [
    'Shared strategy & planning: Sales rate it 67 points higher than Marketing.',
    'Shared goals & incentives: Sales rate it 67 points higher than Marketing.',
    'Common language: Sales rate it 67 points higher than Marketing.',
    'Lead handoff & feedback: Sales rate it 67 points higher than Marketing.',
    'Metrics, data & reporting: Sales rate it 67 points higher than Marketing.',
  ]);
  assert.deepEqual(await findings.first().locator('.samepage__evidence li').allInnerTexts(), [
    '“Sales and marketing have a real say in the annual plan before it is fixed.”: Sales 83, Marketing 17, Leadership 58. Gap 67.',
    '“Leadership has made clear which team takes the lead on each of our current priorities.”: Sales 83, Marketing 17, Leadership 58. Gap 67.',
    '“Leadership sets sales targets that are realistic enough for sales to plan on.”: Sales 83, Marketing 17, Leadership 58. Gap 67.',
  ]);
  await findings.first().getByRole('heading', { name: 'Plays to try' }).waitFor();
  await findings.first().getByText('Who acts: The CEO with the heads of sales, marketing and finance').waitFor();

  // All 15 findings in presentation mode: the last, least severe (20), is the shared "none".
  await facilitator.button('Present findings').click();
  const dialog = facilitator.root.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Finding 1 of 15' }).waitFor();
  await facilitator.page.keyboard.press('End');
  await dialog.getByRole('heading', { name: 'Finding 15 of 15' }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), 'Asked “In your company, what makes a lead ready for sales?”, 33 % of those who answered say there is none.');
  await facilitator.page.keyboard.press('ArrowLeft');
  await dialog.getByRole('heading', { name: 'Finding 14 of 15' }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), 'Asked “How quickly should sales follow up a sales-ready lead?”, Sales and Marketing pick differently (distance 1.00 of 1).');
  await facilitator.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Each role's most common pick, and the largest distance between two roles.
  const choices = report.locator('table', { has: facilitator.page.locator('caption', { hasText: 'most common pick' }) });
  const salesReady = choices.locator('tr', { has: facilitator.page.locator('th', { hasText: 'what makes a lead ready for sales' }) });
  assert.deepEqual(await salesReady.locator('td').allInnerTexts(), [
    `${SALES_READY.Sales} 100 %`, `${SALES_READY.Marketing} 100 %`, `${SALES_READY.Leadership} 100 %`, '1.00',
  ]);

  // Alpha: pairwise 9 of 10 in the six attitude areas; the six checklist areas get none.
  const checklist = 'not meaningful: this area\'s statements are separate practices, not one attitude';
  const notYet = 'not enough answers yet (9 of 10)';
  const reliability = report.locator('section', { has: facilitator.page.locator('h3', { hasText: 'How consistent each area' }) });
  assert.deepEqual(await reliability.locator('dd').allInnerTexts(), [
    notYet, notYet, checklist, notYet, checklist, checklist, checklist, checklist, notYet, checklist, notYet, notYet,
  ]);

  // What is stored: one namespace for the workshop, 9 responses, no survey left in progress.
  const [file] = await facilitator.storedWorkshops();
  assert.equal(file.format, 'samepage-workshop');
  assert.equal(file.workshop.name, 'Q3 offsite');
  assert.equal(file.workshop.rounds[0].questionnaire, '2.0.0');
  assert.equal(file.workshop.rounds[0].responses.length, 9);
  const keys = await facilitator.storageKeys();
  assert.ok(!keys.some((k) => k.endsWith(':survey')), `no answers left behind: ${keys}`);

  // The scorecard survives a reload.
  await facilitator.reload();
  await facilitator.teamReport().getByText('People who answered: 9. Shown: 9, in groups of at least 3. Groups shown: 3.').waitFor();
  facilitator.expectNoErrors();
});
