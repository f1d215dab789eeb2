// The workshop page's starter (a file, not an inline script, so a strict Content-Security-
// Policy allows it): loads the page's hashed wasm from this folder and starts it, handing it
// the `later` function for personal scorecards and the advice. scripts/assemble.mjs fills in the hashed names.
import init, { start } from './__GLUE__';

const here = (name) => new URL(name, import.meta.url).href;
// Where a participant's code links back to: this page (older links and earlier versions).
const workshopPage = here('./');

// ?kiosk: a participants' terminal the public shares; the participant's survey clears itself
// between people (the survey page's page.js does the same).
if (new URLSearchParams(location.search).has('kiosk')) {
  for (const host of document.querySelectorAll('[data-samepage]')) host.dataset.kiosk = '';
}

/* @include later.js */

document.querySelectorAll('[data-samepage]').forEach(copyButtonsIn);
init({ module_or_path: here('./__WASM__') }).then(() => start(later));
