// Every view of the workshop page at phone and desktop width: an axe-core audit with zero
// violations, no sideways scrolling, and a full-page screenshot in e2e/output/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, PHONE, DESKTOP, SCALE } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

const people = (role, team, levels) => levels.map((level) => ({
  role, team, level, picks: { sales_ready: role === 'sales' ? 2 : 1, follow_up: 1 },
}));

/** A workshop with answers from 9 people (North 7, South 2), leadership and other folded. */
async function withAnswers(w) {
  await w.create('Autumn workshop', { labels: 'North, South' });
  await w.seedRounds('Autumn workshop', [{
    responses: [...people('sales', 0, [5, 4, 4]), ...people('marketing', 0, [2, 2, 1]),
      ...people('leadership', 1, [3, 4]), ...people('other', 0, [3])],
  }]);
}

async function joinLinkOf(app) {
  const w = await openWorkshopPage(app);
  await w.create('Autumn workshop', { labels: 'North, South' });
  const link = await w.joinLink();
  await w.page.context().close();
  return link.slice(link.indexOf('#'));
}

/** Each view: a name and how to reach it from a fresh workshop page (or a participant's). */
const VIEWS = [
  ['workshop-list-empty', async () => {}],
  ['workshop-create-refused', async (w) => { await w.create('x', { minimum: 1, refused: true }); await w.root.getByRole('alert').waitFor(); }],
  ['workshop-list', async (w) => {
    await w.create('Autumn workshop'); await w.toList(); await w.create('Winter workshop'); await w.toList();
    await w.root.getByRole('button', { name: 'Archive Winter workshop' }).click();
    await w.root.getByRole('button', { name: 'Rename Autumn workshop' }).click();
  }],
  ['workshop-delete-confirm', async (w) => {
    await w.create('Autumn workshop'); await w.toList();
    await w.root.getByRole('button', { name: 'Delete', exact: true }).click();
  }],
  ['workshop-empty', async (w) => { await w.create('Autumn workshop', { labels: 'North, South' }); }],
  ['workshop-team-scorecard', async (w) => { await withAnswers(w); }],
  ['workshop-filter-refused', async (w) => {
    await withAnswers(w);
    await w.root.getByLabel('Show answers of').selectOption({ label: 'South' });
    await w.button('Show').click();
    await w.root.getByRole('alert').waitFor();
  }],
  ['workshop-paste-report', async (w) => {
    await w.create('Autumn workshop');
    await w.pasteCodes(`SP2.broken\nSP2.${'A'.repeat(51)}`);
    await w.importReport().waitFor();
  }],
  ['workshop-presentation', async (w) => {
    await withAnswers(w);
    await w.button('Present findings').click();
    await w.root.getByRole('dialog').waitFor();
  }],
  ['workshop-facts', async (w) => {
    await withAnswers(w);
    await w.root.getByLabel('Average time until sales first contacts a new lead (hours)').fill('30');
    await w.button('Save figures').click();
    await w.root.getByText('Figures saved.').waitFor();
  }],
  ['workshop-pass-team', async (w) => {
    await w.create('Autumn workshop', { labels: 'North, South' }); await w.startPassing(); await w.start();
    await w.root.getByRole('group', { name: /^Which team are you in\?/ }).waitFor();
  }],
  ['workshop-pass-statements', async (w) => {
    await w.create('Autumn workshop'); await w.startPassing(); await w.start(); await w.chooseRole('Sales'); await w.next();
    await w.expectHeading('Shared strategy & planning');
  }],
  ['workshop-handover', async (w) => {
    await w.create('Autumn workshop'); await w.startPassing();
    await w.takeTurn({ role: 'Sales', level: SCALE[3], salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week' });
    await w.expectHeading('Thank you: your answers are in');
  }],
  ['join-welcome', async (w, app) => {
    await w.goto(await joinLinkOf(app));
    await w.root.getByText('Workshop “\u2068Autumn workshop\u2069”: at the end you get a code').waitFor();
  }],
  // The participant link as it is now: the survey page (the old form above still works).
  ['participant-role-team', async (w, app) => {
    await w.page.goto(app.server.url + (await joinLinkOf(app)));
    await w.start();
    await w.root.getByRole('group', { name: /^Which team are you in\?/ }).waitFor();
  }],
  ['participant-code', async (w, app) => {
    await w.page.goto(app.server.url + (await joinLinkOf(app)));
    await w.takeJoinedSurvey({ team: 'North', role: 'Sales', level: SCALE[3], salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week' });
  }],
  ['join-code', async (w, app) => {
    await w.goto(await joinLinkOf(app));
    await w.takeJoinedSurvey({ team: 'South', role: 'Marketing', level: SCALE[1], salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week' });
  }],
  ['join-bad-link', async (w) => { await w.goto('#join=00abcdef&v=7.0.0&n=x&t='); await w.expectHeading('This workshop link cannot be used'); }],
];

for (const viewport of [PHONE, DESKTOP]) {
  for (const [name, reach] of VIEWS) {
    test(`${name} at ${viewport.width}px: no axe violations, screenshot kept`, async () => {
      const w = await openWorkshopPage(app, { viewport });
      await reach(w, app);
      await w.expectAccessible(`${name} at ${viewport.width}px`);
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
      await w.screenshot(name);
      w.expectNoErrors();
    });
  }
}
