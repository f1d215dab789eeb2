// The diagnosis finds what a consultant would see. The workshop file (e2e/fixtures/, written by
// tests/diagnosis.rs) has 3 sales, 3 marketing and 3 leaders. On the first four "Lead handoff &
// feedback" statements sales rate 5, 5, 1, 1 and marketing 1, 1, 5, 5; everything else is a 3.
//
// By hand: the area's means are equal (sales (100 + 100 + 0 + 0 + 50) / 5 = 50, marketing
// the same, leaders 50), so no area gap. Per statement, sales rate the first two 100 against
// marketing's 0 and marketing the next two: four gaps of 100 in opposite directions. That is
// the first finding (severity 100 + 10). Alignment index: 100 − (4 × 100³ / 40)^(1/3) =
// 100 − 46.4 = 53.6 → "54 … Connected", below Aligned; the level beside it is 50.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useApp, OUTPUT } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const FILE = new URL('../fixtures/opposite-views.json', import.meta.url);
const instrument = JSON.parse(await readFile(new URL('../../src/core/instrument/builtin.json', import.meta.url), 'utf8'));
const handoff = instrument.dimensions.find((d) => d.id === 'handoff');
const statement = (i) => handoff.statements[i].text.en;

const HEADLINE = 'Lead handoff & feedback: Sales rate some of its statements far higher than Marketing, and others far lower.';
// Each line: the statement, who is higher, both scores, and who could not judge it.
const NOBODY_UNSURE = "(Sales: 0 % can't judge; Marketing: 0 % can't judge; Leadership: 0 % can't judge)";
const EVIDENCE = [
  `Sales higher (100 vs 0): “${statement(0)}” ${NOBODY_UNSURE}`,
  `Sales higher (100 vs 0): “${statement(1)}” ${NOBODY_UNSURE}`,
  `Marketing higher (100 vs 0): “${statement(2)}” ${NOBODY_UNSURE}`,
  `Marketing higher (100 vs 0): “${statement(3)}” ${NOBODY_UNSURE}`,
];

async function imported() {
  const w = await openWorkshopPage(app);
  await w.importFile('opposite-views.json', await readFile(FILE, 'utf8'));
  await w.root.getByRole('status').filter({ hasText: 'Imported “\u2068Opposite views\u2069”.' }).waitFor();
  await w.root.getByRole('button', { name: 'Open Opposite views' }).click();
  await w.teamReport().getByRole('heading', { name: 'Alignment index' }).waitFor();
  return w;
}

async function expectFinding(scope) {
  for (const line of EVIDENCE) {
    await scope.getByText(line, { exact: true }).first().waitFor();
  }
  // The plays written for these statements, each with who acts and a first step.
  const play = instrument.dimensions.flatMap((d) => d.plays).find((p) => p.id === handoff.statements[0].plays[0]);
  await scope.getByText(play.text.en, { exact: true }).first().waitFor();
  await scope.getByText(`Who acts: ${play.who.en}`, { exact: true }).first().waitFor();
}

test('opposite views inside one area are the first finding, on screen, in the presentation and on paper', async () => {
  const w = await imported();
  const report = w.teamReport();

  // The summary: the index below Aligned, the level beside it.
  const figures = await report.locator('.samepage__overall-figure').allInnerTexts();
  assert.deepEqual(figures.map((f) => f.replace(/\s+/g, ' ')), ['54 out of 100 · Connected', '50 out of 100 · Connected']);
  // The area's row shows no gap: the means match.
  assert.deepEqual(await w.heatmapRow('Lead handoff & feedback'), ['50', '50', '50', '0']);

  // The first finding names the four statements, which group is high, which low, by how much.
  const first = report.locator('.samepage__findings > li').first();
  assert.equal(await first.locator('h4').innerText(), HEADLINE);
  await expectFinding(first);
  // The statement table shows each gap with the "Can't judge" shares beside it.
  const row = report.locator('tr', { hasText: statement(0) });
  assert.match(await row.innerText(), /100\t0\t50\t100 \(blind spot\)\tSales: 0 % can't judge; Marketing: 0 % can't judge; Leadership: 0 % can't judge/);

  // Presentation: the same finding first.
  await w.button('Present findings').click();
  const dialog = w.root.getByRole('dialog');
  await dialog.getByRole('heading', { name: /^Finding 1 of \d+$/ }).waitFor();
  assert.equal(await dialog.locator('h3').innerText(), HEADLINE);
  await expectFinding(dialog);
  await w.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // On paper: the finding and its evidence print; the controls do not.
  await w.page.emulateMedia({ media: 'print' });
  assert.equal(await w.button('Present findings').isVisible(), false);
  assert.ok(await first.locator('h4').isVisible());
  for (const line of EVIDENCE) {
    assert.ok(await first.getByText(line, { exact: true }).isVisible(), line);
  }
  await w.page.pdf({ path: `${OUTPUT}/opposite-views.pdf`, format: 'A4' });
  w.expectNoErrors();
});
