// What an instance's later screens need, fetched only when first asked for: the survey's
// later wasm through its module (web/report.js: the scorecard, the results for the host
// page), the QR codes' module (web/qr.js, which only participants' and facilitators' screens
// need) and the advice files. Shared by both pages' loaders (scripts/assemble.mjs puts it
// inside them).
const fetched = {};
// Each fetched once; a failed fetch is forgotten, so the next request tries again (a network
// that came back).
const once = (key, start) =>
  (fetched[key] ??= start().catch((error) => {
    delete fetched[key];
    throw error;
  }));
const module = () => once('report', () => import(here('./__REPORT_JS__')));
const qrCodes = () => once('qr', () => import(here('./__QR_JS__')));
const adviceFile = (name) =>
  once(name, () => fetch(here(name)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`)))));

/** Answers an instance's request (JSON text, see `core::embed::LaterRequest`) with text. */
async function later(json) {
  const r = JSON.parse(json);
  if (r.what === 'advice') return adviceFile(r.advice);
  if (r.what === 'prepare') return module().then(() => '');
  if (r.what === 'qr') return (await qrCodes()).qrSvg(r.text, r.title);
  // A participant's scorecard shows a QR code: its module and wasm load beside the later wasm.
  if (r.workshop != null) qrCodes().catch(() => {});
  const m = await module();
  if (r.what === 'complete') return m.complete(r);
  const markup = await m.scorecard(r, adviceFile, workshopPage);
  // A code card's QR code is drawn in its place; the place stays empty when it cannot be had.
  return markup.includes(' data-qr=') ? qrCodes().then((qr) => qr.withQrCodes(markup), () => markup) : markup;
}

/**
 * Wires the copy buttons of a later screen's static markup (a workshop participant's code card,
 * drawn by the later wasm) inside `root`: a button with `data-copy` copies the value of the
 * field it names, and its status line (`<field>-status`) then says `data-done`, or
 * `data-failed` when the browser refused.
 */
function copyButtonsIn(root) {
  root.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-copy]');
    if (!button) return;
    const find = (id) => root.querySelector(`#${CSS.escape(id)}`);
    const status = find(`${button.dataset.copy}-status`);
    const say = (ok) => {
      if (!status) return;
      status.textContent = ok ? button.dataset.done : button.dataset.failed;
      status.className = ok ? 'samepage__success' : 'samepage__error';
    };
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(find(button.dataset.copy).value))
      .then(() => say(true), () => say(false));
  });
}
