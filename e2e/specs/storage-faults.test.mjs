// Storage that cannot be read, cannot be used or fills up: the user is told, nothing stored
// is wiped, and the survey still runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, SURVEY_KEY, STATEMENTS } from '../support/survey-page.mjs';

const app = useApp();

for (const [what, text, reason] of [
  ['hand-corrupted text', '{"answers":{"strategy.joint_plan":', 'they are not SamePage survey data'],
  ['data from a newer version', 'samepage-survey 9\nsomething new', 'they were saved by a newer version of SamePage'],
  ['an answer out of range', 'samepage-survey 2\ninstrument samepage-core 2.0.0\nstep role\nanswer strategy.plan_say 9\n', 'they are damaged'],
]) {
  test(`${what} is kept aside untouched and reported`, async () => {
    const survey = await app.open();
    await survey.page.evaluate(([k, v]) => localStorage.setItem(k, v), [SURVEY_KEY, text]);
    await survey.reload();

    const message = survey.root.getByRole('status');
    const said = await message.innerText();
    assert.match(said, /could not be read/);
    assert.match(said, new RegExp(reason));
    const keys = await survey.storageKeys();
    const aside = keys.filter((k) => k.startsWith('samepage:default:unreadable:'));
    assert.equal(aside.length, 1, `keys: ${keys}`);
    assert.match(said, new RegExp(aside[0]));
    assert.equal(await survey.stored(aside[0]), text, 'kept byte for byte');
    assert.equal(await survey.stored(), null);

    // A fresh start works and never touches the copy.
    await survey.start();
    await survey.chooseRole('Other');
    assert.equal((await survey.storedSurvey()).role, 'other');
    assert.equal(await survey.stored(aside[0]), text);
    await survey.button('Dismiss').click();
    assert.equal(await survey.root.getByRole('status').count(), 0);
    survey.expectNoErrors();
  });
}

test('blocked storage runs in memory and says answers will not survive a reload', async () => {
  const survey = await app.open({
    initScript: () => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    },
  });
  const warning = survey.root.getByRole('alert');
  assert.match(await warning.innerText(), /does not let SamePage save anything \(SecurityError\)/);
  assert.match(await warning.innerText(), /will be gone if you reload or close it/);
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.next();
  await survey.answerPage(() => 'Agree');
  assert.match(await survey.progressText(), new RegExp(`3 of ${STATEMENTS.length} statements answered`));
  survey.expectNoErrors();
});

test('a full storage warns at the answer that could not be saved, and clears when saving works', async () => {
  const survey = await app.open({
    initScript: () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__storageFull) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    },
  });
  await survey.start();
  await survey.chooseRole('Marketing');
  await survey.next();
  await survey.page.evaluate(() => { window.__storageFull = true; });
  await survey.statements().first().getByRole('radio', { name: 'Agree', exact: true }).check();
  const warning = survey.root.getByRole('alert');
  assert.match(await warning.innerText(), /could not be saved on this device \(QuotaExceededError\)/);
  assert.deepEqual((await survey.storedSurvey()).answers, {}, 'the failed answer is not stored');
  // The answer is still shown; once storage frees up, the next answer stores both.
  await survey.page.evaluate(() => { window.__storageFull = false; });
  await survey.statements().nth(1).getByRole('radio', { name: 'Agree', exact: true }).check();
  assert.equal(await survey.root.getByRole('alert').count(), 0);
  assert.equal(Object.keys((await survey.storedSurvey()).answers).length, 2);
});
