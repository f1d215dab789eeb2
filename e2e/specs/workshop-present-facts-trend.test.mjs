// Presentation mode for a projector, facts beside beliefs, and the trend between rounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, INSTRUMENT } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

const people = (role, levels, picks) => levels.map((level) => ({ role, level, picks }));
// Sales pick "Asking for a demo…" (sales_ready option 2) and "Within a week" (follow_up 3);
// marketing "Reaching an agreed engagement score…" (1) and "Within an hour" (0). The other
// eight choice questions stay unanswered.
const round = (sales, marketing, extra = {}) => ({
  ...extra,
  responses: [...people('sales', sales, { sales_ready: 2, follow_up: 3 }),
    ...people('marketing', marketing, { sales_ready: 1, follow_up: 0 })],
});

test('presentation mode shows one finding at a time in large type; arrow keys move, Escape leaves', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Projector');
  await w.seedRounds('Projector', [round([5, 4, 4], [2, 2, 1])]);
  const present = w.button('Present findings');
  await present.click();
  const dialog = w.root.getByRole('dialog');
  await dialog.getByRole('heading', { name: /^Finding 1 of \d+$/ }).waitFor();
  const total = Number((await dialog.locator('h2').innerText()).match(/of (\d+)/)[1]);
  // Sales 5, 4, 4 on every statement (83.3 points), marketing 2, 2, 1 (16.7): every area is
  // 66.7 apart, a blind spot (≥ 33.3), so its statements are not listed again as statement
  // gaps; sales are higher everywhere, so no opposite views. Team mean 50: no low score.
  // Average deviation 0.44 in each group: no disagreement. No blame loop (marketing rate their
  // own part 1.7, below 3.5). On what makes a lead sales-ready and how fast to follow up, each
  // group picks one option, and a different one: total variation distance 1, severity
  // 60 × 1 = 60; no "none" picked. The other 8 questions are unanswered: nothing to compare.
  // So 12 blind spots (severity 66.7, areas in order) and then 2 choice mismatches (60).
  assert.equal(total, 14);
  assert.equal(await dialog.locator('h3').innerText(), 'Shared strategy & planning: Sales rate it 67 points higher than Marketing.');
  // The evidence: each statement of the area with both groups' points.
  assert.deepEqual(await dialog.locator('.samepage__evidence li').allInnerTexts(), [
    '“Sales and marketing have a real say in the annual plan before it is fixed.”: Sales 83, Marketing 17. Gap 67.',
    '“Leadership has made clear which team takes the lead on each of our current priorities.”: Sales 83, Marketing 17. Gap 67.',
    '“Leadership sets sales targets that are realistic enough for sales to plan on.”: Sales 83, Marketing 17. Gap 67.',
  ]);
  await dialog.getByRole('heading', { name: 'Plays to try' }).waitFor();
  // A blind spot gets the plays written for its statements that are a blind spot apart (all
  // three here), each once, each with who acts, a first step and how to tell it worked.
  const strategy = INSTRUMENT.dimensions[0];
  const written = [...new Set(strategy.statements.flatMap((st) => st.plays))]
    .map((id) => INSTRUMENT.dimensions.flatMap((d) => d.plays).find((p) => p.id === id));
  const plays = dialog.locator('.samepage__plays > li');
  assert.equal(await plays.count(), written.length);
  assert.deepEqual(await plays.locator('p:not(.samepage__play-detail)').allInnerTexts(), written.map((p) => p.text.en));
  assert.deepEqual(await plays.first().locator('.samepage__play-detail').allInnerTexts(), [
    `Who acts: ${written[0].who.en}`,
    `First step, in the next two weeks: ${written[0].first_step.en}`,
    `How you will know it worked: ${written[0].signal.en}`,
  ]);
  assert.equal(await dialog.evaluate((d) => d.scrollTop), 0, 'a slide opens at its top');
  assert.ok(await dialog.locator('h3').isVisible());
  const size = await dialog.locator('h3').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  assert.ok(size >= 36, `large type on a projector (${size}px)`);

  await w.page.keyboard.press('ArrowRight');
  await dialog.getByRole('heading', { name: 'Finding 2 of 14' }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), 'Shared goals & incentives: Sales rate it 67 points higher than Marketing.');
  await w.page.keyboard.press('ArrowLeft');
  await dialog.getByRole('heading', { name: 'Finding 1 of 14' }).waitFor();
  await w.page.keyboard.press('ArrowLeft');
  await dialog.getByRole('heading', { name: 'Finding 1 of 14' }).waitFor();
  await w.page.keyboard.press('End');
  await dialog.getByRole('heading', { name: 'Finding 14 of 14' }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), 'Asked “How quickly should sales follow up a sales-ready lead?”, Sales and Marketing pick differently (distance 1.00 of 1).');
  assert.deepEqual(await dialog.locator('.samepage__evidence li').allInnerTexts(), ['Sales: Within a week 100 %', 'Marketing: Within an hour 100 %']);
  // The question's own plays: the two-way agreement and closing the loop.
  assert.deepEqual(await dialog.locator('.samepage__plays > li > p:first-child').allInnerTexts(), [
    'Write a two-way agreement for the handover: marketing commits to a number of leads of agreed quality, passed on with their background; sales commits to a response time and to reporting what became of each lead.',
    'Close the loop: sales records why each lead was accepted, rejected or lost, and both teams look at the pattern together every month.',
  ]);
  await dialog.getByRole('button', { name: 'Previous' }).click();
  await dialog.getByRole('heading', { name: 'Finding 13 of 14' }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), 'Asked “In your company, what makes a lead ready for sales?”, Sales and Marketing pick differently (distance 1.00 of 1).');

  await w.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await w.page.evaluate(() => document.activeElement.textContent), 'Present findings');
  w.expectNoErrors();
});

test('real figures stand beside what each role believes; bad figures are refused', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Facts');
  await w.seedRounds('Facts', [round([5, 4, 4], [2, 2, 1])]);
  await w.root.getByText('No figures entered yet.').waitFor();

  await w.root.getByLabel('Share of marketing\'s leads that sales accepts (%)').fill('140');
  await w.button('Save figures').click();
  await w.expectAlert('“Share of marketing\'s leads that sales accepts (%)” must be a number from 0 up; shares go up to 100. Nothing was saved.');
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].facts.accepted_share, null);

  await w.root.getByLabel('Average time until sales first contacts a new lead (hours)').fill('30');
  await w.root.getByLabel('Share of marketing\'s leads that sales accepts (%)').fill('25');
  await w.button('Save figures').click();
  await w.root.getByText('Figures saved.').waitFor();
  assert.deepEqual((await w.storedWorkshops())[0].workshop.rounds[0].facts, { follow_up_hours: 30, accepted_share: 0.25, conversion: null });

  const table = w.root.locator('table', { has: w.page.locator('caption', { hasText: 'Your figures beside' }) });
  const follow = await table.locator('tbody tr').first().locator('td').allInnerTexts();
  // Sales rated "Sales follows up promptly" 5, 4, 4 (4.3 of 5) and picked "Within a week";
  // marketing 2, 2, 1 (1.7 of 5) and "Within an hour".
  assert.deepEqual(follow, [
    '30.0 hours',
    'agrees 4.3 of 5; says sales should follow up: Within a week',
    'agrees 1.7 of 5; says sales should follow up: Within an hour',
  ]);
  const accepted = await table.locator('tbody tr').nth(1).locator('td').allInnerTexts();
  assert.deepEqual(accepted, ['25 %', 'agrees 4.3 of 5', 'agrees 1.7 of 5']);

  await w.reload();
  assert.equal(await w.root.getByLabel('Average time until sales first contacts a new lead (hours)').inputValue(), '30.0');
  w.expectNoErrors();
});

test('a new round starts empty, and per area the change since the last round is shown', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Quarterly');
  await w.seedRounds('Quarterly', [round([3, 3, 3], [1, 1, 1], { started: '2026-08-03' })]);
  await w.button('Start a new round').click();
  await w.root.getByRole('button', { name: 'Yes, start a new round' }).click();
  await w.root.getByText('Round 2, started').waitFor();
  await w.root.getByText('No answers in this round yet.').waitFor();
  const stored = (await w.storedWorkshops())[0].workshop;
  assert.equal(stored.rounds.length, 2);
  assert.equal(stored.rounds[0].responses.length, 6, 'the first round is kept');

  // The second round: sales 4, 4, 4 (75) and marketing 2, 2, 2 (25): team mean 50, was 25.
  await w.seedRounds('Quarterly', [
    round([3, 3, 3], [1, 1, 1], { started: '2026-08-03' }),
    round([4, 4, 4], [2, 2, 2], { started: '2026-11-02' }),
  ]);
  const trend = w.root.locator('table', { has: w.page.locator('caption', { hasText: 'since the round started 2026-08-03' }) });
  const row = await trend.locator('tr', { has: w.page.locator('th', { hasText: 'Customer focus' }) }).locator('td').allInnerTexts();
  assert.deepEqual(row, ['+25']);
  w.expectNoErrors();
});
