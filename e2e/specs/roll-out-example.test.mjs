// The README's company roll-out, as an intranet runs it: examples/roll-out/ served from
// another origin under the strict Content-Security-Policy, the survey tied to a workshop by
// data-workshop, each finished participant's code posted to the company's own endpoint
// (a local server of the test's: no network), and the facilitator importing what it collected.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';

import { launchChromium } from '../support/browser.mjs';
import { strictPolicy } from '../support/hosts.mjs';
import { startServer } from '../support/server.mjs';
import { PHONE, SCALE } from '../support/survey-page.mjs';
import { openWorkshopPage, parseAnswers, WorkshopPage } from '../support/workshop-page.mjs';

const EXAMPLE = new URL('../../examples/roll-out/', import.meta.url);
const INTRANET = 'http://intranet.example';
const app = {};

before(async () => {
  // SamePage on its own origin, its files readable from the intranet's (CORS).
  app.server = await startServer(undefined, 0, { headers: { 'access-control-allow-origin': '*' } });
  app.browser = await launchChromium();
});

after(async () => {
  await app.browser?.close();
  await app.server?.close();
});

/**
 * The intranet: serves examples/roll-out/ (SamePage's address and the workshop's link filled
 * in) under the strict policy, and is the company's endpoint, keeping what is posted to it in
 * `posted` (with the cookie header it came with).
 */
async function startIntranet(link, posted) {
  const samepage = app.server.url;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (request.method === 'POST' && path === '/api/samepage/codes') {
      let body = '';
      for await (const chunk of request) body += chunk;
      posted.push({ body: JSON.parse(body), cookie: request.headers.cookie ?? null });
      response.writeHead(204).end();
      return;
    }
    const name = path.replace(/^\/roll-out\//, '') || 'index.html';
    if (!['index.html', 'forward-codes.js'].includes(name)) {
      // The browser's own request for a favicon: nothing here.
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const body = (await readFile(new URL(name, EXAMPLE), 'utf8'))
      .replaceAll('https://samepage.intranet.example/samepage.js', `${samepage}samepage.js`)
      .replace(/data-workshop="[^"]*"/, `data-workshop="${link.replaceAll('&', '&amp;')}"`);
    response.writeHead(200, {
      'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
      'content-security-policy': strictPolicy(new URL(samepage).origin),
    });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/roll-out/`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** A participant's phone on the intranet page at `url`. */
async function openIntranetPage(url) {
  const context = await app.browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(url);
  const participant = new WorkshopPage(page, app.server.url, errors);
  await participant.heading().first().waitFor();
  return participant;
}

test('the example intranet page sends each finished code to the company\'s endpoint, and the facilitator imports it', async () => {
  const facilitator = await openWorkshopPage(app);
  await facilitator.create('Autumn alignment', { labels: 'North, South' });
  const link = await facilitator.joinLink();

  const posted = [];
  const intranet = await startIntranet(link, posted);
  const participant = await openIntranetPage(intranet.url);
  await participant.root.getByText('Workshop “\u2068Autumn alignment\u2069”: at the end you get a code').waitFor();
  const code = await participant.takeJoinedSurvey({
    role: 'Marketing', team: 'South', level: SCALE[1],
    salesReady: 'Asking for a demo, a quote or a conversation with sales', followUp: 'Within a week',
  });
  await participant.page.getByText('Your code has reached the workshop team. Thank you!').waitFor();
  assert.deepEqual(posted.map((p) => p.body), [{ code }], 'the code shown is the code sent');
  // The code card's QR code is drawn from a second origin under the strict policy too.
  await participant.root.locator('.samepage__qr svg[role="img"] path').waitFor({ state: 'attached' });
  assert.equal(posted[0].cookie, null, 'no cookie goes with it');
  assert.deepEqual(await participant.page.evaluate(() => window.violations), []);
  participant.expectNoErrors();

  await facilitator.pasteCodes(posted.map((p) => p.body.code).join('\n'));
  await facilitator.importReport().getByText('1 added, 0 updated, 0 already here, 0 refused.').waitFor();
  const [stored] = await facilitator.storedWorkshops();
  const [response] = stored.workshop.rounds[0].responses;
  assert.equal(parseAnswers(response.answers).role, 'marketing');
  assert.equal(response.team, 1);
  facilitator.expectNoErrors();
  await intranet.close();
});
