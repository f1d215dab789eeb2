// Passing one device round: the hand-over screen hides everything the last person did, and
// the next person sees nothing of it, not through Back and not after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, SCALE } from '../support/survey-page.mjs';
import { openWorkshopPage, parseAnswers } from '../support/workshop-page.mjs';

const app = useApp();

const first = {
  role: 'Sales', level: SCALE[4], team: 'North',
  salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week',
};

test('after a turn the device shows nothing of it, through Back or a reload', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Round table', { labels: 'North, South' });
  await w.startPassing();
  await w.root.getByText('Workshop “Round table”: your answers join the team\'s anonymously.').waitFor();

  // A team is needed to go on ("None of these" is one).
  await w.expectHeading('Which team are you in?');
  await w.next();
  await w.expectAlert('Please choose a team, or “None of these”, to go on.');
  await w.takeTurn(first);

  await w.expectHeading('Thank you: your answers are in');
  const handover = await w.root.innerText();
  for (const trace of ['Sales', 'North', 'Strongly agree', 'Within a week', 'scorecard']) {
    assert.ok(!handover.includes(trace), `the hand-over screen shows nothing of the turn (${trace})`);
  }
  const keys = await w.storageKeys();
  assert.ok(!keys.some((k) => /^samepage:ws-[0-9a-f]{8}:(survey|team)$/.test(k)), `nothing of the turn is left: ${keys}`);
  const [file] = await w.storedWorkshops();
  assert.equal(file.workshop.rounds[0].responses.length, 1);
  assert.equal(file.workshop.rounds[0].responses[0].team, 0);
  assert.equal(parseAnswers(file.workshop.rounds[0].responses[0].answers).role, 'sales');

  // A reload on the hand-over screen starts the next turn empty.
  await w.reload();
  await w.expectHeading('Which team are you in?');
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0);
  await w.root.getByRole('radio', { name: 'South', exact: true }).check();
  await w.next();
  await w.expectHeading('Are sales, marketing and leadership on the same page?');
  await w.button('Start the survey').waitFor();
  await w.start();
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0, 'no role chosen');
  await w.chooseRole('Marketing');
  await w.next();
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0, 'no statement answered');
  await w.answerPage(() => SCALE[1]);

  // Back goes through this person's own answers only.
  await w.back();
  await w.expectHeading('Which part of the company do you work in?');
  assert.equal(await w.root.getByRole('radio', { name: /^Marketing\b/ }).isChecked(), true);
  assert.equal(await w.root.getByRole('radio', { name: /^Sales\b/ }).isChecked(), false);

  // A reload in the middle of a turn loses nothing of it.
  await w.next();
  await w.reload();
  await w.expectHeading('Shared strategy & planning');
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 3);
  w.expectNoErrors();
});

test('a turn left unfinished is resumed or discarded by the facilitator, never handed on unasked', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Interrupted');
  await w.startPassing();
  await w.start();
  await w.chooseRole('Leadership');
  await w.next();
  await w.answerPage(() => SCALE[2]);

  // The facilitator goes back to the workshop mid-turn (by its address).
  const id = (await w.workshopKeys())[0].split(':')[1].slice(3);
  await w.goto(`#workshop=${id}`);
  await w.root.getByText("Someone's turn on this device was left unfinished.").waitFor();
  assert.equal(await w.button('Start passing this device').count(), 0);
  await w.button('Discard the unfinished turn').click();
  await w.root.getByRole('button', { name: 'Yes, discard it' }).click();
  await w.button('Start passing this device').click();
  await w.expectHeading('Are sales, marketing and leadership on the same page?');
  await w.button('Start the survey').waitFor();
  await w.start();
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0, 'nothing of the discarded turn');
  w.expectNoErrors();
});
