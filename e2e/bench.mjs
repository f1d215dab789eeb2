// SamePage's benchmark: the size budgets; for each page, the sizes of what it loads (in the
// browser, up to its first screen being usable) and its cold-load time against its budget;
// then the core's timings in the browser.
// Run through scripts/bench, which builds the release first.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, measure } from './support/budgets.mjs';
import { launchChromium } from './support/browser.mjs';
import { startServer, DIST } from './support/server.mjs';

// Two pages, two budgets: the individual survey (what an anonymous respondent loads) stays
// small; the workshop page (facilitator's screens, team report, files, QR codes, and
// participants joining a workshop) has a budget of its own.
const PAGES = [
  { name: 'Survey page', path: '', ready: 'Start the survey' },
  { name: 'Workshop page', path: 'workshop/', ready: 'Create workshop' },
];
const BUDGET_LOAD_MS = 1500;
// Core timings in the browser, measured by tests/browser_bench.rs (release build).
const CORE_BUDGETS_MS = {
  score_and_diagnose_10000: 50,
  import_10000_codes: 2000,
  import_100000_codes: 3000,
  import_100000_codes_again: 3000,
  store_and_open_100000: 1000,
};
const LOADS = 5;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');

const server = await startServer();
const browser = await launchChromium();
let failed = false;

/** Every file `url` loads, measured on disk: raw, gzip and brotli. */
async function sizes(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded = new Set();
  page.on('requestfinished', (request) => loaded.add(new URL(request.url()).pathname));
  await page.goto(url);
  await page.locator('.samepage button').first().waitFor();
  await page.waitForLoadState('networkidle'); // late requests such as the favicon count too
  await context.close();
  const rows = [];
  for (const path of [...loaded].sort()) {
    const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
    const body = await readFile(file);
    rows.push({
      file: path,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

/** Median of cold loads (fresh context: empty cache and storage), navigation to `ready` usable. */
async function coldLoads(url, ready) {
  const usable = [];
  for (let i = 0; i < LOADS; i++) {
    const cold = await browser.newContext();
    const p = await cold.newPage();
    await p.goto(url, { waitUntil: 'commit' });
    await p.locator('.samepage button', { hasText: ready }).waitFor();
    usable.push(await p.evaluate(() => performance.now()));
    await cold.close();
  }
  return usable;
}

try {
  // The size budgets scripts/test enforces, from the files (deterministic).
  console.log('Size budgets (gzip, e2e/support/budgets.mjs)');
  for (const group of await measure()) {
    console.log(describe(group));
    const ok = group.total <= group.budget;
    if (!ok) console.log(`  ${verdict(ok)}`);
    failed ||= !ok;
  }

  for (const { name, path, ready } of PAGES) {
    const rows = await sizes(server.url + path);
    const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    console.log(`\n${name}: files it loads`);
    console.log(['file'.padEnd(52), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10)].join(''));
    for (const r of rows) {
      console.log([r.file.padEnd(52), kb(r.raw).padStart(10), kb(r.gzip).padStart(10), kb(r.brotli).padStart(10)].join(''));
    }
    console.log(['total'.padEnd(52), kb(total.raw).padStart(10), kb(total.gzip).padStart(10), kb(total.brotli).padStart(10)].join(''));

    const usable = await coldLoads(server.url + path, ready);
    const loadMs = median(usable);
    console.log(`${name}: cold loads (${LOADS}) to "${ready}" usable: ${usable.map((v) => v.toFixed(0)).join(', ')} ms`);
    console.log(`${name}: median ${loadMs.toFixed(0)} ms / budget ${BUDGET_LOAD_MS} ms: ${verdict(loadMs <= BUDGET_LOAD_MS)}`);
    failed ||= loadMs > BUDGET_LOAD_MS;
  }

  // The survey's first question, one click after load.
  const question = [];
  for (let i = 0; i < LOADS; i++) {
    const cold = await browser.newContext();
    const p = await cold.newPage();
    await p.goto(server.url, { waitUntil: 'commit' });
    await p.locator('.samepage button', { hasText: 'Start the survey' }).click();
    await p.locator('.samepage input[type=radio]').first().waitFor();
    question.push(await p.evaluate(() => performance.now()));
    await cold.close();
  }
  console.log(`\nSurvey page: median, navigation to first question shown (incl. one click): ${median(question).toFixed(0)} ms`);

  // Core timings: scripts/bench ran tests/browser_bench.rs and passes its output file.
  if (process.env.CORE_BENCH_OUTPUT) {
    const lines = (await readFile(process.env.CORE_BENCH_OUTPUT, 'utf8')).split('\n');
    console.log('\nIn the browser (release wasm, median of 5 runs)');
    for (const [name, budget] of Object.entries(CORE_BUDGETS_MS)) {
      const line = lines.find((l) => l.includes(`BENCH ${name} `));
      const ms = line ? Number(line.trim().split(' ').pop()) : NaN;
      const ok = ms <= budget;
      console.log(`  ${name.replaceAll('_', ' ')}: ${ms.toFixed(1)} ms / budget ${budget} ms: ${verdict(ok)}`);
      failed ||= !ok;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
