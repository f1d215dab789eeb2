// SamePage's loader: the one file a page includes to show SamePage, under a name that never
// changes (an intranet page need not be edited after an upgrade). It loads the hashed wasm
// and stylesheet from its own folder (and, after the first screen, what later screens need),
// and mounts an instance into every [data-samepage] element, now and whenever one is added
// later, each in an open shadow root of its own, so the page's styles and SamePage's never
// meet. scripts/assemble.mjs fills in the hashed names.
import init, { mount } from './__GLUE__';

const here = (name) => new URL(name, import.meta.url).href;
const stylesheet = here('./__CSS__');
// Where a workshop participant's code links back to: the workshop page beside this loader.
const workshopPage = here('./workshop/');
// What only later screens show (the scorecard, a participant's code card) is styled by a
// stylesheet of its own, added to every instance's shadow root once the first asks for them.
const roots = [];
let laterStyled = false;
const styleLaterScreens = (root) => root.append(sheet(here('./__REPORT_CSS__')));
const laterForInstances = (json) => {
  if (!laterStyled) roots.forEach(styleLaterScreens);
  laterStyled = true;
  return later(json);
};
function sheet(href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  return link;
}
const started = init({ module_or_path: here('./__WASM__') });
const mounted = new WeakSet();

function attach(host) {
  if (mounted.has(host)) return;
  mounted.add(host);
  let root;
  try {
    root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  } catch (error) {
    console.warn('SamePage cannot mount into this element (it takes no shadow root):', host, error);
    return;
  }
  const link = sheet(stylesheet);
  const container = document.createElement('div');
  // Hidden until its stylesheet is in, so the survey never shows unstyled.
  container.hidden = true;
  root.append(link, container);
  roots.push(root);
  if (laterStyled) styleLaterScreens(root);
  copyButtonsIn(container);
  const styled = new Promise((done) => {
    link.onload = link.onerror = done;
  });
  Promise.all([started, styled]).then(
    () => {
      container.hidden = false;
      mount(container, host, laterForInstances);
    },
    // The wasm did not load (a policy without 'wasm-unsafe-eval', no CORS header, the
    // network): say so on the page and to the host, instead of an empty element.
    (error) => {
      console.error('SamePage could not start:', error);
      container.hidden = false;
      container.textContent = 'SamePage could not start. Reload the page to try again.';
      const detail = { message: String(error?.message ?? error) };
      host.dispatchEvent(new CustomEvent('samepage:error', { bubbles: true, composed: true, detail }));
    },
  );
}

/* @include later.js */

const scan = () => document.querySelectorAll('[data-samepage]').forEach(attach);
scan();
new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
