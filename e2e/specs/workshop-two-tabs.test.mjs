// One workshop open in two tabs of the same browser: a figure saved in one is not wiped by a
// later save in the other, and clearing the storage in one is said in the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage, WorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const HOURS = 'Average time until sales first contacts a new lead (hours)';
const ACCEPTED = "Share of marketing's leads that sales accepts (%)";

/** A second tab of `w`'s browser on the same screen. */
async function secondTab(w) {
  const page = await w.page.context().newPage();
  const other = new WorkshopPage(page, w.url, []);
  await page.goto(w.page.url());
  await other.root.locator('h2').first().waitFor();
  return other;
}

test('a figure saved in one tab survives a later save of another figure in a tab opened earlier', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Two tabs');
  await w.root.getByLabel(HOURS).waitFor();
  const other = await secondTab(w);

  await other.root.getByLabel(HOURS).fill('26');
  await other.button('Save figures').click();
  await other.root.getByText('Figures saved.').waitFor();

  // The first tab's form opened before that save, with every field empty.
  assert.equal(await w.root.getByLabel(HOURS).inputValue(), '');
  await w.root.getByLabel(ACCEPTED).fill('40');
  await w.button('Save figures').click();
  await w.root.getByText('Figures saved.').waitFor();
  const [file] = await w.storedWorkshops();
  assert.deepEqual(file.workshop.rounds[0].facts, { follow_up_hours: 26, accepted_share: 0.4, conversion: null });
  // The form now shows what is stored, the other tab's figure included.
  assert.equal(await w.root.getByLabel(HOURS).inputValue(), '26.0');
  w.expectNoErrors();
});

test('clearing the storage in another tab is said here, and nothing is written back by itself', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Cleared elsewhere');
  const other = await secondTab(w);
  await other.page.evaluate(() => localStorage.clear());

  await w.root.getByText(/^Another tab cleared SamePage's storage in this browser\. The workshops on this page are no longer stored/).waitFor();
  await w.expectHeading('Cleared elsewhere');
  await w.page.waitForTimeout(300);
  assert.deepEqual(await w.storageKeys(), [], 'what was cleared does not come back');
  w.expectNoErrors();
});
