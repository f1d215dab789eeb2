// A company-wide roll-out: a workshop of 100,000 responses imported from a file (written the
// way files were before responses were packed), stored, and still whole after a reload; a
// file too big for this browser's storage is refused before anything changes, with the sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage, cells, compactAnswers, picks } from '../support/workshop-page.mjs';

const app = useApp();
const ROLES = ['sales', 'marketing', 'leadership', 'other'];

/**
 * A workshop file of `count` responses in the object form of version 2 files (about 130
 * characters each), made from an exported workshop so its questionnaire stamp is right.
 */
async function bigFile(w, count, id) {
  await w.create('Template');
  const template = JSON.parse((await w.download('Download workshop (JSON)')).text);
  await w.toList();
  template.version = 2;
  template.workshop.id = id;
  template.workshop.name = `Roll-out of ${count}`;
  const none = picks();
  template.workshop.rounds[0].responses = Array.from({ length: count }, (_, i) => ({
    nonce: i + 1,
    team: null,
    answers: compactAnswers(ROLES[i % 4], cells(1 + (i % 5)), none),
    source: 'code',
  }));
  return JSON.stringify(template);
}

/** Records every text the "Importing …" status shows, however briefly. */
async function watchBusyStatus(w) {
  await w.page.evaluate(() => {
    // The workshop page renders into the page itself (the embed, into a shadow root).
    const root = document.querySelector('[data-samepage]');
    window.busyTexts = [];
    new MutationObserver(() => {
      for (const el of root.querySelectorAll('.samepage__busy')) window.busyTexts.push(el.textContent);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
}

test('a workshop of 100,000 responses is imported, stored packed, and whole after a reload', async () => {
  const w = await openWorkshopPage(app);
  const text = await bigFile(w, 100_000, 4242);
  assert.ok(text.length > 12_000_000, `${text.length} characters in the file`);
  await watchBusyStatus(w);
  await w.importFile('roll-out.json', text);
  await w.root.getByRole('status').filter({ hasText: 'Imported “\u2068Roll-out of 100000\u2069”.' }).waitFor({ timeout: 30_000 });
  // The page said what it was doing while it could not answer.
  const busy = await w.page.evaluate(() => window.busyTexts);
  assert.ok(busy.includes(`Importing “\u2068roll-out.json\u2069” (${(text.length / 1e6).toFixed(1)} MB)… A large file takes a few seconds.`), busy.join('\n'));
  assert.deepEqual(await w.root.locator('.samepage__busy').allInnerTexts(), [''], 'the status empties once imported');

  // Stored packed: 22 bytes a response here (no choice picked), 2.9 million characters, inside
  // the 5.2 million Chromium keeps for a site.
  const key = 'samepage:ws-00001092:workshop';
  const stored = await w.stored(key);
  assert.ok(stored.length < 3_000_000, `${stored.length} characters stored`);
  assert.equal(JSON.parse(stored).version, 3);

  await w.reload();
  await w.root.getByRole('button', { name: 'Open Roll-out of 100000' }).click();
  await w.root.getByText(/answers: 100000/).first().waitFor({ timeout: 30_000 });
  const [file] = (await w.storedWorkshops()).filter((f) => f.workshop.id === 4242);
  const responses = file.workshop.rounds[0].responses;
  assert.equal(responses.length, 100_000);
  assert.deepEqual(responses[99_999], {
    nonce: 100_000,
    team: null,
    answers: compactAnswers('other', cells(5), picks()),
    source: 'code',
  });
  w.expectNoErrors();
});

test('a file too big for this browser is refused with the sizes, and nothing changes', async () => {
  const w = await openWorkshopPage(app);
  const text = await bigFile(w, 200_000, 4343);
  const before = await w.storedWorkshops();
  await w.importFile('too-big.json', text);
  // 200,000 records of 22 bytes (no choice picked: a bit each), in base64url.
  await w.root.getByRole('alert').filter({ hasText: '“\u2068too-big.json\u2069” was not imported: it needs 5.9 MB of this browser\'s storage, and the browser would not store it (QuotaExceededError).' }).waitFor({ timeout: 30_000 });
  await w.expectAlert('SamePage\'s data here already takes 0.1 MB, and browsers keep about 5 MB for a site. Nothing on this device was changed.');
  assert.deepEqual(await w.storedWorkshops(), before);
  await w.reload();
  assert.deepEqual(await w.storedWorkshops(), before);
  assert.equal(await w.root.getByRole('button', { name: 'Open Roll-out of 200000' }).count(), 0);
  w.expectNoErrors();
});
