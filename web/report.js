// The survey's later screens, imported by the loaders (web/later.js) once a survey is past its
// first screen: the personal scorecard and the `samepage:complete` detail, made by the later
// wasm (src/bin/report.rs). That wasm has no glue: it imports nothing, and this module writes
// each request's text fields into its memory and reads the answer back.
// scripts/assemble.mjs fills in the wasm's hashed name and hashes this file's.
let later;
// A failed fetch is forgotten, so the next request tries again (a network that came back).
const laterWasm = () =>
  (later ??= fetch(new URL('./__REPORT_WASM__', import.meta.url))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((bytes) => WebAssembly.instantiate(bytes))
    .then(({ instance }) => instance.exports)
    .catch((error) => {
      later = undefined;
      throw error;
    }));
// Imported once the survey is past its first screen: the wasm's fetch starts at once.
laterWasm().catch(() => {});

/** The later wasm's answer to `fields` (text, numbers or nothing) from its export `name`. */
async function ask(name, fields) {
  const w = await laterWasm();
  try {
    fields.forEach((field, index) => {
      const bytes = new TextEncoder().encode(field ?? '');
      // The room first: making it can grow the memory, which replaces its buffer.
      const at = w.later_field(index, bytes.length);
      if (!at) throw new Error(`the later wasm has no field ${index}`);
      new Uint8Array(w.memory.buffer, at, bytes.length).set(bytes);
    });
    const length = w[name]();
    const at = w.later_output();
    return new TextDecoder().decode(new Uint8Array(w.memory.buffer, at, length));
  } catch (error) {
    // A wasm that trapped is not asked again: the next request starts a fresh one.
    later = undefined;
    throw error;
  }
}

/**
 * The personal scorecard's markup for the request `r` (see `core::embed::LaterRequest`), with
 * the advice of its weakest areas (the files the wasm names, each fetched by `fetchText`) or
 * the problem that kept it away; a participant's code card links back to `workshopPage`.
 */
export async function scorecard(r, fetchText, workshopPage) {
  const names = (await ask('later_advice', [r.saved, r.instrument, r.advice])).split('\n').filter(Boolean);
  let advice = '';
  let problem = '';
  try {
    advice = (await Promise.all(names.map(fetchText))).map((text) => `\0${text}`).join('');
  } catch (error) {
    problem = error.message || String(error);
  }
  return ask('later_scorecard', [
    r.saved, r.instrument, advice, problem, r.locale, r.prefix, r.workshop, r.nonce, r.team, r.code, workshopPage,
  ]);
}

/** The `samepage:complete` detail (JSON text) for the request `r`. */
export const complete = (r) =>
  ask('later_complete', [r.saved, r.instrument, r.locale, r.share ? 1 : '', r.workshop, r.nonce, r.team]);
