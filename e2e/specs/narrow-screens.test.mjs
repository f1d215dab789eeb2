// The narrowest phones (320 px): no chart label is cut off, in the personal scorecard or in
// the team report, and nothing scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const NARROW = { width: 320, height: 700 };

/**
 * How many pieces of chart text (HTML labels and SVG text) inside `selector` were measured,
 * and those that reach past their chart's edges as [text, overflow in px], searched inside
 * shadow roots too.
 */
function cutOff(page, selector) {
  return page.evaluate((selector) => {
    const roots = [document, ...[...document.querySelectorAll('[data-samepage]')].map((h) => h.shadowRoot).filter(Boolean)];
    const found = [];
    let measured = 0;
    for (const root of roots) {
      for (const chart of root.querySelectorAll(selector)) {
        const box = chart.getBoundingClientRect();
        for (const text of chart.querySelectorAll('text, .samepage__bar-label, .samepage__chart-head span, .samepage__legend li')) {
          measured += 1;
          const b = text.getBoundingClientRect();
          const over = Math.max(b.right - box.right, box.left - b.left);
          if (over > 0.5) found.push([text.textContent, Math.round(over)]);
        }
      }
    }
    return { measured, found };
  }, selector);
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('at 320 px the personal scorecard chart shows every label whole', async () => {
  const survey = await app.open({ viewport: NARROW });
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.answerAllPages((page, i) => ['Agree', 'Strongly agree', 'Disagree'][(page + i) % 3]);
  await survey.button('See my scorecard').click();
  await survey.expectHeading('Your alignment scorecard');
  const labels = survey.root.locator('.samepage__bar-label');
  await labels.first().waitFor();
  assert.equal(await labels.count(), 12);
  assert.match(await labels.nth(5).innerText(), /^Roles, ownership & accountability: \d+ · \w+$/);
  const personal = await cutOff(survey.page, '.samepage__chart');
  assert.ok(personal.measured >= 12 + 5, `measured ${personal.measured}: the labels and the axis`);
  assert.deepEqual(personal.found, []);
  assert.ok((await sideways(survey.page)) <= 0);
  survey.expectNoErrors();
});

test('at 320 px the team report charts show every label whole', async () => {
  const w = await openWorkshopPage(app, { viewport: NARROW });
  await w.create('Narrow', { labels: 'North, South' });
  const people = (role, levels) => levels.map((level) => ({ role, team: 0, level }));
  await w.seedRounds('Narrow', [{
    responses: [...people('sales', [5, 4, 4]), ...people('marketing', [2, 2, 1]),
      ...people('leadership', [3, 4, 3]), ...people('other', [3, 2, 4])],
  }]);
  const report = w.teamReport();
  await report.getByText('People who answered: 12.').waitFor();
  const charts = report.locator('.samepage__chart');
  assert.ok((await charts.count()) >= 2);
  const team = await cutOff(w.page, '.samepage__team .samepage__chart');
  assert.ok(team.measured >= 24, `measured ${team.measured}: both charts' area labels`);
  assert.deepEqual(team.found, []);
  assert.ok((await sideways(w.page)) <= 0);
  w.expectNoErrors();
});
