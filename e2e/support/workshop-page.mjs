// The workshop page object: what a facilitator and participants do with the workshop page
// (dist/workshop/), in their words. The survey parts reuse SurveyPage's steps.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { CHOICES, DESKTOP, INSTRUMENT, STATEMENTS, SurveyPage } from './survey-page.mjs';

export const WORKSHOP_PATH = 'workshop/';

/**
 * Opens the workshop page in a fresh context (empty storage); `hash` opens a fragment (a
 * query before it, such as `?kiosk#join=…`, is kept); `url` opens that address instead (a
 * participant link, which opens the survey page); `clock` installs a fake clock, moved on by
 * `page.clock.fastForward`.
 */
export async function openWorkshopPage(app, { viewport = DESKTOP, hash = '', url, initScript, clock = false } = {}) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  if (clock) await page.clock.install();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const workshop = new WorkshopPage(page, app.server.url, errors);
  page.on('request', (request) => workshop.requests.push(request.url()));
  if (url) {
    await page.goto(url);
    await workshop.heading().first().waitFor();
  } else {
    await workshop.goto(hash);
  }
  return workshop;
}

export class WorkshopPage extends SurveyPage {
  constructor(page, url, errors) {
    super(page, url, errors);
    this.base = url + WORKSHOP_PATH;
    this.requests = [];
  }

  /** Every address the page requested. */
  requested() {
    return this.requests;
  }

  async goto(hash = '') {
    await this.page.goto(this.base + hash);
    await this.heading().first().waitFor();
  }

  async load() {
    await this.goto();
  }

  async reload() {
    await this.page.reload();
    await this.heading().first().waitFor();
  }

  async expectHeading(text) {
    await this.root.locator('h2').filter({ hasText: text }).first().waitFor({ timeout: 5000 });
  }

  /** Fills the "New workshop" form and submits it; lands on the new workshop unless `refused`. */
  async create(name, { labels = '', minimum, refused = false } = {}) {
    await this.root.getByLabel('Name', { exact: true }).fill(name);
    if (labels) await this.root.getByLabel('Team labels (optional)').fill(labels);
    if (minimum !== undefined) await this.root.getByLabel('Anonymity minimum').fill(String(minimum));
    await this.button('Create workshop').click();
    if (!refused) await this.expectHeading(name);
  }

  /** The workshop items in the list (active ones first, then archived). */
  items() {
    return this.root.locator('.samepage__workshop-item');
  }

  item(name) {
    return this.items().filter({ has: this.page.locator('h3', { hasText: name }) });
  }

  async toList() {
    await this.button('← All workshops').first().click();
    await this.expectHeading('Your workshops');
  }

  /** The workshop's id, from the stored keys (there is one workshop). */
  async workshopKeys() {
    return (await this.storageKeys()).filter((k) => /^samepage:ws-[0-9a-f]{8}:workshop$/.test(k));
  }

  /** Every stored workshop, parsed, each round's responses unpacked (see `readWorkshopFile`). */
  async storedWorkshops() {
    const keys = await this.workshopKeys();
    const files = [];
    for (const key of keys) files.push(readWorkshopFile(await this.stored(key)));
    return files;
  }

  /**
   * Test set-up without clicking through surveys: replaces the rounds of the stored workshop
   * `name` (created with the form) with rounds of today's questionnaire and reloads. Each
   * response is `{ role, level, team, picks, nonce }`: `level` (1–5, 0 for can't judge) for
   * every statement, or `cells` (one per statement: 1–5, 0, 'n' for not applicable, null);
   * `picks` by choice question id, e.g. `{ sales_ready: 2 }` (an option's index), the rest
   * unanswered.
   */
  async seedRounds(name, rounds) {
    const keys = await this.workshopKeys();
    const files = await this.storedWorkshops();
    const index = files.findIndex((f) => f.workshop.name === name);
    assert.ok(index >= 0, `workshop ${name} is stored`);
    const [file, storageKey] = [files[index], keys[index]];
    let nonce = 1;
    file.workshop.rounds = rounds.map((round, r) => ({
      started: round.started ?? `2026-0${r + 1}-01`,
      questionnaire: INSTRUMENT.version,
      facts: round.facts ?? { follow_up_hours: null, accepted_share: null, conversion: null },
      responses: round.responses.map((p) => ({
        nonce: p.nonce ?? nonce++,
        team: p.team ?? null,
        answers: compactAnswers(p.role, p.cells ?? cells(p.level), picks(p.picks)),
      })),
    }));
    await this.page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey, JSON.stringify(file)]);
    await this.reload();
    return file;
  }

  // Collecting answers -------------------------------------------------------------------

  async startPassing() {
    await this.button('Start passing this device').click();
  }

  /**
   * One participant's turn on the passed device: role and team (if asked, on the role step),
   * every statement at `level` (a SCALE label, or a function of page and item), what makes a
   * lead sales-ready and how fast to follow up (the other choice questions left open), and the
   * hand-over screen at the end.
   */
  async takeTurn({ role, level, team, salesReady, followUp, finish = 'Finish and hand over' }) {
    await this.expectHeading('Are sales, marketing and leadership on the same page?');
    await this.start();
    await this.chooseRole(role);
    if (team) await this.chooseTeam(team);
    await this.answerAllPages(typeof level === 'function' ? level : () => level);
    await this.pickDefinition('what makes a lead ready for sales', salesReady);
    await this.pickDefinition('How quickly should sales follow up', followUp);
    await this.button(finish).click();
  }

  /** Opens what only the facilitator should open on a passed device: `label`, then confirms. */
  async asFacilitator(label, confirm = 'Yes, I am the facilitator') {
    await this.button(label).click();
    await this.root.getByRole('alertdialog').getByRole('button', { name: confirm }).click();
  }

  /** Makes this tab's storage refuse to write workshops (as a full storage does) until reload. */
  async refuseWorkshopWrites() {
    await this.page.evaluate(() => {
      const write = Storage.prototype.setItem;
      window.__samepageWrite = write;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).endsWith(':workshop')) throw new DOMException('full', 'QuotaExceededError');
        return write.call(this, key, value);
      };
    });
  }

  /** Undoes `refuseWorkshopWrites`. */
  async allowWrites() {
    await this.page.evaluate(() => { Storage.prototype.setItem = window.__samepageWrite; });
  }

  /** On a participant's own device: takes the survey and returns the response code. */
  /** On the role step, the team (a label, or "None of these / I prefer not to say"). */
  async chooseTeam(team) {
    const group = this.root.locator('fieldset', { hasText: 'Which team are you in?' });
    await group.getByRole('radio', { name: team, exact: true }).check();
  }

  /** A participant's survey (own device), ending with their code card: the code. */
  async takeJoinedSurvey(answers) {
    await this.takeTurn({ ...answers, finish: 'Finish and get my code' });
    await this.root.getByRole('heading', { name: 'Send your answers to the facilitator' }).waitFor();
    return this.root.getByLabel('Your response code').inputValue();
  }

  /** The participant link shown on the dashboard. */
  async joinLink() {
    return this.root.getByLabel('Link for participants').inputValue();
  }

  async pasteCodes(text) {
    await this.root.getByLabel(/^Response codes/).fill(text);
    await this.button('Import codes').click();
  }

  importReport() {
    return this.root.locator('.samepage__import-report');
  }

  // The team scorecard ---------------------------------------------------------------------

  teamReport() {
    return this.root.locator('.samepage__team .samepage__report');
  }

  /** The cells of the heatmap table's row for `area`, as text. */
  async heatmapRow(area) {
    const table = this.teamReport().locator('table', { has: this.page.locator('caption', { hasText: 'Scores by group and area' }) });
    const row = table.locator('tr', { has: this.page.locator('th', { hasText: area }) });
    return row.locator('td').allInnerTexts();
  }

  /** The figures table's row for `area` and `group`: people, mean, spread, agreement, can't judge. */
  async figuresRow(area, group) {
    const rows = this.teamReport().locator('table', { has: this.page.locator('caption', { hasText: 'Figures per area and group' }) }).locator('tbody tr');
    const count = await rows.count();
    let currentArea = '';
    for (let i = 0; i < count; i++) {
      const cells = await rows.nth(i).locator('th, td').allInnerTexts();
      if (cells.length === 7) currentArea = cells.shift();
      if (currentArea === area && cells[0] === group) return cells.slice(1);
    }
    throw new Error(`no figures for ${area} / ${group}`);
  }

  // Files ----------------------------------------------------------------------------------

  /** Clicks a download button and returns the file's name and text. */
  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(buttonName).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Imports a workshop file (from the list screen). */
  async importFile(name, text) {
    await this.root.getByLabel('Choose a SamePage workshop file (.json)').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    });
  }

  async expectAlert(text) {
    await this.root.getByRole('alert').filter({ hasText: text }).first().waitFor({ timeout: 5000 });
  }

  expectNoErrors() {
    // Chromium notes that preload links ignore `integrity`: a browser notice, not ours.
    const ours = this.errors.map(String).filter((e) => !e.includes('integrity'));
    assert.deepEqual(ours, [], 'the page logged errors');
  }
}

/** Answers `n` (1–5, 0 for can't judge) for every statement of today's questionnaire. */
export function cells(level, count = STATEMENTS.length) {
  return Array.from({ length: count }, () => level);
}

/** Picks by choice question id (`{ sales_ready: 2 }`) laid out in questionnaire order. */
export function picks(byId = {}) {
  for (const id of Object.keys(byId)) assert.ok(CHOICES.some((q) => q.id === id), `choice question ${id}`);
  return CHOICES.map((q) => byId[q.id] ?? null);
}

/**
 * A workshop file's text, parsed, with each round's packed responses (file version 3, see
 * src/core/packed.rs) read as the objects of version 2: `{ nonce, team, answers, source }`,
 * `answers` in the text of `compactAnswers`, `source` absent where unrecorded. Rounds already
 * in objects are left as they are.
 */
export function readWorkshopFile(text) {
  const file = JSON.parse(text);
  for (const round of file.workshop.rounds) {
    if (typeof round.responses === 'string') round.responses = unpackResponses(round.responses);
  }
  return file;
}

/** A round's packed responses (src/core/packed.rs) as version 2 objects. */
export function unpackResponses(text) {
  if (text === '') return [];
  const bytes = Buffer.from(text, 'base64url');
  const [statements, choices, width] = bytes;
  const size = Math.ceil((44 + 3 * statements + width * choices) / 8);
  assert.equal((bytes.length - 3) % size, 0, 'whole records');
  const responses = [];
  for (let at = 3; at < bytes.length; at += size) {
    let position = at * 8;
    const take = (bits) => {
      let value = 0;
      for (let i = 0; i < bits; i++, position++) value = value * 2 + ((bytes[position >> 3] >> (7 - (position & 7))) & 1);
      return value;
    };
    const nonce = take(32);
    const team = take(8);
    const role = ['sales', 'marketing', 'leadership', 'other'][take(2)];
    const source = ['', 'device', 'code'][take(2)];
    const cellList = Array.from({ length: statements }, () => [null, 1, 2, 3, 4, 5, 0, 'n'][take(3)]);
    const pickList = Array.from({ length: choices }, () => take(width) - 1).map((p) => (p < 0 ? null : p));
    const response = { nonce, team: team === 0 ? null : team - 1, answers: compactAnswers(role, cellList, pickList) };
    if (source) response.source = source;
    responses.push(response);
  }
  return responses;
}

/** Answers as a version 2 workshop file kept them: `role/cells/picks` (see src/core/team.rs). */
export function compactAnswers(role, cellList, pickList) {
  const cell = (c) => (c === null || c === undefined ? '.' : String(c));
  return `${role}/${cellList.map(cell).join('')}/${pickList.map((p) => (p === null ? '-' : p)).join(',')}`;
}

/** Reads compact answers back: `{ role, cells, picks }` (cells 1–5, 0, 'n' or null). */
export function parseAnswers(text) {
  const [role, cellText, pickText] = text.split('/');
  return {
    role,
    cells: [...cellText].map((c) => (c === '.' ? null : c === 'n' ? 'n' : Number(c))),
    picks: pickText.split(',').map((p) => (p === '-' ? null : Number(p))),
  };
}
