// Anonymity: a role below the minimum is hidden (or folded into "Others") with the reason,
// and a team filter that could single someone out is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

const people = (role, team, levels) => levels.map((level) => ({ role, team, level }));

test('a role with 2 respondents is hidden with its reason, and a subtracting filter is refused when applied, not while arrowing', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Small roles', { labels: 'North, South, East' });
  await w.seedRounds('Small roles', [{
    responses: [
      ...people('sales', 0, [5, 4, 4]),      // North: 3 people
      ...people('marketing', 1, [2, 2, 1]),  // South: 3 people
      ...people('leadership', 2, [3, 3]),    // East: 2 people
    ],
  }]);
  const report = w.teamReport();
  await report.getByText('People who answered: 8. Shown: 6, in groups of at least 3. Groups shown: 2.').waitFor();
  await report.getByText('Leadership: answered by 2, fewer than 3 even together with other small groups, so their answers are not shown, to keep them anonymous.').waitFor();
  assert.deepEqual(await w.heatmapRow('Common language'), ['83', '17', '67 (blind spot)']);
  const header = await report.locator('table').first().locator('thead th').allInnerTexts();
  assert.deepEqual(header, ['Area', 'Sales', 'Marketing', 'Gap']);
  assert.ok(!(await report.innerText()).includes('Leadership\t'), 'no leadership column anywhere');

  // Arrowing through the teams with the keyboard only chooses: nothing is applied or refused
  // until the button says so.
  const filter = w.root.getByLabel('Show answers of');
  await filter.focus();
  for (let i = 0; i < 3; i += 1) await w.page.keyboard.press('ArrowDown');
  assert.equal(await filter.inputValue(), '2', 'the arrows went through to East');
  await w.page.waitForTimeout(300);
  assert.equal(await w.root.getByRole('alert').count(), 0);
  await report.getByText('People who answered: 8.').waitFor();

  // North alone (3 inside, 5 outside) may be shown.
  await filter.selectOption({ label: 'North' });
  await w.button('Show').click();
  await report.getByText('People who answered: 3. Shown: 3, in groups of at least 3. Groups shown: 1.').waitFor();

  // East alone has 2 people: refused, with the reason, and all teams stay shown.
  await filter.selectOption({ label: 'East' });
  await w.button('Show').click();
  await w.expectAlert('The view of “\u2068East\u2069” alone is not shown: it, or the rest of the workshop beside it, has fewer than 3 people');
  await report.getByText('People who answered: 8.').waitFor();
  assert.equal(await filter.inputValue(), 'all');
  w.expectNoErrors();
});

test('small roles that together reach the minimum are folded into "Others", and the view says so', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Folded');
  await w.seedRounds('Folded', [{
    responses: [
      ...people('sales', null, [5, 5, 5]),
      ...people('leadership', null, [3, 3]),
      ...people('other', null, [1]),
    ],
  }]);
  const report = w.teamReport();
  await report.getByText('Leadership: answered by 2, fewer than 3, so their answers are counted under “Others” to keep them anonymous.').waitFor();
  await report.getByText('Other: answered by 1, fewer than 3, so').waitFor();
  // Others: 50, 50, 0 → 33.3; sales 100; gap 66.7.
  assert.deepEqual(await w.heatmapRow('Common language'), ['100', '33', '67 (blind spot)']);
  w.expectNoErrors();
});
