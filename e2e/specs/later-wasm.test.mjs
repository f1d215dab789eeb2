// The later wasm as built (src/bin/report.rs), driven as its module (web/report.js) drives it,
// in Node: it needs nothing from outside, and request after request it answers in the memory
// it already has (its arena starts again with each request), so a survey whose scorecard is
// shown again and again never makes it grow.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { DIST } from '../support/server.mjs';

async function laterWasm() {
  const name = (await readdir(DIST)).find((f) => /^samepage-report-[0-9a-f]+_bg\.wasm$/.test(f));
  const module = new WebAssembly.Module(await readFile(join(DIST, name)));
  assert.deepEqual(WebAssembly.Module.imports(module), [], 'the later wasm imports nothing');
  return new WebAssembly.Instance(module, {}).exports;
}

/** The answer of export `name` to `fields`, written as web/report.js writes them. */
function ask(w, name, fields) {
  fields.forEach((field, index) => {
    const bytes = new TextEncoder().encode(field);
    const at = w.later_field(index, bytes.length);
    new Uint8Array(w.memory.buffer, at, bytes.length).set(bytes);
  });
  const length = w[name]();
  return new TextDecoder().decode(new Uint8Array(w.memory.buffer, w.later_output(), length));
}

test('request after request, the later wasm answers in the memory it already has', async () => {
  const w = await laterWasm();
  // A large advice text (as a damaged file could be), a stored survey it cannot read, and a
  // questionnaire of one record (the survey hands it its own).
  const advice = 'P\t'.repeat(100_000);
  const request = ['not a survey', 'I\tx\t1\ten=T', advice, '', 'en', 'p', '', '', '', '', ''];
  const first = ask(w, 'later_scorecard', request);
  assert.match(first, /<p role="alert">Your scorecard could not be prepared \(unreadable\)/);
  const size = w.memory.buffer.byteLength;
  for (let i = 0; i < 200; i++) assert.equal(ask(w, 'later_scorecard', request), first);
  // 200 requests of 200 KB each: 40 MB, had any of it stayed.
  assert.equal(w.memory.buffer.byteLength, size);
  const detail = JSON.parse(ask(w, 'later_complete', ['not a survey', 'I\tx\t1\ten=T', 'en', '1', '', '', '']));
  assert.deepEqual(detail, { schema: 1, instrument: { id: 'x', version: '1' } });
  assert.equal(w.memory.buffer.byteLength, size);
});
