// "Start over" and "Erase my answers from this device", each behind a confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, SURVEY_KEY, STATEMENTS } from '../support/survey-page.mjs';

const app = useApp();

async function halfway(survey) {
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.next();
  await survey.answerPage(() => 'Agree');
}

test('start over asks, can be cancelled, and then clears every answer', async () => {
  const survey = await app.open();
  await halfway(survey);
  await survey.button('Start over').click();
  assert.match(await survey.root.getByRole('alertdialog').innerText(), /Every answer you have given will be cleared/);
  await survey.button('Cancel').click();
  assert.match(await survey.progressText(), new RegExp(`3 of ${STATEMENTS.length} statements answered`));

  await survey.button('Start over').click();
  await survey.button('Yes, start over').click();
  await survey.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.equal(await survey.button('Start the survey').isVisible(), true);
  assert.deepEqual(await survey.storedSurvey(), { role: null, answers: {}, definitions: {} });
  await survey.reload();
  assert.equal(await survey.button('Start the survey').isVisible(), true);
});

test('erase removes the answers from this device after confirmation', async () => {
  const survey = await app.open();
  await halfway(survey);
  await survey.button('Erase my answers from this device').click();
  await survey.button('Cancel').click();
  assert.notEqual(await survey.stored(), null);

  await survey.button('Erase my answers from this device').click();
  await survey.button('Yes, erase my answers').click();
  assert.match(await survey.root.getByRole('status').innerText(), /erased from this device/);
  assert.equal(await survey.stored(SURVEY_KEY), null);
  assert.deepEqual((await survey.storageKeys()).filter((k) => k.startsWith('samepage:')), []);
  await survey.reload();
  await survey.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.equal(await survey.button('Start the survey').isVisible(), true);
});
