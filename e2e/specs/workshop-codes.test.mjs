// Response codes from participants' own devices: pasted in a batch with a duplicate and bad
// codes, sent again with changed answers, and opened as a link back on the facilitator's device.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, SCALE, PHONE, STATEMENTS } from '../support/survey-page.mjs';
import { openWorkshopPage, parseAnswers } from '../support/workshop-page.mjs';

const app = useApp();

const answers = (role, level) => ({
  role, level: SCALE[level - 1],
  salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week',
});

/** A participant's phone opened on the facilitator's link. */
async function phoneFor(link) {
  return openWorkshopPage(app, { viewport: PHONE, hash: link.slice(link.indexOf('#')) });
}

/** `code` with the character at `at` replaced by another base64url character. */
function changed(code, at = 20) {
  const other = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + other + code.slice(at + 1);
}

test('a pasted batch imports the good code once and names the bad ones, changing nothing for them', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Codes');
  const phone = await phoneFor(await w.joinLink());
  const code = await phone.takeJoinedSurvey(answers('Sales', 4));

  const other = await openWorkshopPage(app);
  await other.create('Another workshop');
  const foreign = await (await phoneFor(await other.joinLink())).takeJoinedSurvey(answers('Marketing', 2));

  const before = await w.stored((await w.workshopKeys())[0]);
  await w.pasteCodes(`${changed(code)}\nSP2.notacode\n${foreign}`);
  await w.importReport().getByText('0 added, 0 updated, 0 already here, 3 refused.').waitFor();
  assert.equal(await w.stored((await w.workshopKeys())[0]), before, 'bad codes change nothing stored');

  await w.pasteCodes(`Here you go: ${code}\nand again ${code}\nbroken: ${changed(code)}`);
  const report = w.importReport();
  await report.getByText('1 added, 0 updated, 1 already here, 1 refused.').waitFor();
  const lines = await report.locator('li').allInnerTexts();
  assert.deepEqual(lines, [
    `Code 1 (${code.slice(0, 14)}…): added`,
    `Code 2 (${code.slice(0, 14)}…): already here, counted once`,
    `Code 3 (${changed(code).slice(0, 14)}…): refused: changed or cut short (its check digits do not match); nothing was changed`,
  ]);
  // The refused code stays in the box, to correct it or paste it where it belongs.
  assert.equal(await w.root.getByLabel(/^Response codes/).inputValue(), changed(code));
  await w.teamReport().getByText('People who answered: 1. Shown: 0, in groups of at least 3. Groups shown: 0.').waitFor();
  // The facilitator sees how answers came, and that a code proves nothing about its sender.
  await w.root.getByText('Answers in this round: 0 given on this device, 1 from response codes.').waitFor();
  await w.root.getByText(/^A code's check characters catch typing mistakes, not forgeries/).waitFor();
  assert.equal(await report.locator('.samepage__notice').count(), 0, 'one new answer is not a batch to check');
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses[0].source, 'code');
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 1);

  // The earlier batch's refusals named their reasons too.
  await w.pasteCodes(`${foreign}\n${changed(code, 30)}`);
  const reasons = await w.importReport().locator('li').allInnerTexts();
  assert.match(reasons[0], /refused: made for another workshop; nothing was changed$/);
  assert.match(reasons[1], /refused: changed or cut short/);

  // Text without any code says so.
  await w.pasteCodes('no codes in here');
  await w.expectAlert('No response code was found in the pasted text. Codes start with “SP2.” (or “SP1.” from the first version).');
  w.expectNoErrors();
  phone.expectNoErrors();
});

test('changed answers sent again replace the earlier ones; a link back imports on the facilitator device', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Links');
  const link = await w.joinLink();
  const phone = await phoneFor(link);
  const firstCode = await phone.takeJoinedSurvey(answers('Leadership', 2));
  const codeLink = await phone.root.getByLabel('Link for the facilitator').inputValue();
  assert.equal(codeLink, `${app.server.url}workshop/#codes=${firstCode}`);

  // The facilitator opens the link back: the code joins its workshop.
  await w.page.goto(codeLink);
  await w.expectHeading('Links');
  await w.importReport().getByText('1 added, 0 updated, 0 already here, 0 refused.').waitFor();
  assert.match(w.page.url(), /#workshop=[0-9a-f]{8}$/, 'the code leaves the address bar');

  // The participant starts over and answers differently: same person, new answers.
  await phone.root.getByRole('button', { name: 'Start over', exact: true }).click();
  await phone.root.getByRole('button', { name: 'Yes, start over' }).click();
  const secondCode = await phone.takeJoinedSurvey(answers('Leadership', 5));
  assert.notEqual(secondCode, firstCode);
  await w.pasteCodes(secondCode);
  await w.importReport().getByText('0 added, 1 updated, 0 already here, 0 refused.').waitFor();
  const [file] = await w.storedWorkshops();
  assert.equal(file.workshop.rounds[0].responses.length, 1);
  const { role, cells } = parseAnswers(file.workshop.rounds[0].responses[0].answers);
  assert.equal(role, 'leadership');
  assert.equal(cells.length, STATEMENTS.length);
  assert.ok(cells.every((c) => c === 5));

  // A link back for a workshop that is not on this device says so.
  const stranger = await openWorkshopPage(app, { hash: `#codes=${secondCode}` });
  await stranger.expectAlert('belong to a workshop that is not on this device');
  w.expectNoErrors();
});

test('a code imported in another tab is kept when this tab changes the workshop', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Two tabs');
  const link = await w.joinLink();
  const first = await (await phoneFor(link)).takeJoinedSurvey(answers('Sales', 4));
  const second = await (await phoneFor(link)).takeJoinedSurvey(answers('Marketing', 2));

  // The facilitator opens a participant's link back in a second tab of the same browser.
  const other = await w.page.context().newPage();
  await other.goto(`${w.base}#codes=${first}`);
  await other.locator('.samepage__import-report').getByText('1 added').waitFor();

  // The first tab learns of it, and its own import adds to it instead of overwriting it.
  await w.root.getByText('answers: 1').waitFor();
  await w.pasteCodes(second);
  await w.importReport().getByText('1 added, 0 updated, 0 already here, 0 refused.').waitFor();
  const [file] = await w.storedWorkshops();
  assert.equal(file.workshop.rounds[0].responses.length, 2);
  w.expectNoErrors();
});

test('the next person on a participant\'s device starts afresh, with a respondent number of their own', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Shared phone', { labels: 'North, South' });
  // The participant link opens the survey page.
  const phone = await openWorkshopPage(app, { viewport: PHONE, url: await w.joinLink() });
  const first = await phone.takeJoinedSurvey({ ...answers('Sales', 4), team: 'North' });

  // A second person opening the same link would see the first one's code: the first clears it.
  await phone.reload();
  assert.equal(await phone.root.getByLabel('Your response code').inputValue(), first);
  await phone.button('Done: clear this device for the next person').click();
  await phone.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.ok(!(await phone.storageKeys()).some((k) => /^samepage:join-[0-9a-f]{8}:(survey|team|nonce)$/.test(k)),
    'nothing of the first person is stored');
  await phone.reload();
  await phone.start();
  assert.equal(await phone.root.locator('input[type=radio]:checked').count(), 0, 'no role, no team picked');
  await phone.back();

  const second = await phone.takeJoinedSurvey({ ...answers('Marketing', 2), team: 'South' });
  assert.notEqual(second, first);
  // Two people, two answers: the second code adds, it does not replace the first.
  await w.pasteCodes(`${first}\n${second}`);
  await w.importReport().getByText('2 added, 0 updated, 0 already here, 0 refused.').waitFor();
  const [stored] = await w.storedWorkshops();
  assert.deepEqual(stored.workshop.rounds[0].responses.map((r) => [parseAnswers(r.answers).role, r.team]), [['sales', 0], ['marketing', 1]]);
  w.expectNoErrors();
  phone.expectNoErrors();
});

test('a participant whose QR code cannot load still gets their code, without waiting on it', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Slow network');
  const phone = await openWorkshopPage(app, { viewport: PHONE, url: await w.joinLink() });
  // The QR wasm never arrives (a stalled connection): the code card shows without its QR code.
  let asked = false;
  await phone.page.route(/samepage-qr-[0-9a-f]+_bg\.wasm$/, () => { asked = true; });
  const code = await phone.takeJoinedSurvey(answers('Leadership', 3));
  assert.match(code, /^SP2\./);
  assert.ok(asked, 'the QR wasm was asked for');
  await phone.expectHeading('Your alignment scorecard');
  assert.equal(await phone.root.locator('.samepage__qr').count(), 0, 'no empty QR place');
  assert.match(await phone.root.getByLabel('Link for the facilitator').inputValue(), /#codes=SP2\./);
});

test('a participants\' kiosk (?kiosk) clears the code two minutes after it is shown, and the next person adds', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Kiosk', { labels: 'North, South' });
  const link = await w.joinLink();
  const kiosk = await openWorkshopPage(app, { viewport: PHONE, url: `${app.server.url}?kiosk${link.slice(link.indexOf('#'))}`, clock: true });
  const first = await kiosk.takeJoinedSurvey({ ...answers('Sales', 4), team: 'North' });
  // The link back does not carry kiosk mode to the facilitator's device.
  const back = await kiosk.root.getByLabel('Link for the facilitator').inputValue();
  assert.ok(back.startsWith(`${app.server.url}workshop/#codes=`), back);

  // The code stays while it is read and copied, then the device clears itself.
  await kiosk.page.clock.fastForward('01:50');
  assert.equal(await kiosk.root.getByLabel('Your response code').inputValue(), first);
  await kiosk.page.clock.fastForward('00:15');
  await kiosk.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.equal(await kiosk.root.getByLabel('Your response code').count(), 0);
  assert.ok(!(await kiosk.storageKeys()).some((k) => /^samepage:join-[0-9a-f]{8}:(survey|team|nonce)$/.test(k)),
    'nothing of the first person is stored');

  // Left mid-survey, it asks "still there?" after nine minutes and clears at ten.
  await kiosk.start();
  await kiosk.chooseRole('Sales');
  await kiosk.chooseTeam('South');
  await kiosk.next();
  await kiosk.answerPage(() => 'Disagree');
  await kiosk.page.clock.fastForward('09:05');
  await kiosk.root.getByRole('alert').filter({ hasText: 'Still there?' }).waitFor();
  await kiosk.page.clock.fastForward('01:00');
  await kiosk.expectHeading('Are sales, marketing and leadership on the same page?');

  // The next person's code adds to the workshop: a respondent number of their own.
  const second = await kiosk.takeJoinedSurvey({ ...answers('Marketing', 2), team: 'South' });
  await w.pasteCodes(`${first}\n${second}`);
  await w.importReport().getByText('2 added, 0 updated, 0 already here, 0 refused.').waitFor();
  w.expectNoErrors();
  kiosk.expectNoErrors();
});

test('codes whose answers this device cannot store are refused whole, stay in the box, and import once it can', async () => {
  const w = await openWorkshopPage(app);
  await w.create('Full device');
  const code = await (await phoneFor(await w.joinLink())).takeJoinedSurvey(answers('Sales', 4));
  const before = await w.storedWorkshops();

  await w.refuseWorkshopWrites();
  await w.pasteCodes(code);
  await w.expectAlert('Nothing was imported: with the new answers this workshop needs 0.1 MB of this browser\'s storage, and the browser would not store it (QuotaExceededError).');
  assert.equal(await w.root.getByLabel(/^Response codes/).inputValue(), code);
  // Not shown as imported, and no warning that it is kept on this page: it is not.
  await w.root.getByText('Answers in this round: 0 given on this device, 0 from response codes.').waitFor();
  assert.equal(await w.root.getByText(/The last change could not be stored/).count(), 0);
  assert.deepEqual(await w.storedWorkshops(), before);

  await w.allowWrites();
  await w.button('Import codes').click();
  await w.importReport().getByText('1 added, 0 updated, 0 already here, 0 refused.').waitFor();
  await w.reload();
  assert.equal((await w.storedWorkshops())[0].workshop.rounds[0].responses.length, 1);
  w.expectNoErrors();
});
