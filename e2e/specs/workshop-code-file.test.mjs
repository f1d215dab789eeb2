// A company roll-out without our server: the intranet page posted every participant's code to
// a list, and the facilitator imports the list's export as a file. The file (written by
// tests/diagnosis.rs) holds 10,000 codes for the "Company roll-out" workshop, 10 rows sent
// twice and 2 codes damaged in transit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url));

async function rollOut() {
  const w = await openWorkshopPage(app);
  await w.importFile('roll-out.json', (await fixture('roll-out.json')).toString('utf8'));
  await w.root.getByRole('status').filter({ hasText: 'Imported “\u2068Company roll-out\u2069”.' }).waitFor();
  await w.root.getByRole('button', { name: 'Open Company roll-out' }).click();
  await w.expectHeading('Company roll-out');
  return w;
}

const codesFile = (w) => w.root.getByLabel(/^Or import a file of codes/);

test('a file of 10,000 codes: all in, a code sent twice counted once, the damaged ones named', async () => {
  const w = await rollOut();
  const started = Date.now();
  await codesFile(w).setInputFiles({ name: 'intranet-list.csv', mimeType: 'text/csv', buffer: await fixture('roll-out-codes.csv') });
  await w.importReport().waitFor({ timeout: 30_000 });
  console.log(`10,000-code file imported and shown in ${Date.now() - started} ms (timed by scripts/bench)`);
  assert.deepEqual(await w.importReport().locator('p').allInnerTexts(), [
    '10000 added, 0 updated, 10 already here, 2 refused.',
    // Codes can be forged: one text that brings many answers asks for a check.
    '10000 answers came in at once. If they did not each come from a different participant, some may have been made up: check with the group before you present the results.',
  ]);
  await w.root.getByText('Answers in this round: 0 given on this device, 10000 from response codes.').waitFor();
  // Only the refused codes are listed one by one; both stay in the box to correct.
  const listed = w.importReport().locator('li');
  assert.equal(await listed.count(), 2);
  assert.match(await listed.nth(0).innerText(), /^Code 10011 .*refused/);
  assert.equal((await w.root.getByLabel(/^Response codes/).inputValue()).split('\n').length, 2);

  // Stored, and still there after a reload.
  await w.reload();
  const [stored] = await w.storedWorkshops();
  assert.equal(stored.workshop.rounds.at(-1).responses.length, 10_000);
  w.expectNoErrors();
});

test('a file without a single code says so and changes nothing', async () => {
  const w = await rollOut();
  const before = await w.storedWorkshops();
  await codesFile(w).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('no codes here\n') });
  await w.expectAlert('No response code was found in \u2068notes.txt\u2069. Nothing was imported.');
  assert.deepEqual(await w.storedWorkshops(), before);
});
