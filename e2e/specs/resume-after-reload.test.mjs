// Nothing is lost: a reload resumes at the same question with every answer; two tabs
// answering the same survey do not overwrite each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, DIMENSIONS, STATEMENTS, SurveyPage } from '../support/survey-page.mjs';

const app = useApp();

test('a reload in the middle resumes at the same page with every answer', async () => {
  const survey = await app.open();
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.next();
  await survey.answerPage(() => 'Strongly agree');
  await survey.next();
  await survey.answerPage((i) => (i === 0 ? "Can't judge" : 'Disagree'));
  await survey.next();
  await survey.expectHeading(DIMENSIONS[2]);
  await survey.statements().first().getByRole('radio', { name: 'Neither agree nor disagree' }).check();
  const before = await survey.progressText();

  await survey.reload();
  await survey.expectHeading(DIMENSIONS[2]);
  assert.equal(await survey.progressText(), before);
  assert.equal(
    await survey.statements().first().getByRole('radio', { name: 'Neither agree nor disagree' }).isChecked(),
    true,
  );
  await survey.back();
  await survey.expectHeading(DIMENSIONS[1]);
  assert.equal(await survey.statements().first().getByRole('radio', { name: "Can't judge" }).isChecked(), true);
  assert.equal(await survey.statements().nth(1).getByRole('radio', { name: 'Disagree', exact: true }).isChecked(), true);
  await survey.back();
  await survey.back();
  assert.equal(await survey.root.getByRole('radio', { name: /^Sales/ }).isChecked(), true);
  survey.expectNoErrors();
});

test('closing the tab and opening the app again offers to continue', async () => {
  const survey = await app.open();
  await survey.start();
  await survey.chooseRole('Marketing');
  await survey.next();
  await survey.answerPage(() => 'Agree');
  const context = survey.page.context();
  await survey.page.close();
  const again = new SurveyPage(await context.newPage(), app.server.url, []);
  await again.load();
  await again.expectHeading(DIMENSIONS[0]);
  assert.match(await again.progressText(), new RegExp(`3 of ${STATEMENTS.length} statements answered`));
});

test('two tabs answering the same survey keep both tabs\u2019 answers', async () => {
  const first = await app.open();
  await first.start();
  await first.chooseRole('Leadership');
  await first.next();
  const second = new SurveyPage(await first.page.context().newPage(), app.server.url, []);
  await second.load();
  await second.expectHeading(DIMENSIONS[0]);

  await first.statements().nth(0).getByRole('radio', { name: 'Agree', exact: true }).check();
  await second.statements().nth(1).getByRole('radio', { name: 'Disagree', exact: true }).check();
  await first.statements().nth(2).getByRole('radio', { name: 'Strongly agree' }).check();

  const stored = await first.storedSurvey();
  assert.deepEqual(Object.values(stored.answers).sort(), [2, 4, 5]);
  await second.reload();
  assert.match(await second.progressText(), new RegExp(`3 of ${STATEMENTS.length} statements answered`));
});

test('two tabs answering at the same moment lose nothing: 20 interleaved answers survive a reload', async () => {
  const first = await app.open();
  await first.start();
  await first.chooseRole('Marketing');
  await first.next();
  const second = new SurveyPage(await first.page.context().newPage(), app.server.url, []);
  await second.load();
  await second.expectHeading(DIMENSIONS[0]);

  // Page by page, the two tabs answer two different statements at the same moment: the
  // second tab is busy while the first answers, then answers in the same task, before it
  // has heard of the first tab's write (what two people or two quick clicks do at random).
  let given = 0;
  for (let page = 0; given < 20; page++) {
    const count = await first.statements().count();
    for (let i = 0; i + 1 < count && given < 20; i += 2) {
      const theirs = await second.statements().nth(i + 1).getByRole('radio', { name: 'Disagree', exact: true }).elementHandle();
      const busyThenAnswer = second.page.evaluate((radio) => {
        const until = Date.now() + 600;
        while (Date.now() < until) { /* busy: storage events wait */ }
        radio.click();
      }, theirs);
      await first.page.waitForTimeout(150);
      await first.statements().nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
      await busyThenAnswer;
      given += 2;
    }
    await Promise.all([first.next(), second.next()]);
    await first.expectHeading(DIMENSIONS[page + 1]);
    await second.expectHeading(DIMENSIONS[page + 1]);
  }
  // Once both tabs have heard of each other, nothing is missing, in storage or after a reload.
  const storedCount = async () => Object.keys((await first.storedSurvey()).answers).length;
  for (let wait = 0; wait < 50 && (await storedCount()) !== given; wait++) {
    await first.page.waitForTimeout(100);
  }
  assert.equal(Object.keys((await first.storedSurvey()).answers).length, given);
  for (const tab of [first, second]) {
    await tab.reload();
    await tab.root.locator('.samepage__progress-text').waitFor();
    assert.match(await tab.progressText(), new RegExp(`${given} of ${STATEMENTS.length} statements answered`));
  }
});

test('erasing in one tab erases in the other, which does not write the answers back', async () => {
  const first = await app.open();
  await first.start();
  await first.chooseRole('Sales');
  await first.next();
  await first.answerPage(() => 'Agree');
  const second = new SurveyPage(await first.page.context().newPage(), app.server.url, []);
  await second.load();
  await second.expectHeading(DIMENSIONS[0]);

  await second.button('Erase my answers from this device').click();
  await second.button('Yes, erase my answers').click();
  await first.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.match(await first.root.getByRole('status').innerText(), /erased from this device/);
  assert.equal(await first.button('Start the survey').isVisible(), true);
  assert.equal(await first.stored(), null);
});
