// The page object: what a respondent can do with SamePage, in their words.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';

import { launchChromium } from './browser.mjs';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = join(here, '..', 'output');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The questionnaire the app is built with (read, never edited): the single source of counts. */
export const INSTRUMENT = JSON.parse(readFileSync(new URL('../../src/core/instrument/builtin.json', import.meta.url), 'utf8'));
/** Every statement in questionnaire order: `{ id, text, notApplicable, dimension }`. */
export const STATEMENTS = INSTRUMENT.dimensions.flatMap((d) => d.statements.map((s) => ({
  id: s.id, text: s.text.en, notApplicable: s.not_applicable === true, dimension: d.name.en,
})));
/** Every choice question in questionnaire order: `{ id, kind, prompt, options }` (labels). */
export const CHOICES = INSTRUMENT.definitions.map((q) => ({
  id: q.id, kind: q.kind, prompt: q.prompt.en, options: q.options.map((o) => o.label.en),
}));

export const SURVEY_KEY = 'samepage:default:survey';
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };
export const SCALE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', "Can't judge"];
/** The heading of the last step: the choice questions, in two sections. */
export const CHOICES_HEADING = 'Who owns what, and what do the words mean?';
export const CHOICE_SECTIONS = ['What the words mean here', 'Who owns what'];
export const DIMENSIONS = [
  'Shared strategy & planning', 'Shared goals & incentives', 'Common language',
  'Lead handoff & feedback', 'Metrics, data & reporting', 'Roles, ownership & accountability',
  'Process & structure', 'Communication & rhythm', 'Mutual understanding & respect',
  'Customer focus', 'Leadership & trust in marketing', 'Conflict & friction',
];

/**
 * Starts the static server and a browser for one spec file; returns a getter for both.
 * Every test opens its own context, so storage never leaks between tests.
 */
export function useApp() {
  const app = {};
  before(async () => {
    app.server = await startServer();
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  /** A new page in a fresh context (empty storage) at `viewport`. */
  app.open = async ({ viewport = DESKTOP, initScript, query = '', clock = false } = {}) => {
    const context = await app.browser.newContext({ viewport });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    // A fake clock (Date and timers), moved on by `page.clock.fastForward`.
    if (clock) await page.clock.install();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    const survey = new SurveyPage(page, app.server.url + query, errors);
    await survey.load();
    return survey;
  };
  return app;
}

export class SurveyPage {
  /** `root`: the instance to act in, when a page holds more than one. */
  constructor(page, url, errors, root = page.locator('.samepage')) {
    this.page = page;
    this.url = url;
    this.errors = errors;
    this.root = root;
  }

  async load() {
    await this.page.goto(this.url);
    await this.heading().waitFor();
  }

  async reload() {
    await this.page.reload();
    await this.heading().waitFor();
  }

  heading() {
    return this.root.locator('h2');
  }

  button(name) {
    return this.root.getByRole('button', { name, exact: true });
  }

  async start() {
    await this.root.getByRole('button', { name: /Start the survey|Continue where you left off/ }).click();
    await this.expectHeading('Which part of the company do you work in?');
  }

  async chooseRole(role) {
    await this.root.getByRole('radio', { name: new RegExp(`^${role}\\b`) }).check();
  }

  async next() {
    await this.button('Next').click();
  }

  async back() {
    await this.button('Back').click();
  }

  /** The statement fieldsets on the current page. */
  statements() {
    return this.root.locator('.samepage__statements fieldset');
  }

  /** Answers every statement on this page; `pick(i)` gives the scale label for the i-th. */
  async answerPage(pick) {
    const items = this.statements();
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await items.nth(i).getByRole('radio', { name: pick(i), exact: true }).check();
    }
    return count;
  }

  /** From the role step: answers all twelve pages, `pick(pageIndex, i)` choosing labels. */
  async answerAllPages(pick) {
    await this.next();
    for (let page = 0; page < DIMENSIONS.length; page++) {
      await this.expectHeading(DIMENSIONS[page]);
      await this.answerPage((i) => pick(page, i));
      await this.next();
    }
    await this.expectHeading(CHOICES_HEADING);
  }

  /**
   * With focus on the role step's heading: picks Leadership and answers the whole survey
   * with the keyboard alone (Tab, arrows, Space, Enter), every statement "Agree" and every
   * choice question its first option, up to the scorecard.
   */
  async completeByKeyboard() {
    const { page } = this;
    const press = async (key, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    await press('Tab');
    await press('ArrowDown', 2); // Sales → Marketing → Leadership
    assert.match(await this.focusedName(), /^Leadership/);
    await press('Tab', 2); // Back, Next
    assert.equal(await this.focusedName(), 'Next');
    await press('Enter');
    for (const name of DIMENSIONS) {
      await this.expectHeading(name);
      // Focus moves to the new step's heading once it is drawn: keys pressed before that
      // would land on the step before (seen on a loaded machine).
      await this.waitForFocusOn(name);
      const count = await this.statements().count();
      for (let i = 0; i < count; i++) {
        await press('Tab'); // into the statement's radio group
        await press('Space'); // Strongly disagree
        await press('ArrowRight', 3); // … → Agree
      }
      await press('Tab', 2);
      assert.equal(await this.focusedName(), 'Next');
      await press('Enter');
    }
    await this.expectHeading(CHOICES_HEADING);
    await this.waitForFocusOn(CHOICES_HEADING);
    assert.deepEqual(await this.root.locator('.samepage__choice-section h3').allInnerTexts(), CHOICE_SECTIONS);
    const questions = await this.choiceGroups().count();
    assert.equal(questions, CHOICES.length);
    for (let q = 0; q < questions; q++) {
      await press('Tab');
      await press('Space'); // first option
    }
    await press('Tab', 2);
    assert.equal(await this.focusedName(), 'See my scorecard');
    await press('Enter');
    await this.expectHeading('Your alignment scorecard');
  }

  /** Waits until the focused element (inside shadow roots too) reads `text`. */
  async waitForFocusOn(text) {
    await this.page.waitForFunction((wanted) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return (el?.innerText ?? '').trim() === wanted;
    }, text, { timeout: 5000 });
  }

  /** The accessible name of the focused element, inside shadow roots too. */
  focusedName() {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el.labels?.[0]?.innerText ?? el.innerText ?? '';
    });
  }

  /** The choice questions' radio groups on the last step. */
  choiceGroups() {
    return this.root.locator('.samepage__definitions fieldset');
  }

  async pickDefinition(question, option) {
    const group = this.root.locator('fieldset', { hasText: question });
    await group.getByRole('radio', { name: option, exact: true }).check();
  }

  async expectHeading(text) {
    await this.heading().filter({ hasText: text }).waitFor({ timeout: 5000 });
  }

  async progressText() {
    return (await this.root.locator('.samepage__progress-text').innerText()).replace(/\s+/g, ' ');
  }

  async stored(key = SURVEY_KEY) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  /** The stored survey, read from its line format (see src/core/saved.rs). */
  async storedSurvey() {
    const text = await this.stored();
    assert.ok(text, 'a survey is stored');
    const survey = { role: null, answers: {}, definitions: {} };
    for (const line of text.split('\n')) {
      const [kind, key, value] = line.split(' ');
      if (kind === 'role') survey.role = key;
      if (kind === 'answer') survey.answers[key] = Number(value);
      if (kind === 'definition') survey.definitions[key] = value;
    }
    return survey;
  }

  async storageKeys() {
    return this.page.evaluate(() => Object.keys(localStorage).sort());
  }

  /**
   * Runs axe-core (WCAG 2.2 A and AA rules) over the page, shadow roots included, and fails
   * on any violation. Injected by the test driver, so a page's strict CSP does not block it.
   */
  async expectAccessible(label, within) {
    await this.page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
    const violations = await this.page.evaluate(async (selector) => {
      // `within`: one embedded instance (its host element and shadow root), not its host page.
      const context = selector ? { include: [[selector]] } : document;
      const result = await window.axe.run(context, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }, within);
    assert.deepEqual(violations, [], `axe violations on ${label}`);
  }

  /** Saves a full-page screenshot under e2e/output/screenshots/. */
  async screenshot(name) {
    const dir = join(OUTPUT, 'screenshots');
    await mkdir(dir, { recursive: true });
    const { width } = this.page.viewportSize();
    const path = join(dir, `${name}-${width}.png`);
    // caret 'initial': Playwright would otherwise hide the caret with an injected style, which a
    // strict CSP refuses.
    await this.page.screenshot({ path, fullPage: true, caret: 'initial' });
    return path;
  }

  expectNoErrors() {
    assert.deepEqual(this.errors.map(String), [], 'the page logged errors');
  }
}
