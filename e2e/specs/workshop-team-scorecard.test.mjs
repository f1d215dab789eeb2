// A workshop of 9 people in 3 roles: 6 take turns on the facilitator's device, 3 answer on
// their own phones and send codes back. The team scorecard must show the hand-computed
// figures.
//
// Everyone rates every statement alike, so each person's score is the same in every area:
//   Sales       5, 4, 4 → 100, 75, 75 → mean 83.3 ("83"), spread 14.4 ("14")
//   Marketing   2, 2, 1 →  25, 25,  0 → mean 16.7 ("17"), spread 14.4 ("14")
//   Leadership  3, 3, 4 →  50, 50, 75 → mean 58.3 ("58"), spread 14.4 ("14")
// Spread: deviations from 83.3 are 16.7, −8.3, −8.3; squares sum to 416.7; / 2 = 208.3;
// √ = 14.4. Gap per area: 83.3 − 16.7 = 66.7 ("67", a blind spot: ≥ 33.3). Alignment index:
// 100 − 66.7 = 33.3 ("33"). Average deviation within each role: ratings 5, 4, 4 have mean
// 4.33 and absolute deviations 0.67, 0.33, 0.33, so 0.44 ("agrees (0.4)"), likewise 2, 2, 1
// and 3, 3, 4. Nobody chose "Can't judge": 0 %. The roles picked different definitions, so
// both definitions questions are mismatches. 9 complete responses: alpha needs 10.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, SCALE, PHONE } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

const SALES_READY = {
  Sales: 'Asking for a demo, a quote or a conversation with sales',
  Marketing: 'Reaching an agreed engagement score, built from visits, downloads or event sign-ups',
  Leadership: "We have no agreed definition / I don't know",
};
const FOLLOW_UP = { Sales: 'Within a week', Marketing: 'Within an hour', Leadership: 'The same working day' };
const level = (n) => SCALE[n - 1];
const person = (role, n) => ({ role, level: level(n), salesReady: SALES_READY[role], followUp: FOLLOW_UP[role] });

test('a workshop of 9 (6 passing the device, 3 by code) shows the hand-computed team scorecard', async () => {
  const facilitator = await openWorkshopPage(app);
  await facilitator.create('Q3 offsite');

  // Three leaders answer on their own phones and get codes.
  const link = await facilitator.joinLink();
  assert.match(link, /\/workshop\/#join=[0-9a-f]{8}&v=1\.0\.0&n=Q3%20offsite&t=$/);
  const codes = [];
  for (const n of [3, 3, 4]) {
    const phone = await openWorkshopPage(app, { viewport: PHONE, hash: link.slice(link.indexOf('#')) });
    await phone.root.getByText('You are taking part in the workshop “Q3 offsite”').waitFor();
    const code = await phone.takeJoinedSurvey(person('Leadership', n));
    assert.match(code, /^SP1\.[A-Za-z0-9_-]{48}$/);
    // The participant also sees their own scorecard and a QR code of the link back.
    await phone.expectHeading('Your alignment scorecard');
    await phone.root.locator('.samepage__qr svg[role="img"]').waitFor();
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
  await facilitator.button('Everyone has answered: back to the workshop').click();
  await facilitator.expectHeading('Q3 offsite');

  // The codes arrive mixed into a chat message.
  await facilitator.pasteCodes(`From Anna: ${codes[0]}\nBen says ${codes[1]} thanks!\n${codes[2]}`);
  await facilitator.importReport().getByText('3 added, 0 updated, 0 already here, 0 refused.').waitFor();

  const report = facilitator.teamReport();
  await report.getByText('People who answered: 9. Shown: 9, in groups of at least 3. Groups shown: 3.').waitFor();
  assert.equal(await report.locator('.samepage__overall-number').innerText(), '33');
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
  assert.equal(await report.locator('svg[role="img"] title').count(), 2);

  // The ranked diagnosis: blind spots first (67 points), each with plays and questions.
  const findings = report.locator('.samepage__findings > li');
  assert.equal(await findings.count(), 5);
  assert.equal(await findings.first().locator('h4').innerText(), 'Shared strategy & planning: the groups are 67 points apart.');
  await findings.first().getByRole('heading', { name: 'Plays to try' }).waitFor();
  await report.getByText('not enough complete answers yet (9 of 10)').first().waitFor();

  // What is stored: one namespace for the workshop, 9 responses, no survey left in progress.
  const [file] = await facilitator.storedWorkshops();
  assert.equal(file.format, 'samepage-workshop');
  assert.equal(file.workshop.name, 'Q3 offsite');
  assert.equal(file.workshop.rounds[0].responses.length, 9);
  const keys = await facilitator.storageKeys();
  assert.ok(!keys.some((k) => k.endsWith(':survey')), `no answers left behind: ${keys}`);

  // The scorecard survives a reload.
  await facilitator.reload();
  await facilitator.teamReport().getByText('People who answered: 9. Shown: 9, in groups of at least 3. Groups shown: 3.').waitFor();
  facilitator.expectNoErrors();
});
