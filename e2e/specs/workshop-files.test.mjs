// Workshop files: the JSON export imports back exactly, the CSV opens in spreadsheets, and a
// bad file is refused with its reason while nothing stored changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage, cells } from '../support/workshop-page.mjs';

const app = useApp();

/** A workshop with two rounds, team labels (one that looks like a formula), facts and picks. */
async function seeded() {
  const w = await openWorkshopPage(app);
  await w.create('Files & "quotes"', { labels: 'North, =SUM(A1)', minimum: 3 });
  const mixed = cells(4);
  mixed[0] = 0;      // can't judge
  mixed[1] = null;   // unanswered
  await w.seedRounds('Files & "quotes"', [
    { started: '2026-08-01', responses: [{ role: 'sales', level: 3 }] },
    {
      started: '2026-11-02',
      facts: { follow_up_hours: 26.5, accepted_share: 0.4, conversion: null },
      responses: [
        { role: 'sales', team: 0, cells: mixed, picks: [2, 1], nonce: 11 },
        { role: 'marketing', team: 1, level: 2, picks: [0, null], nonce: 12 },
        { role: 'leadership', level: 5, nonce: 13 },
      ],
    },
  ]);
  return w;
}

test('a workshop exported as JSON and imported again is exactly the same', async () => {
  const w = await seeded();
  await w.expectHeading('Files & "quotes"');
  const exported = await w.download('Download workshop (JSON)');
  assert.equal(exported.name, 'samepage-files-quotes.json');
  const file = JSON.parse(exported.text);
  assert.equal(file.format, 'samepage-workshop');
  assert.equal(file.version, 1);
  assert.deepEqual(Object.keys(file.instrument), ['id', 'version', 'fingerprint']);
  assert.equal(file.workshop.rounds.length, 2);
  assert.deepEqual(file.workshop.rounds[1].facts, { follow_up_hours: 26.5, accepted_share: 0.4, conversion: null });

  // Delete it, then import the file: everything comes back, byte for byte.
  await w.toList();
  await w.item('Files & "quotes"').getByRole('button', { name: 'Delete', exact: true }).click();
  await w.root.getByRole('button', { name: 'Yes, delete it' }).click();
  assert.deepEqual(await w.workshopKeys(), []);
  await w.importFile(exported.name, exported.text);
  await w.root.getByRole('status').filter({ hasText: 'Imported “Files & "quotes"”.' }).waitFor();
  await w.root.getByRole('button', { name: 'Open Files & "quotes"' }).click();
  const again = await w.download('Download workshop (JSON)');
  assert.equal(again.text, exported.text);

  // The same file again is refused: that workshop is already here.
  await w.toList();
  const before = await w.storedWorkshops();
  await w.importFile('again.json', exported.text);
  await w.expectAlert('“again.json” was not imported: this workshop is already on this device as “Files & "quotes"”.');
  assert.deepEqual(await w.storedWorkshops(), before);
  w.expectNoErrors();
});

test('a damaged, foreign or newer file is refused with its reason and nothing changes', async () => {
  const w = await seeded();
  const { text } = await w.download('Download workshop (JSON)');
  await w.toList();
  const before = await w.storedWorkshops();
  const file = JSON.parse(text);

  const cut = structuredClone(file);
  cut.workshop.id = 99;
  cut.workshop.rounds[1].responses[1].answers.cells.pop();
  await w.importFile('cut.json', JSON.stringify(cut));
  await w.expectAlert('“cut.json” was not imported: this file is damaged: round 2, response 2: 41 answers, expected 42. Nothing on this device was changed.');

  const newer = { ...file, version: 2 };
  await w.importFile('newer.json', JSON.stringify(newer));
  await w.expectAlert('this file was made by a newer version of SamePage (file version 2)');

  const foreign = structuredClone(file);
  foreign.workshop.id = 98;
  foreign.instrument.version = '9.0.0';
  await w.importFile('foreign.json', JSON.stringify(foreign));
  await w.expectAlert("this file's answers belong to another questionnaire (samepage-core 9.0.0)");

  await w.importFile('notes.json', 'meeting notes, not a workshop');
  await w.expectAlert('“notes.json” was not imported: this is not a SamePage workshop file.');

  assert.deepEqual(await w.storedWorkshops(), before, 'nothing stored changed');
  w.expectNoErrors();
});

test('the responses as CSV: one row per respondent, one column per statement, quoted for spreadsheets', async () => {
  const w = await seeded();
  const csv = await w.download('Download answers (CSV)');
  assert.equal(csv.name, 'samepage-files-quotes.csv');
  assert.ok(csv.text.startsWith('\uFEFF'), 'a UTF-8 byte order mark, for Excel');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');
  const [header, ...rows] = lines.slice(0, -1);
  const columns = header.split(',');
  assert.equal(columns.length, 5 + 42 + 2);
  assert.deepEqual(columns.slice(0, 6), ['"round"', '"started"', '"respondent"', '"role"', '"team"', '"strategy.joint_plan"']);
  assert.deepEqual(columns.slice(-2), ['"sales_ready"', '"follow_up"']);
  assert.equal(rows.length, 4, 'one row per respondent of every round');
  assert.equal(rows[0], ['1', '"2026-08-01"', '1', '"sales"', '""', ...Array(42).fill('3'), '', ''].join(','));
  assert.equal(rows[1], ['2', '"2026-11-02"', '1', '"sales"', '"North"', '"cant_judge"', '', ...Array(40).fill('4'), '"asked_for_contact"', '"same_day"'].join(','));
  assert.equal(rows[2], ['2', '"2026-11-02"', '2', '"marketing"', `"'=SUM(A1)"`, ...Array(42).fill('2'), '"any_contact"', ''].join(','), 'a formula-like label is defused');
  assert.equal(rows[3].split(',').length, 49);
  w.expectNoErrors();
});

test('the printable team report leaves out every control and keeps the scorecard', async () => {
  const w = await seeded();
  await w.page.emulateMedia({ media: 'print' });
  for (const control of ['Start passing this device', 'Import codes', 'Present findings', 'Save figures', 'Download workshop (JSON)', '← All workshops']) {
    assert.equal(await w.button(control).isVisible(), false, `${control} is not printed`);
  }
  assert.equal(await w.root.getByLabel('Link for participants').isVisible(), false);
  await w.teamReport().getByRole('heading', { name: 'Alignment index' }).waitFor();
  assert.ok(await w.teamReport().locator('svg[role="img"]').first().isVisible());
  await w.root.getByRole('heading', { name: 'Facts beside beliefs' }).waitFor();
  await w.page.pdf({ path: new URL('../output/team-report.pdf', import.meta.url).pathname, format: 'A4' });
  w.expectNoErrors();
});
