// Workshop files: the JSON export imports back exactly, the CSV opens in spreadsheets, and a
// bad file is refused with its reason while nothing stored changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, INSTRUMENT, STATEMENTS, CHOICES } from '../support/survey-page.mjs';
import { openWorkshopPage, cells, compactAnswers, parseAnswers, readWorkshopFile } from '../support/workshop-page.mjs';

const app = useApp();

// The statement that offers "Not applicable here" first: process.partners_included, the 22nd.
const NA = STATEMENTS.findIndex((s) => s.notApplicable);

/** A workshop with two rounds, team labels (one that looks like a formula), facts and picks. */
async function seeded() {
  const w = await openWorkshopPage(app);
  await w.create('Files & "quotes"', { labels: 'North, =SUM(A1)', minimum: 3 });
  const mixed = cells(4);
  mixed[0] = 0;      // can't judge
  mixed[1] = null;   // unanswered
  mixed[NA] = 'n';   // not applicable
  await w.seedRounds('Files & "quotes"', [
    { started: '2026-08-01', responses: [{ role: 'sales', level: 3 }] },
    {
      started: '2026-11-02',
      facts: { follow_up_hours: 26.5, accepted_share: 0.4, conversion: null },
      responses: [
        // sales_ready option 2 is asked_for_contact, follow_up option 1 same_day.
        { role: 'sales', team: 0, cells: mixed, picks: { sales_ready: 2, follow_up: 1 }, nonce: 11 },
        // sales_ready option 0 is any_contact.
        { role: 'marketing', team: 1, level: 2, picks: { sales_ready: 0 }, nonce: 12 },
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
  const file = readWorkshopFile(exported.text);
  assert.equal(file.format, 'samepage-workshop');
  assert.equal(file.version, 3);
  assert.deepEqual(Object.keys(file.instrument), ['id', 'version', 'fingerprint']);
  assert.equal(file.instrument.version, INSTRUMENT.version);
  assert.equal(file.workshop.rounds.length, 2);
  assert.deepEqual(file.workshop.rounds.map((r) => r.questionnaire), ['2.0.0', '2.0.0']);
  assert.deepEqual(file.workshop.rounds[1].facts, { follow_up_hours: 26.5, accepted_share: 0.4, conversion: null });
  // Each round's answers are packed (read here as role / a character per statement / option indices).
  assert.equal(typeof JSON.parse(exported.text).workshop.rounds[0].responses, 'string');
  assert.equal(file.workshop.rounds[0].responses[0].answers, `sales/${'3'.repeat(40)}/${Array(10).fill('-').join(',')}`);
  assert.equal(NA, 21);
  assert.equal(
    file.workshop.rounds[1].responses[0].answers,
    `sales/0.${'4'.repeat(19)}n${'4'.repeat(18)}/-,2,1,-,-,-,-,-,-,-`,
  );

  // Delete it, then import the file: everything comes back, byte for byte.
  await w.toList();
  await w.item('Files & "quotes"').getByRole('button', { name: 'Delete', exact: true }).click();
  await w.root.getByRole('button', { name: 'Yes, delete it' }).click();
  assert.deepEqual(await w.workshopKeys(), []);
  await w.importFile(exported.name, exported.text);
  await w.root.getByRole('status').filter({ hasText: 'Imported “\u2068Files & "quotes"\u2069”.' }).waitFor();
  await w.root.getByRole('button', { name: 'Open Files & "quotes"' }).click();
  const again = await w.download('Download workshop (JSON)');
  assert.equal(again.text, exported.text);

  // The same file again is refused: that workshop is already here.
  await w.toList();
  const before = await w.storedWorkshops();
  await w.importFile('again.json', exported.text);
  await w.expectAlert('“\u2068again.json\u2069” was not imported: this workshop is already on this device as “\u2068Files & "quotes"\u2069”.');
  assert.deepEqual(await w.storedWorkshops(), before);
  w.expectNoErrors();
});

test('a damaged, foreign or newer file is refused with its reason and nothing changes', async () => {
  const w = await seeded();
  const { text } = await w.download('Download workshop (JSON)');
  await w.toList();
  const before = await w.storedWorkshops();
  const file = readWorkshopFile(text);

  const cut = structuredClone(file);
  cut.workshop.id = 99;
  const short = parseAnswers(cut.workshop.rounds[1].responses[1].answers);
  short.cells.pop();
  cut.workshop.rounds[1].responses[1].answers = compactAnswers(short.role, short.cells, short.picks);
  await w.importFile('cut.json', JSON.stringify(cut));
  await w.expectAlert('“\u2068cut.json\u2069” was not imported: this file is damaged: round 2, response 2: 39 answers, expected 40. Nothing on this device was changed.');

  // A field of the wrong kind is named in plain words, never with a parser's message.
  const broken = structuredClone(file);
  broken.workshop.id = 97;
  broken.workshop.rounds[0].responses[0].answers = 42;
  await w.importFile('broken.json', JSON.stringify(broken));
  await w.expectAlert('“\u2068broken.json\u2069” was not imported: this file is damaged: a field is missing or holds the wrong kind of value. Nothing on this device was changed.');

  const newer = { ...file, version: 4 };
  await w.importFile('newer.json', JSON.stringify(newer));
  await w.expectAlert('this file was made by a newer version of SamePage (file version 4)');

  const foreign = structuredClone(file);
  foreign.workshop.id = 98;
  foreign.instrument.version = '9.0.0';
  await w.importFile('foreign.json', JSON.stringify(foreign));
  await w.expectAlert("this file's answers belong to a questionnaire this version of SamePage does not have (\u2068samepage-core\u2069 \u20689.0.0\u2069)");

  await w.importFile('notes.json', 'meeting notes, not a workshop');
  await w.expectAlert('“\u2068notes.json\u2069” was not imported: this is not a SamePage workshop file.');

  // A good file this device will not store (storage full) is refused, not 'imported' and
  // then gone after a reload.
  const good = structuredClone(file);
  good.workshop.id = 96;
  good.workshop.name = 'Does not fit';
  await w.refuseWorkshopWrites();
  await w.importFile('full.json', JSON.stringify(good));
  await w.expectAlert('“\u2068full.json\u2069” was not imported: it needs 0.1 MB of this browser\'s storage, and the browser would not store it (QuotaExceededError). SamePage\'s data here already takes 0.1 MB, and browsers keep about 5 MB for a site. Nothing on this device was changed.');
  assert.equal(await w.items().filter({ hasText: 'Does not fit' }).count(), 0, 'not listed');
  await w.allowWrites();

  assert.deepEqual(await w.storedWorkshops(), before, 'nothing stored changed');

  // A file's or a workshop's name in these sentences comes from outside: a right-to-left
  // override in it stays between isolates (the text form of <bdi>), so it cannot reorder
  // the sentence around it.
  await w.importFile('report\u202Enosj.txt', 'meeting notes, not a workshop');
  await w.expectAlert('“\u2068report\u202Enosj.txt\u2069” was not imported: this is not a SamePage workshop file.');
  const spoof = structuredClone(file);
  spoof.workshop.id = 95;
  spoof.workshop.name = 'Q3\u202E review';
  await w.importFile('spoof.json', JSON.stringify(spoof));
  await w.root.getByRole('status').filter({ hasText: 'Imported “\u2068Q3\u202E review\u2069”.' }).waitFor();
  w.expectNoErrors();
});

test('the responses as CSV: one row per respondent, one column per statement, quoted for spreadsheets', async () => {
  const w = await seeded();
  // The first round's lone respondent is below the minimum, so the report hides them; the
  // second round's three roles are shown only together, as "Others". The file of shown
  // groups leaves the hidden row out and writes the folded ones as "others", without their
  // teams; the file of every row is asked for first.
  const shownOnly = await w.download('Download answers of shown groups (CSV)');
  assert.equal(shownOnly.name, 'samepage-files-quotes-shown-groups.csv');
  const shownRows = shownOnly.text.slice(1).split('\r\n').slice(1, -1);
  assert.deepEqual(shownRows.map((row) => row.split(',').slice(0, 6).join(',')), [
    '2,"2026-11-02","2.0.0",1,"others",""',
    '2,"2026-11-02","2.0.0",2,"others",""',
    '2,"2026-11-02","2.0.0",3,"others",""',
  ]);
  await w.button('Download answers (CSV)').click();
  await w.root.getByRole('alertdialog').getByText('whoever gets the file could pick those people out').waitFor();
  const csv = await w.download('Yes, download every row');
  assert.equal(csv.name, 'samepage-files-quotes.csv');
  assert.ok(csv.text.startsWith('\uFEFF'), 'a UTF-8 byte order mark, for Excel');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');
  const [header, ...rows] = lines.slice(0, -1);
  const columns = header.split(',');
  // 6 leading columns, 40 statements, 10 choice questions.
  assert.equal(columns.length, 6 + 40 + 10);
  assert.deepEqual(columns.slice(0, 6), ['"round"', '"started"', '"questionnaire"', '"respondent"', '"role"', '"team"']);
  assert.deepEqual(columns.slice(6, 46), STATEMENTS.map((st) => `"${st.id}"`));
  assert.equal(columns[6], '"strategy.plan_say"');
  assert.deepEqual(columns.slice(-10), ['lead', 'sales_ready', 'follow_up', 'collateral', 'conversion', 'insight_owner',
    'gtm_owner', 'early_journey_owner', 'after_sale_owner', 'metric_owner'].map((id) => `"${id}"`));
  assert.deepEqual(columns.slice(-10), CHOICES.map((q) => `"${q.id}"`));
  assert.equal(rows.length, 4, 'one row per respondent of every round');
  const round1 = ['1', '"2026-08-01"', '"2.0.0"'];
  const round2 = ['2', '"2026-11-02"', '"2.0.0"'];
  assert.equal(rows[0], [...round1, '1', '"sales"', '""', ...Array(40).fill('3'), ...Array(10).fill('')].join(','));
  // Can't judge, unanswered, 19 × 4, not applicable (the 22nd), 18 × 4; then lead unanswered,
  // sales_ready asked_for_contact, follow_up same_day and 7 more unanswered.
  assert.equal(rows[1], [...round2, '1', '"sales"', '"North"', '"cant_judge"', '', ...Array(19).fill('4'), '"not_applicable"',
    ...Array(18).fill('4'), '', '"asked_for_contact"', '"same_day"', ...Array(7).fill('')].join(','));
  assert.equal(rows[2], [...round2, '2', '"marketing"', `"'=SUM(A1)"`, ...Array(40).fill('2'), '', '"any_contact"', ...Array(8).fill('')].join(','), 'a formula-like label is defused');
  assert.equal(rows[3], [...round2, '3', '"leadership"', '""', ...Array(40).fill('5'), ...Array(10).fill('')].join(','));
  assert.equal(rows[3].split(',').length, 56);
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
  assert.ok(await w.teamReport().locator('.samepage__chart .samepage__cell').first().isVisible());
  await w.root.getByRole('heading', { name: 'Facts beside beliefs' }).waitFor();
  await w.page.pdf({ path: new URL('../output/team-report.pdf', import.meta.url).pathname, format: 'A4' });
  w.expectNoErrors();
});
