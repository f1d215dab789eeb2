// Passing one device round: the hand-over screen hides everything the last person did, and
// the next person sees nothing of it, not through Back and not after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, SCALE } from '../support/survey-page.mjs';
import { openWorkshopPage, parseAnswers, readWorkshopFile } from '../support/workshop-page.mjs';

const app = useApp();

const first = {
  role: 'Sales', level: SCALE[4], team: 'North',
  salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week',
};

test('after a turn the device shows nothing of it, through Back or a reload', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Round table', { labels: 'North, South' });
  await w.startPassing();
  await w.root.getByText('Workshop “\u2068Round table\u2069”: your answers join the team\'s anonymously.').waitFor();

  // A role and a team are needed to go on ("None of these" is a team answer).
  await w.start();
  await w.chooseRole('Sales');
  await w.next();
  await w.expectAlert('Please choose your role and your team (or “None of these”) to go on.');
  await w.back();
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
  assert.equal(file.workshop.rounds[0].responses[0].source, 'device');

  // A reload on the hand-over screen starts the next turn empty.
  await w.reload();
  await w.expectHeading('Are sales, marketing and leadership on the same page?');
  await w.button('Start the survey').waitFor();
  await w.start();
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0, 'no role, no team chosen');
  await w.chooseRole('Marketing');
  await w.chooseTeam('South');
  await w.next();
  assert.equal(await w.root.locator('input[type=radio]:checked').count(), 0, 'no statement answered');
  await w.answerPage(() => SCALE[1]);

  // Back goes through this person's own answers only.
  await w.back();
  await w.expectHeading('Which part of the company do you work in?');
  assert.equal(await w.root.getByRole('radio', { name: /^Marketing\b/ }).isChecked(), true);
  assert.equal(await w.root.getByRole('radio', { name: 'South', exact: true }).isChecked(), true);
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

test('the hand-over opens the workshop only after the facilitator confirms', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Gated');
  await w.startPassing();
  await w.takeTurn({ ...first, team: undefined });
  await w.expectHeading('Thank you: your answers are in');

  // A click (the next person's tap) only asks; Cancel (where focus lands) or Escape keeps the
  // hand-over.
  await w.button('Everyone has answered: back to the workshop').click();
  const dialog = w.root.getByRole('alertdialog');
  await dialog.getByText('only the facilitator should go on').waitFor();
  assert.equal(await w.focusedName(), 'Cancel');
  await w.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await w.expectHeading('Thank you: your answers are in');

  await w.asFacilitator('Everyone has answered: back to the workshop');
  await w.expectHeading('Gated');
  w.expectNoErrors();
});

test('a finished turn this device cannot store is kept, said, and holds the next person back', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Full device');
  await w.startPassing();
  await w.refuseWorkshopWrites();
  await w.takeTurn({ ...first, team: undefined });

  await w.expectHeading('Thank you: your answers are in');
  await w.expectAlert('These answers could not be stored on this device');
  // The page's storage warning says why, and stays: no removal that worked may clear it.
  await w.expectAlert('The last change could not be stored (QuotaExceededError)');
  assert.equal(await w.button("Start the next person's survey").isDisabled(), true);
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 0);
  const turnKept = async () => (await w.storageKeys()).some((k) => /^samepage:ws-[0-9a-f]{8}:survey$/.test(k));
  assert.ok(await turnKept(), 'the turn is kept on the device');

  // Trying again while the storage still refuses changes nothing.
  await w.button('Try storing them again').click();
  await w.expectAlert('These answers could not be stored on this device');
  assert.equal(await w.button("Start the next person's survey").isDisabled(), true);

  // The facilitator's way out: the workshop, still warning, and its file, which holds the turn.
  await w.asFacilitator('Everyone has answered: back to the workshop');
  await w.expectHeading('Full device');
  await w.expectAlert('The last change could not be stored (QuotaExceededError)');
  const file = await w.download('Download workshop (JSON)');
  assert.equal(readWorkshopFile(file.text).workshop.rounds[0].responses.length, 1);
  assert.ok(await turnKept());

  // Once the storage takes writes again, resuming the turn stores it and forgets it.
  await w.allowWrites();
  await w.button('Resume the unfinished turn').click();
  await w.expectHeading('Thank you: your answers are in');
  await w.root.getByText('Answers so far in this round: 1.').waitFor();
  assert.equal(await w.root.getByRole('alert').filter({ hasText: 'could not be stored' }).count(), 0);
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 1);
  assert.ok(!(await turnKept()), 'the turn is forgotten once stored');
  assert.equal(await w.button("Start the next person's survey").isDisabled(), false);
  w.expectNoErrors();
});

test('a finished turn stored after its storage comes back, by trying again or by a reload', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Reloaded');
  await w.startPassing();
  await w.refuseWorkshopWrites();
  await w.takeTurn({ ...first, team: undefined });
  await w.expectAlert('These answers could not be stored on this device');
  await w.allowWrites();
  await w.button('Try storing them again').click();
  await w.root.getByRole('alert').filter({ hasText: 'could not be stored' }).first().waitFor({ state: 'detached' });
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 1);
  assert.equal(await w.button("Start the next person's survey").isDisabled(), false);

  // The next turn fails to store, and the page is reloaded before anyone tries again.
  await w.button("Start the next person's survey").click();
  await w.refuseWorkshopWrites();
  await w.takeTurn({ ...first, role: 'Marketing', team: undefined });
  await w.expectAlert('These answers could not be stored on this device');
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 1);
  await w.reload();
  await w.expectHeading('Thank you: your answers are in');
  await w.root.getByText('Answers so far in this round: 2.').waitFor();
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 2);
  assert.equal(await w.root.getByRole('alert').filter({ hasText: 'could not be stored' }).count(), 0);
  w.expectNoErrors();
});
