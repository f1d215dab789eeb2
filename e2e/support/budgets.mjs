// SamePage's size budgets, measured on the built dist/ (deterministic: scripts/test fails
// over them; scripts/bench prints them beside the timings). Each group is what one way of
// using SamePage downloads, in gzip (level 9), as a server compresses it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DIST } from './server.mjs';

const KB = 1024;
/** The survey's own files: its wasm and glue (hashed names), the widget's stylesheet. */
const survey = /^samepage-[0-9a-f]+(_bg\.wasm|\.js)$|^samepage-[0-9a-f]+\.css$/;
/** What only later screens need: the later wasm and its module, their stylesheet, the advice. */
const later = /^samepage-report-[0-9a-f]+(_bg\.wasm|\.js)$|^report-[0-9a-f]+\.css$|^advice-[0-9a-f]+\.[a-z]+\.([0-9]+\.)?txt$/;
/** The advice of one area: a personal scorecard fetches its weakest areas' (three at most). */
const areaAdvice = /^advice-[0-9a-f]+\.[a-z]+\.[0-9]+\.txt$/;
/** `report::scorecard::WEAKEST_SHOWN`: how many areas' advice a personal scorecard shows. */
const WEAKEST_SHOWN = 3;
/** The QR codes' module and its wasm, fetched when a screen first shows a QR code. */
const qrCoder = /^samepage-qr-[0-9a-f]+_bg\.wasm$|^qr-[0-9a-f]+\.js$/;
const page = /^index\.html$|^page-[0-9a-f]+\.css$|^page\.js$|^favicon-[0-9a-f]+\.svg$/;

export const GROUPS = [
  {
    name: 'Survey page, before the first question',
    folder: '',
    budget: 120 * KB,
    files: (f) => page.test(f) || survey.test(f) || f === 'samepage.js',
  },
  {
    name: 'Embed (script tag), before the first question',
    folder: '',
    budget: 120 * KB,
    files: (f) => survey.test(f) || f === 'samepage.js',
  },
  { name: 'Loader (samepage.js)', folder: '', budget: 2 * KB, files: (f) => f === 'samepage.js' },
  {
    name: 'Survey and embed, after the first screen',
    folder: '',
    budget: 30 * KB,
    files: (f) => later.test(f),
    // Of the areas' advice, what a scorecard fetches at most: the largest three.
    atMost: { files: areaAdvice, count: WEAKEST_SHOWN },
  },
  {
    // Only a workshop participant's code card and the facilitator's join link show one.
    name: 'QR codes, when a screen first shows one',
    folder: '',
    budget: 8 * KB,
    files: (f) => qrCoder.test(f),
  },
  {
    name: 'Workshop page',
    folder: 'workshop',
    budget: 300 * KB,
    // The workshop page links the later screens' stylesheet itself: its reports are first screens.
    files: (f) =>
      (!(later.test(f) || qrCoder.test(f)) || /^report-[0-9a-f]+\.css$/.test(f)) && /\.(html|css|js|wasm|svg)$/.test(f),
  },
];

/** Every group with its files' gzip sizes and total, from `dist`. */
export async function measure(dist = DIST) {
  const measured = [];
  for (const group of GROUPS) {
    const folder = join(dist, group.folder);
    const names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && group.files(entry.name))
      .map((entry) => entry.name)
      .sort();
    let files = [];
    for (const name of names) {
      const body = await readFile(join(folder, name));
      files.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    if (group.atMost) {
      const { files: some, count } = group.atMost;
      const kept = files.filter((f) => some.test(f.name)).sort((a, b) => b.gzip - a.gzip).slice(0, count);
      files = files.filter((f) => !some.test(f.name) || kept.includes(f));
    }
    files = files.map((f) => ({ ...f, name: join(group.folder, f.name) }));
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    measured.push({ ...group, files, total });
  }
  return measured;
}

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** The group's figures as lines of text. */
export function describe(group) {
  const lines = group.files.map((f) => `  ${f.name.padEnd(52)}${kb(f.raw).padStart(10)}${kb(f.gzip).padStart(10)}`);
  lines.push(`  ${'total (gzip)'.padEnd(62)}${kb(group.total).padStart(10)}  / budget ${kb(group.budget)}`);
  return [`${group.name}:`, ...lines].join('\n');
}
