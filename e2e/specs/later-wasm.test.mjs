// The later wasm as built (src/bin/report.rs): it needs nothing from outside, and request
// after request it answers in the memory it already has (its arena starts again with each
// request), so a survey whose scorecard is shown again and again never makes it grow. Driven
// in Node as its module (web/report.js) drives it, and in the survey page by a respondent.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { DIST } from '../support/server.mjs';
import { DIMENSIONS, useApp } from '../support/survey-page.mjs';

const app = useApp();

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
  assert.match(first, /<p role="alert">Your scorecard could not be prepared \(the stored answers could not be read\)/);
  const size = w.memory.buffer.byteLength;
  for (let i = 0; i < 200; i++) assert.equal(ask(w, 'later_scorecard', request), first);
  // 200 requests of 200 KB each: 40 MB, had any of it stayed.
  assert.equal(w.memory.buffer.byteLength, size);
  const detail = JSON.parse(ask(w, 'later_complete', ['not a survey', 'I\tx\t1\ten=T', 'en', '1', '', '', '']));
  assert.deepEqual(detail, { schema: 1, instrument: { id: 'x', version: '1' } });
  assert.equal(w.memory.buffer.byteLength, size);
});

test('a respondent who changes answers and sees the scorecard again and again: the same memory', async () => {
  // The page's later wasm, kept where the test can read its memory's size.
  const survey = await app.open({
    initScript: () => {
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = async (...args) => {
        const made = await instantiate.apply(WebAssembly, args);
        if (made.instance?.exports.later_scorecard) window.laterWasm = made.instance.exports;
        return made;
      };
    },
  });
  const memory = () => survey.page.evaluate(() => window.laterWasm.memory.buffer.byteLength);
  await survey.start();
  await survey.chooseRole('Sales');
  await survey.answerAllPages((page, i) => (i % 2 ? 'Disagree' : 'Agree'));
  const sizes = [];
  for (let round = 0; round < 4; round++) {
    await survey.button('See my scorecard').click();
    await survey.expectHeading('Your alignment scorecard');
    await survey.root.locator('.samepage__plays').first().waitFor();
    sizes.push(await memory());
    await survey.button('Change my answers').click();
    for (const area of DIMENSIONS) {
      await survey.expectHeading(area);
      await survey.next();
    }
  }
  // The first scorecard grew the memory to what a scorecard needs; the next ones reuse it.
  assert.deepEqual(sizes.slice(1), [sizes[0], sizes[0], sizes[0]]);
  survey.expectNoErrors();
});
