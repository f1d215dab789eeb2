// The whole survey with the keyboard alone: Tab, arrow keys, Space and Enter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, INSTRUMENT, STATEMENTS, CHOICES, SurveyPage } from '../support/survey-page.mjs';

const app = useApp();

/** Presses `key` `times` times. */
async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** The accessible name of the focused element. */
const focusedName = (page) => new SurveyPage(page).focusedName();

test('a respondent completes the survey with the keyboard only', async () => {
  const survey = await app.open();
  const { page } = survey;

  // The page's header links to the workshop page first; then the survey begins.
  await press(page, 'Tab');
  assert.equal(await focusedName(page), 'Running a team workshop? Open the workshop page.');
  await press(page, 'Tab');
  assert.equal(await focusedName(page), 'Start the survey');
  await press(page, 'Enter');
  await survey.expectHeading('Which part of the company do you work in?');
  // Focus moved to the new heading: the next Tab lands in the role group.
  await survey.completeByKeyboard();
  assert.equal(await survey.root.locator('.samepage__overall-number').innerText(), '75');
  assert.match(await survey.root.innerText(), /Answered as: Leadership/);
  const stored = await survey.storedSurvey();
  assert.equal(stored.role, 'leadership');
  assert.equal(Object.keys(stored.answers).length, STATEMENTS.length);
  assert.ok(Object.values(stored.answers).every((a) => a === 4));
  assert.deepEqual(Object.keys(stored.definitions).sort(), CHOICES.map((q) => q.id).sort());
  for (const q of INSTRUMENT.definitions) assert.equal(stored.definitions[q.id], q.options[0].id, `${q.id}: first option`);
  survey.expectNoErrors();
});

test('confirmations open on Cancel and close with Escape', async () => {
  const survey = await app.open();
  const { page } = survey;
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.button('Start over').focus();
  await press(page, 'Enter');
  assert.equal(await focusedName(page), 'Cancel');
  await press(page, 'Escape');
  assert.equal(await survey.root.getByRole('alertdialog').count(), 0);
  assert.equal(await focusedName(page), 'Start over');
  assert.equal((await survey.storedSurvey()).role, 'sales');
});
