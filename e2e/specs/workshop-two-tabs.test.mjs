// One workshop open in two tabs of the same browser: a figure saved in one is not wiped by a
// later save in the other, not even when the two saves cross (neither tab has heard of the
// other's), a later change is never brought back, a deletion stays deleted, and clearing the
// storage in one is said in the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage, WorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();
const HOURS = 'Average time until sales first contacts a new lead (hours)';
const ACCEPTED = "Share of marketing's leads that sales accepts (%)";

/**
 * A second tab of `w`'s browser on the same screen. A `deaf` tab does not hear the other
 * tab's writes (its `storage` events are held back) until `hearAgain(tab)`: two writes that
 * cross, as they do when two tabs save within the same instant.
 */
async function secondTab(w, { deaf = false } = {}) {
  const page = await w.page.context().newPage();
  if (deaf) {
    await page.addInitScript(() => {
      const held = [];
      let holding = true;
      window.addEventListener('storage', (event) => {
        if (!holding) return;
        event.stopImmediatePropagation();
        held.push(event);
      }, true);
      window.samepageHearAgain = () => {
        holding = false;
        for (const e of held.splice(0)) {
          window.dispatchEvent(new StorageEvent('storage', {
            key: e.key, oldValue: e.oldValue, newValue: e.newValue, url: e.url, storageArea: e.storageArea,
          }));
        }
      };
    });
  }
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

/** The stored figures of the first round, once both tabs have settled. */
async function settledFacts(w) {
  await w.page.waitForTimeout(300);
  const [file] = await w.storedWorkshops();
  return file.workshop.rounds[0].facts;
}

async function saveFigure(tab, label, value) {
  await tab.root.getByLabel(label).fill(value);
  await tab.button('Save figures').click();
  await tab.root.getByText('Figures saved.').waitFor();
}

test('two figures saved at the same instant in two tabs are both kept, in storage and after a reload', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Crossing saves');
  await w.root.getByLabel(HOURS).waitFor();
  const other = await secondTab(w, { deaf: true });

  await saveFigure(w, HOURS, '26');
  // The other tab has not heard of it: its save is built on the copy before, and for a
  // moment storage holds only its figure.
  await saveFigure(other, ACCEPTED, '40');
  await other.page.evaluate(() => window.samepageHearAgain());

  assert.deepEqual(await settledFacts(w), { follow_up_hours: 26, accepted_share: 0.4, conversion: null });
  for (const tab of [w, other]) {
    await tab.reload();
    await tab.root.getByLabel(HOURS).waitFor();
    assert.equal(await tab.root.getByLabel(HOURS).inputValue(), '26.0');
    assert.equal(await tab.root.getByLabel(ACCEPTED).inputValue(), '40.0');
  }
  w.expectNoErrors();
  other.expectNoErrors();
});

test('a figure changed in one tab after hearing of the other tab\'s is not brought back', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Later change');
  await w.root.getByLabel(HOURS).waitFor();
  const other = await secondTab(w);

  await saveFigure(w, HOURS, '26');
  await other.page.waitForTimeout(200);
  await saveFigure(other, HOURS, '30');

  assert.equal((await settledFacts(w)).follow_up_hours, 30);
  await w.reload();
  await w.root.getByLabel(HOURS).waitFor();
  assert.equal(await w.root.getByLabel(HOURS).inputValue(), '30.0');
  w.expectNoErrors();
});

test('a workshop deleted in one tab stays deleted when a tab that had not heard of it saves it', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Deleted here');
  await w.root.getByLabel(HOURS).waitFor();
  const other = await secondTab(w, { deaf: true });

  await w.toList();
  await w.item('Deleted here').getByRole('button', { name: 'Delete', exact: true }).click();
  await w.root.getByRole('button', { name: 'Yes, delete it' }).click();
  await w.root.getByText('No workshops yet.').waitFor();
  await saveFigure(other, HOURS, '12');
  await other.page.evaluate(() => window.samepageHearAgain());

  await w.page.waitForTimeout(300);
  assert.deepEqual(await w.workshopKeys(), [], 'not written back');
  await other.expectHeading('Workshop not found');
  await other.reload();
  await other.expectHeading('Workshop not found');
  w.expectNoErrors();
  other.expectNoErrors();
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
