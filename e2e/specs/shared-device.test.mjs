// A device shared between people: the survey ends with a way to clear it for the next
// person, and in kiosk mode (?kiosk, or data-kiosk) it clears itself when left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, SURVEY_KEY } from '../support/survey-page.mjs';

const app = useApp();
const WELCOME = 'Are sales, marketing and leadership on the same page?';

async function finish(survey) {
  await survey.start();
  await survey.chooseRole('Leadership');
  await survey.answerAllPages(() => 'Agree');
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');
}

async function halfway(survey) {
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.next();
  await survey.answerPage(() => 'Disagree');
}

test('"Done: clear this device" ends a finished survey and leaves nothing for the next person', async () => {
  const survey = await app.open();
  assert.equal(await survey.button('Done: clear this device for the next person').count(), 0, 'not before the end');
  await finish(survey);
  await survey.button('Done: clear this device for the next person').click();
  await survey.expectHeading(WELCOME);
  await survey.root.getByText('Your answers have been erased from this device.').waitFor();
  assert.equal(await survey.stored(SURVEY_KEY), null);
  await survey.reload();
  await survey.expectHeading(WELCOME);
  assert.equal(await survey.button('Start the survey').isVisible(), true, 'nothing to continue');
  survey.expectNoErrors();
});

test('a kiosk clears itself two minutes after the scorecard, and not before', async () => {
  const survey = await app.open({ query: '?kiosk', clock: true });
  await finish(survey);
  await survey.page.clock.fastForward('01:50');
  await survey.expectHeading('Your alignment scorecard');
  // Input restarts the wait.
  await survey.root.locator('h2').click();
  await survey.page.clock.fastForward('01:50');
  await survey.expectHeading('Your alignment scorecard');
  await survey.page.clock.fastForward('00:15');
  await survey.expectHeading(WELCOME);
  await survey.root.getByText('Your answers have been erased from this device.').waitFor();
  assert.equal(await survey.stored(SURVEY_KEY), null);
  survey.expectNoErrors();
});

test('a kiosk left mid-survey asks "still there?" after nine minutes and clears at ten', async () => {
  const survey = await app.open({ query: '?kiosk', clock: true });
  await halfway(survey);
  await survey.page.clock.fastForward('08:50');
  const warning = survey.root.getByRole('alert').filter({ hasText: 'Still there?' });
  assert.equal(await warning.count(), 0);
  await survey.page.clock.fastForward('00:15');
  await warning.getByText('Still there?').waitFor();
  await survey.expectAccessible('kiosk warning');
  // "I'm still here" keeps every answer and starts the wait again.
  await warning.getByRole('button', { name: "I'm still here" }).click();
  await warning.waitFor({ state: 'detached' });
  await survey.page.clock.fastForward('08:50');
  assert.match(await survey.progressText(), /3 of \d+ statements answered/);

  // Left alone again: warned, then cleared.
  await survey.page.clock.fastForward('00:15');
  await warning.getByText('Still there?').waitFor();
  await survey.page.clock.fastForward('01:00');
  await survey.expectHeading(WELCOME);
  assert.equal(await survey.stored(SURVEY_KEY), null);
  survey.expectNoErrors();
});

test('without kiosk mode nothing clears by itself', async () => {
  const survey = await app.open({ clock: true });
  await halfway(survey);
  await survey.page.clock.fastForward('30:00');
  assert.match(await survey.progressText(), /3 of \d+ statements answered/);
  assert.equal(await survey.root.getByText('Still there?').count(), 0);
  survey.expectNoErrors();
});
