// QR codes for the later screens, imported by the loaders (web/later.js) only when a screen
// first shows one: a workshop participant's code card, the workshop's join link. It draws them
// with the QR wasm (src/bin/qr.rs), which has no glue: it imports nothing and exports plain
// functions. scripts/assemble.mjs fills in the wasm's hashed name and hashes this file's.
let coder;
// A failed fetch is forgotten, so the next code tries again (a network that came back).
const qrWasm = () =>
  (coder ??= fetch(new URL('./__QR_WASM__', import.meta.url))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((bytes) => WebAssembly.instantiate(bytes))
    .then(({ instance }) => instance.exports)
    .catch((error) => {
      coder = undefined;
      throw error;
    }));
// Imported only for a screen about to show a QR code: the wasm's fetch starts at once.
qrWasm().catch(() => {});

/**
 * The QR code of `text` as SVG markup titled `title` (for screen readers), drawn by the QR
 * wasm; '' when the text is too long for a QR code.
 */
export async function qrSvg(text, title) {
  const qr = await qrWasm();
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > qr.qr_input_capacity()) return '';
  new Uint8Array(qr.memory.buffer, qr.qr_input(), bytes.length).set(bytes);
  const side = qr.qr_draw(bytes.length);
  if (!side) return '';
  const d = new TextDecoder().decode(new Uint8Array(qr.memory.buffer, qr.qr_path(), qr.qr_path_len()));
  const svgNs = 'http://www.w3.org/2000/svg';
  const element = (name, attributes) => {
    const e = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, value);
    return e;
  };
  const svg = element('svg', {
    viewBox: `0 0 ${side} ${side}`,
    role: 'img',
    class: 'samepage__qr',
    'shape-rendering': 'crispEdges',
  });
  const name = element('title', {});
  name.textContent = title;
  svg.append(name, element('rect', { width: side, height: side, fill: '#fff' }), element('path', { d, fill: '#000' }));
  return svg.outerHTML;
}

/** How long a participant's scorecard waits for its QR code before it shows without it. */
const QR_WAIT_MS = 5000;

/**
 * The later wasm's `markup` with each QR code's place (`data-qr`: the text, `data-qr-title`)
 * drawn by the QR wasm, read in an inert template. A place whose code cannot be had (a text
 * too long for one, the QR wasm unreachable or too slow to arrive) is left out: the code and
 * the link beside it say the same, and they must not wait on it.
 */
export async function withQrCodes(markup) {
  if (!markup.includes(' data-qr=')) return markup;
  const template = document.createElement('template');
  template.innerHTML = markup;
  for (const place of template.content.querySelectorAll('[data-qr]')) {
    const { qr, qrTitle } = place.dataset;
    const late = new Promise((resolve) => setTimeout(resolve, QR_WAIT_MS, ''));
    const svg = await Promise.race([qrSvg(qr, qrTitle), late]).catch(() => '');
    if (!svg) {
      place.remove();
      continue;
    }
    place.removeAttribute('data-qr');
    place.removeAttribute('data-qr-title');
    place.innerHTML = svg;
  }
  return template.innerHTML;
}
