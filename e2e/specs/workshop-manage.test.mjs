// A facilitator's workshops: create, several side by side, rename, archive, delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../support/survey-page.mjs';
import { openWorkshopPage } from '../support/workshop-page.mjs';

const app = useApp();

test('a workshop is created from a name, team labels and a minimum, and kept in its own namespace', async () => {
  const w = await openWorkshopPage(app);
  await w.expectHeading('Your workshops');
  await w.root.getByText('No workshops yet.').waitFor();
  await w.create('Kick-off Berlin', { labels: ' North, South,, North ', minimum: 4 });
  await w.root.getByText('Round 1, started').filter({ hasText: 'groups shown from 4 people · teams: \u2068North\u2069, \u2068South\u2069' }).waitFor();
  assert.match(w.page.url(), /#workshop=[0-9a-f]{8}$/);

  await w.toList();
  await w.create('Kick-off Munich');
  const stored = await w.storedWorkshops();
  assert.equal(stored.length, 2, 'two workshops, two namespaces');
  const berlin = stored.find((f) => f.workshop.name === 'Kick-off Berlin').workshop;
  assert.deepEqual(berlin.team_labels, ['North', 'South']);
  assert.equal(berlin.minimum, 4);
  assert.equal(stored.find((f) => f.workshop.name === 'Kick-off Munich').workshop.minimum, 3, 'default minimum');
  const keys = await w.workshopKeys();
  assert.equal(new Set(keys).size, 2);

  await w.reload();
  await w.expectHeading('Kick-off Munich');
  await w.toList();
  assert.equal(await w.items().count(), 2);
  w.expectNoErrors();
});

test('a minimum below 3, a missing name or too many or too long team labels are refused and nothing is stored', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Too small', { minimum: 2, refused: true });
  await w.expectAlert('The anonymity minimum must be 3 or more');
  await w.root.getByLabel('Anonymity minimum').fill('3');
  await w.root.getByLabel('Name', { exact: true }).fill('   ');
  await w.button('Create workshop').click();
  await w.expectAlert('Please give the workshop a name.');
  await w.create('Labels', { labels: `North, ${'x'.repeat(41)}`, refused: true });
  await w.expectAlert('A team label can have at most 40 characters.');
  await w.create('Labels', { labels: Array.from({ length: 51 }, (_, i) => `T${i}`).join(','), refused: true });
  await w.expectAlert('Give at most 50 team labels.');
  // The minimum honours its own maximum, and must be a number.
  await w.root.getByLabel('Team labels (optional)').fill('');
  await w.create('Too large', { minimum: 51, refused: true });
  await w.expectAlert('The anonymity minimum can be at most 50');
  await w.create('Not a number', { minimum: '4.5', refused: true });
  await w.expectAlert('The anonymity minimum must be a whole number');
  assert.deepEqual(await w.workshopKeys(), []);
  w.expectNoErrors();
});

test('labels that make the link too long for a QR code are said while typing, and the dashboard says why it has no QR code', async () => {
  const w = await openWorkshopPage(app);
  // 50 labels of 40 characters, their spaces percent-encoded: a link of about 4,000 bytes.
  const labels = Array.from({ length: 50 }, (_, i) => `Region ${i} team with a long name here`.slice(0, 40)).join(', ');
  await w.root.getByLabel('Team labels (optional)').fill(labels);
  await w.root.getByRole('status').filter({ hasText: 'more than a QR code holds (2331)' }).waitFor();
  await w.create('Long labels', { labels });
  await w.root.getByRole('note').filter({ hasText: /^No QR code: the link is \d+ characters long, more than a QR code holds \(2331\)/ }).waitFor();
  assert.equal(await w.root.locator('.samepage__qr').count(), 0);
  w.expectNoErrors();
});

/** Waits until keyboard focus is on the control named `label` (its aria-label). */
async function focusOn(w, label) {
  await w.page
    .waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, label, { timeout: 3000 })
    .catch(async () => {
      const focused = await w.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
      assert.fail(`focus is not on “${label}” but on ${focused}`);
    });
}

test('a workshop can be renamed, archived and restored, focus staying on its controls, and deleted after confirming', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Spring review');
  await w.toList();

  await w.root.getByRole('button', { name: 'Rename Spring review' }).click();
  await w.root.getByLabel('New name').fill('Spring review 2027');
  await w.button('Save').click();
  await w.item('Spring review 2027').waitFor();
  assert.equal((await w.storedWorkshops())[0].workshop.name, 'Spring review 2027');
  // Focus lands where the keyboard user was, never on the page's body.
  await focusOn(w, 'Rename Spring review 2027');
  await w.page.keyboard.press('Enter');
  await w.root.getByLabel('New name').waitFor();
  await w.button('Cancel').click();
  await focusOn(w, 'Rename Spring review 2027');

  await w.root.getByRole('button', { name: 'Archive Spring review 2027' }).click();
  await w.root.getByRole('heading', { name: 'Archived workshops' }).waitFor();
  await w.root.getByText('No workshops yet.').waitFor();
  assert.equal((await w.storedWorkshops())[0].workshop.archived, true);
  await focusOn(w, 'Restore Spring review 2027');
  await w.page.keyboard.press('Enter');
  await w.root.getByRole('heading', { name: 'Archived workshops' }).waitFor({ state: 'detached' });
  assert.equal((await w.storedWorkshops())[0].workshop.archived, false);
  await focusOn(w, 'Archive Spring review 2027');

  // Delete asks first; Cancel (where focus lands) keeps it.
  await w.item('Spring review 2027').getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = w.root.getByRole('alertdialog');
  await dialog.getByText('Delete this workshop and all its answers from this device?').waitFor();
  assert.equal(await w.page.evaluate(() => document.activeElement.textContent), 'Cancel');
  await w.page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await w.workshopKeys()).length, 1);

  await w.item('Spring review 2027').getByRole('button', { name: 'Delete', exact: true }).click();
  await w.root.getByRole('button', { name: 'Yes, delete it' }).click();
  await w.root.getByText('No workshops yet.').waitFor();
  assert.deepEqual(await w.workshopKeys(), []);
  w.expectNoErrors();
});

test('a stored workshop that cannot be read is kept aside, listed until deleted, and its data can be downloaded', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Readable');
  await w.page.evaluate(() => {
    localStorage.setItem('samepage:ws-0000beef:workshop', '{"format":"samepage-workshop","version":1,"workshop":');
    // A passed device's unreadable survey, set aside by the survey's store: not a workshop.
    localStorage.setItem('samepage:ws-0000cafe:unreadable:1700000000000', 'samepage-survey 9\nnot a workshop');
  });
  await w.reload();
  // Announced once wherever the page opens (here the dashboard), then listed with the others.
  await w.root.getByText('Stored workshop data could not be read. It is kept untouched in the list of workshops, under “Stored workshops that could not be read”, to download or delete.').waitFor();
  await w.toList();
  await w.root.getByText(/A stored workshop could not be read \(this is not a SamePage workshop file\)\. Its text is kept untouched under the storage key “samepage:ws-0000beef:unreadable-workshop:\d+”\./).waitFor();
  const keys = await w.storageKeys();
  const aside = keys.find((k) => k.startsWith('samepage:ws-0000beef:unreadable-workshop:'));
  assert.equal(await w.stored(aside), '{"format":"samepage-workshop","version":1,"workshop":');
  assert.ok(!keys.includes('samepage:ws-0000beef:workshop'));
  assert.equal((await w.storedWorkshops()).length, 1, 'the readable workshop is untouched');

  // Still listed after another reload, with its raw data to download.
  await w.reload();
  const unreadable = w.root.getByRole('list', { name: 'Stored workshops that could not be read' });
  await unreadable.getByText(/could not be read/).waitFor();
  assert.equal(await unreadable.getByRole('listitem').count(), 1, 'the survey set aside is not listed');
  assert.equal(await w.root.getByText('Stored workshop data could not be read.', { exact: false }).count(), 0, 'announced once');
  const raw = await w.download('Download the raw data');
  assert.equal(raw.text, '{"format":"samepage-workshop","version":1,"workshop":');
  // Deleted only after confirming; then gone from the list and from storage.
  await unreadable.getByRole('button', { name: 'Delete', exact: true }).click();
  await w.button('Yes, delete it').click();
  await unreadable.waitFor({ state: 'detached' });
  assert.ok(!(await w.storageKeys()).some((k) => k.startsWith('samepage:ws-0000beef:')));
  assert.ok((await w.storageKeys()).includes('samepage:ws-0000cafe:unreadable:1700000000000'), 'the survey text set aside stays untouched');
  await w.reload();
  assert.equal(await w.root.getByText(/could not be read/).count(), 0);
  w.expectNoErrors();
});

test('with storage blocked, workshops work on this page only and the page says so', async () => {
  const w = await openWorkshopPage(app, {
    initScript: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
  });
  await w.expectAlert('This browser will not let SamePage store anything (SecurityError)');
  await w.create('In memory');
  await w.expectHeading('In memory');
  await w.expectAlert('export the workshop as a file before you leave');
  const file = await w.download('Download workshop (JSON)');
  assert.equal(JSON.parse(file.text).workshop.name, 'In memory');
  w.expectNoErrors();
});
