// What an instance's later screens need, fetched only when first asked for: the survey's
// later wasm (the scorecard, the results for the host page, QR codes) and the advice file. Shared by
// both pages' loaders (scripts/assemble.mjs puts it inside them).
let report;
const advice = {};
// A failed fetch is forgotten, so the next request tries again (a network that came back).
const module = () =>
  (report ??= import(here('./__REPORT_GLUE__'))
    .then(async (m) => {
      await m.default({ module_or_path: here('./__REPORT_WASM__') });
      return m;
    })
    .catch((error) => {
      report = undefined;
      throw error;
    }));
const adviceFile = (name) =>
  (advice[name] ??= fetch(here(name))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .catch((error) => {
      delete advice[name];
      throw error;
    }));

/** Answers an instance's request (JSON text, see `core::embed::LaterRequest`) with text. */
async function later(json) {
  const r = JSON.parse(json);
  if (r.what === 'advice') return adviceFile(r.advice);
  if (r.what === 'prepare') {
    adviceFile(r.advice).catch(() => {});
    return module().then(() => '');
  }
  const m = await module();
  if (r.what === 'complete') return m.complete_detail(r.saved, r.locale, r.share);
  if (r.what === 'qr') return m.qr_svg(r.text, r.title);
  let text;
  let problem = '';
  try {
    text = await adviceFile(r.advice);
  } catch (error) {
    problem = error.message || String(error);
  }
  return m.personal_scorecard(r.saved, text, problem, r.locale, r.prefix);
}
