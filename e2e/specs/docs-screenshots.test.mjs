// The screenshots of docs/ (README and the facilitator's guide), made by the browser as a
// user sees the pages. They land in e2e/output/docs/; with UPDATE_SCREENSHOTS=1, in
// docs/screenshots/, to commit.
import { test } from 'node:test';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHOICES, DESKTOP, OUTPUT, PHONE, useApp } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const DOCS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : join(OUTPUT, 'docs');

async function shot(page, name) {
  await mkdir(DOCS, { recursive: true });
  // The first screenful, as a reader sees it first: small enough to keep in the repository.
  await page.screenshot({ path: join(DOCS, `${name}.png`), caret: 'initial' });
}

test('the survey and a personal scorecard', async () => {
  const phone = await app.open({ viewport: PHONE });
  await phone.start();
  await phone.chooseRole('Sales');
  await phone.next();
  await phone.answerPage((i) => ['Agree', 'Disagree', 'Strongly agree', 'Neither agree nor disagree'][i % 4]);
  await shot(phone.page, 'survey-statements-375');

  const survey = await app.open({ viewport: DESKTOP });
  await survey.start();
  await survey.chooseRole('Marketing');
  await survey.answerAllPages((page, i) => (page % 3 === 0 ? 'Disagree' : ['Agree', 'Strongly agree', 'Neither agree nor disagree'][i % 3]));
  for (const q of CHOICES) await survey.pickDefinition(q.prompt, q.options[1]);
  await survey.button('See my scorecard').click();
  await survey.root.locator('.samepage__plays').first().waitFor();
  await shot(survey.page, 'personal-scorecard-1280');
});

test('the team report', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const w = await openWorkshopPage(app, { viewport });
    const file = await readFile(new URL('../fixtures/opposite-views.json', import.meta.url), 'utf8');
    await w.importFile('opposite-views.json', file);
    await w.root.getByRole('button', { name: 'Open Opposite views' }).click();
    const report = w.root.locator('.samepage__team');
    await w.teamReport().getByRole('heading', { name: 'Alignment index' }).waitFor();
    await report.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(w.page, `team-report-${viewport.width}`);
  }
});
