// Every view at phone and desktop width: an axe-core audit with zero violations, and a
// full-page screenshot kept in e2e/output/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, PHONE, DESKTOP, SURVEY_KEY } from '../support/survey-page.mjs';

const app = useApp();

/** Each view: a name and how to reach it from a fresh page. */
const VIEWS = [
  ['welcome', async () => {}],
  ['role', async (s) => { await s.start(); }],
  ['role-missing', async (s) => { await s.start(); await s.next(); await s.root.getByRole('alert').waitFor(); }],
  ['statements', async (s) => {
    await s.start(); await s.chooseRole('Marketing'); await s.next();
    await s.answerPage((i) => (i === 0 ? 'Agree' : "Can't judge"));
  }],
  ['confirm-start-over', async (s) => {
    await s.start(); await s.chooseRole('Sales'); await s.button('Start over').click();
  }],
  ['definitions', async (s) => {
    await s.start(); await s.chooseRole('Leadership');
    await s.answerAllPages((p, i) => ['Agree', 'Disagree', 'Strongly agree'][(p + i) % 3]);
    await s.pickDefinition('what makes a lead ready for sales', 'We have no agreed definition');
  }],
  ['scorecard', async (s) => {
    await s.start(); await s.chooseRole('Marketing');
    await s.answerAllPages((p, i) => (p === 2 ? "Can't judge" : ['Strongly disagree', 'Agree', 'Strongly agree', 'Disagree'][(p + i) % 4]));
    await s.pickDefinition('what makes a lead ready for sales', 'We have no agreed definition');
    await s.button('See my scorecard').click();
    await s.expectHeading('Your alignment scorecard');
  }],
  ['unreadable-data', async (s) => {
    await s.page.evaluate((k) => localStorage.setItem(k, 'not json'), SURVEY_KEY);
    await s.reload();
    await s.root.getByRole('status').waitFor();
  }],
  ['erased', async (s) => {
    await s.start(); await s.chooseRole('Sales');
    await s.button('Erase my answers from this device').click();
    await s.button('Yes, erase my answers').click();
    await s.root.getByRole('status').waitFor();
  }],
];

for (const viewport of [PHONE, DESKTOP]) {
  for (const [name, reach] of VIEWS) {
    test(`${name} at ${viewport.width}px: no axe violations, screenshot kept`, async () => {
      const survey = await app.open({ viewport });
      await reach(survey);
      await survey.expectAccessible(`${name} at ${viewport.width}px`);
      const overflow = await survey.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
      await survey.screenshot(name);
      survey.expectNoErrors();
    });
  }
}

test('storage-blocked notice: no axe violations, screenshots kept', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const survey = await app.open({
      viewport,
      initScript: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
    });
    await survey.root.getByRole('alert').waitFor();
    await survey.expectAccessible(`storage-blocked at ${viewport.width}px`);
    await survey.screenshot('storage-blocked');
  }
});
