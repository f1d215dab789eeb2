// The script-tag embed, as an intranet uses it: a page on another origin, under a strict
// Content-Security-Policy, with a hostile stylesheet, adds samepage.js and two elements.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium } from '../support/browser.mjs';
import { startHost } from '../support/hosts.mjs';
import { startServer } from '../support/server.mjs';
import { DESKTOP, PHONE, SurveyPage } from '../support/survey-page.mjs';

let samepage;
let host;
let browser;

before(async () => {
  // SamePage on its own origin, its assets readable from another (module scripts, wasm and
  // the later files are fetched with CORS).
  samepage = await startServer(undefined, 0, { headers: { 'access-control-allow-origin': '*' } });
  host = await startHost({ samepage: samepage.url });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await samepage?.close();
});

/** Records CSP violations and SamePage's events in the host page, from before it loads. */
function recordInPage() {
  window.violations = [];
  window.events = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
  for (const type of ['samepage:ready', 'samepage:progress', 'samepage:complete', 'samepage:error']) {
    document.addEventListener(type, (e) => window.events.push({ type, target: e.target.id, detail: e.detail }));
  }
}

async function openHost(path = '', viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recordInPage);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(host.url + path);
  return { page, errors };
}

const instance = (page, errors, id) => new SurveyPage(page, host.url, errors, page.locator(`#${id} .samepage`));

test('two instances from another origin, a hostile stylesheet and a strict CSP: a complete run by keyboard', async () => {
  const { page, errors } = await openHost();
  const first = instance(page, errors, 'first');
  const second = instance(page, errors, 'second');
  await first.expectHeading('Are sales, marketing and leadership on the same page?');
  await second.expectHeading('Are sales, marketing and leadership on the same page?');
  assert.deepEqual(
    (await page.evaluate(() => window.events)).filter((e) => e.type === 'samepage:ready').map((e) => e.target).sort(),
    ['first', 'second'],
  );

  // The host's rules change nothing inside but the font family; ours do not reach the host.
  const inside = await page.evaluate(() => {
    const root = document.querySelector('#first').shadowRoot;
    const style = (el) => getComputedStyle(el);
    const section = root.querySelector('.samepage');
    const button = root.querySelector('button');
    return {
      buttonDisplay: style(button).display,
      boxSizing: style(button).boxSizing,
      color: style(section).color,
      lineHeight: style(section).lineHeight,
      letterSpacing: style(section).letterSpacing,
      textTransform: style(section).textTransform,
      fontSize: style(section).fontSize,
      fontFamily: style(section).fontFamily,
      hostText: style(document.querySelector('#host-text')).color,
      hostTextPadding: style(document.querySelector('#host-text')).paddingTop,
    };
  });
  assert.notEqual(inside.buttonDisplay, 'none');
  delete inside.buttonDisplay;
  assert.deepEqual(inside, {
    boxSizing: 'border-box',
    color: 'rgb(26, 29, 35)',
    lineHeight: '24px',
    letterSpacing: 'normal',
    textTransform: 'none',
    fontSize: '16px',
    fontFamily: 'Georgia, serif',
    hostText: 'rgb(0, 255, 0)',
    hostTextPadding: '0px',
  });

  // A complete run by keyboard in the first instance.
  await first.button('Start the survey').focus();
  await page.keyboard.press('Enter');
  await first.expectHeading('Which part of the company do you work in?');
  await first.completeByKeyboard();

  // The second instance kept its own answers (none) and its own focus (none).
  assert.equal(await second.button('Start the survey').count(), 1);
  assert.equal(await page.evaluate(() => document.querySelector('#second').shadowRoot.activeElement), null);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['samepage:team-a:survey']);

  // Events: one progress per answer, and complete with the scorecard's figures.
  const complete = await page.waitForFunction(() => window.events.find((e) => e.type === 'samepage:complete'));
  const events = await page.evaluate(() => window.events);
  // One progress event per answer given (arrowing through a scale answers at each step):
  // the count only grows, by at most one, and ends at every item answered.
  const progress = events.filter((e) => e.type === 'samepage:progress').map((e) => e.detail);
  assert.ok(progress.length >= 50, `${progress.length} progress events`);
  assert.ok(progress.every((p, i) => p.total === 50 && (i === 0 || p.answered - progress[i - 1].answered <= 1 && p.answered >= progress[i - 1].answered)));
  assert.deepEqual(progress.at(-1), { answered: 50, total: 50 });
  const detail = (await complete.jsonValue()).detail;
  assert.equal(detail.schema, 1);
  assert.equal(detail.role, 'leadership');
  assert.equal(String(detail.overall), await first.root.locator('.samepage__overall-number').innerText());
  assert.equal(detail.areas.length, 12);
  for (const area of detail.areas) {
    const row = first.root.locator(`tr[data-dimension="${area.id}"]`);
    assert.match(await row.innerText(), new RegExp(`\\b${area.score}\\b`), area.id);
    assert.match(await row.innerText(), new RegExp(area.name.replace(/[&]/g, '\\&')), area.id);
  }
  assert.equal(detail.definitions.length, 10);
  assert.equal(detail.code, null, 'no workshop, no code');

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors.map(String), []);
  await first.expectAccessible('the embed at 1280 px', '#first');
  await second.expectAccessible('the second instance at 1280 px', '#second');
  await first.screenshot('embed-script-tag-scorecard');
});

test('the embed is accessible at phone width', async () => {
  const { page, errors } = await openHost('', PHONE);
  const first = instance(page, errors, 'first');
  await first.expectHeading('Are sales, marketing and leadership on the same page?');
  await first.start();
  // Checked before axe runs: axe-core itself adds <style> elements, which the policy refuses.
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await first.screenshot('embed-script-tag-role');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await first.expectAccessible('the embed at 375 px', '#first');
});

test('an element added later is mounted too; an unknown locale falls back to English with one warning', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(host.url + 'late.html');
  await page.locator('.samepage').getByRole('button', { name: 'Start the survey' }).waitFor();
  assert.equal(warnings.filter((w) => w.includes('SamePage has no locale')).length, 1);
});

test('two instances of one namespace share answers and stay in step', async () => {
  const { page, errors } = await openHost();
  // Two more instances, added after load, with one namespace between them.
  await page.evaluate(() => {
    for (const id of ['twin-1', 'twin-2']) {
      const el = document.createElement('div');
      el.id = id;
      el.dataset.samepage = '';
      el.dataset.namespace = 'twins';
      document.querySelector('main').append(el);
    }
  });
  const one = instance(page, errors, 'twin-1');
  const two = instance(page, errors, 'twin-2');
  await one.start();
  await one.chooseRole('Marketing');
  await two.root.getByRole('button', { name: 'Continue where you left off' }).waitFor();
  await two.start();
  assert.equal(await two.root.getByRole('radio', { name: /^Marketing\b/ }).isChecked(), true);
});

test('a host whose policy forbids WebAssembly gets a message and samepage:error, not an empty element', async () => {
  const { page, errors } = await openHost('script-tag.html?nowasm');
  for (const id of ['first', 'second']) {
    await page.locator(`#${id}`).getByText('SamePage could not start. Reload the page to try again.').waitFor();
  }
  const failed = await page.evaluate(() => window.events.filter((e) => e.type === 'samepage:error'));
  assert.deepEqual(failed.map((e) => e.target).sort(), ['first', 'second']);
  assert.ok(failed.every((e) => typeof e.detail.message === 'string' && e.detail.message.length > 0));
  assert.equal(await page.evaluate(() => window.events.filter((e) => e.type === 'samepage:ready').length), 0);
  assert.ok(errors.some((e) => String(e).includes('SamePage could not start')), 'the reason is in the console');
  await page.context().close();
});
