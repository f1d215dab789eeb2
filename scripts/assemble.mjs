// Finishes trunk's builds so that dist/ works from any path, any origin and under a strict
// Content-Security-Policy. For each page folder:
//   - minifies the wasm-bindgen JS glue (trunk's minifier cannot parse it) and every other
//     script, and updates the integrity hashes the page carries;
//   - writes the page's loader from web/<loader> with the hashed file names filled in;
//   - removes trunk's inline start-up script (a strict CSP blocks inline scripts) and makes
//     every URL in the page relative to it.
// Usage: node scripts/assemble.mjs <dist folder> <loader> shadow|page [report folder]
//   `shadow`: the widget's stylesheet loads inside each instance's shadow root, not the page;
//   report folder: where an earlier run left the later wasm, to copy (else trunk's output here).
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = fileURLToPath(new URL('../.tools/package.json', import.meta.url));
const { minify } = createRequire(tools)('terser');
const web = fileURLToPath(new URL('../web/', import.meta.url));

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const squeeze = async (source) =>
  (await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true })).code;

const [dist, loader, mode, reportFrom] = process.argv.slice(2);
const pagePath = join(dist, 'index.html');
let html = await readFile(pagePath, 'utf8');
const files = await readdir(dist);
const find = (pattern) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`${dist}: expected one file like ${pattern}, found ${found}`);
  return found[0];
};
const wasm = find(/^samepage-(workshop-)?[0-9a-f]+_bg\.wasm$/);
const glue = wasm.replace(/_bg\.wasm$/, '.js');
const css = find(/^samepage-[0-9a-f]+\.css$/);

// The glue: minified, with the page's preload hash updated.
const glueSource = await readFile(join(dist, glue), 'utf8');
const glueCode = await squeeze(glueSource);
html = html.replaceAll(integrity(glueSource), integrity(glueCode));
await writeFile(join(dist, glue), glueCode);

// Copied scripts (web/page.js): minified.
for (const name of files.filter((f) => f.endsWith('.js') && f !== glue && !f.startsWith('samepage-report'))) {
  await writeFile(join(dist, name), await squeeze(await readFile(join(dist, name), 'utf8')));
}

// The later wasm (trunk builds it as a worker, so without a hash in its name): minified glue
// and content-hashed names, so an upgrade never meets an old copy in a cache.
let reportWasm;
if (reportFrom) {
  reportWasm = (await readdir(reportFrom)).find((f) => /^samepage-report-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!reportWasm) throw new Error(`${reportFrom}: no later wasm (samepage-report-*_bg.wasm) to copy`);
  for (const name of [reportWasm, reportWasm.replace(/_bg\.wasm$/, '.js')]) {
    await copyFile(join(reportFrom, name), join(dist, name));
  }
} else {
  const source = await readFile(join(dist, 'samepage-report.js'), 'utf8');
  reportWasm = `samepage-report-${hash(await readFile(join(dist, 'samepage-report_bg.wasm')))}_bg.wasm`;
  await rename(join(dist, 'samepage-report_bg.wasm'), join(dist, reportWasm));
  await writeFile(join(dist, reportWasm.replace(/_bg\.wasm$/, '.js')), await squeeze(source));
  await rm(join(dist, 'samepage-report.js'));
}
const reportGlue = reportWasm.replace(/_bg\.wasm$/, '.js');

// The loader, under its stable name, with web/later.js inside it.
const template = (await readFile(join(web, loader), 'utf8')).replace(
  '/* @include later.js */',
  await readFile(join(web, 'later.js'), 'utf8'),
);
const loaderCode = await squeeze(
  template
    .replaceAll('__GLUE__', glue)
    .replaceAll('__WASM__', wasm)
    .replaceAll('__CSS__', css)
    .replaceAll('__REPORT_GLUE__', reportGlue)
    .replaceAll('__REPORT_WASM__', reportWasm),
);
await writeFile(join(dist, loader), loaderCode);

// The page: no inline script, relative URLs, and for a shadow-root page the widget's
// stylesheet only preloaded (each instance links it inside its shadow root).
html = html.replace(/<script type=module>[\s\S]*?<\/script>/, '');
html = html.replace(/(href|src)=(["']?)\/(?:[a-z-]+\/)?(?=[^/"' >]+[ >"'])/g, '$1=$2');
if (mode === 'shadow') {
  const linked = new RegExp(`<link href=${css} integrity=[^ >]+ rel=stylesheet>`);
  if (!linked.test(html)) throw new Error(`${pagePath}: the widget's stylesheet link was not found`);
  html = html.replace(linked, `<link as=style href=${css} rel=preload>`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(`${pagePath}: an inline script is left`);
if (/\sstyle=/.test(html)) throw new Error(`${pagePath}: a style attribute is left`);
if (/(href|src)=["']?\//.test(html)) throw new Error(`${pagePath}: an absolute URL is left`);
await writeFile(pagePath, html);
console.log(`${dist}: ${loader} (${loaderCode.length} bytes) loads ${glue}, ${wasm}, ${css}`);
