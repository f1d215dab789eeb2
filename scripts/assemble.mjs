// Finishes trunk's builds so that dist/ works from any path, any origin and under a strict
// Content-Security-Policy. For each page folder:
//   - shrinks each wasm and its glue (see `shrink`);
//   - minifies the wasm-bindgen JS glue (trunk's minifier cannot parse it) and every other
//     script, and updates the integrity hashes the page carries;
//   - writes the page's loader from web/<loader> with the hashed file names filled in;
//   - removes trunk's inline start-up script (a strict CSP blocks inline scripts) and makes
//     every URL in the page relative to it.
// Usage: node scripts/assemble.mjs <dist folder> <loader> shadow|page [report folder]
//   `shadow`: the widget's stylesheet loads inside each instance's shadow root, not the page;
//   report folder: where an earlier run left the later wasms and their modules, to copy
//   (else build_release's output here).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, rename, writeFile } from 'node:fs/promises';
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

/** The wasm features Rust's wasm32 target emits (trunk strips the section that names them). */
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
  .map((feature) => `--enable-${feature}`);

/**
 * Shrinks the wasm at `path` in place, and returns its glue's (unminified) `source` to match:
 *   - removes the stream classes Leptos's server functions export from every wasm
 *     (wasm-streams' IntoUnderlying*; SamePage calls no server), with their glue classes;
 *   - gives every import, import module and export a short name (wasm-bindgen's names carry
 *     a hash each, in the wasm and in the glue) and renames them in the glue.
 * About 4 KB gzip off the survey page. Checks that every export the glue uses and every
 * import the wasm needs still meet; a glue of another shape fails the build.
 */
async function shrink(path, source) {
  const names = (bytes) => {
    const module = new WebAssembly.Module(bytes);
    return { imports: WebAssembly.Module.imports(module), exports: WebAssembly.Module.exports(module) };
  };
  // Two runs: what is removed first, so that the renaming run keeps every import in its
  // place and the i-th import before it is the i-th after it.
  execFileSync('wasm-opt', [...FEATURES, '--remove-exports=intounderlying*', '--remove-exports=__wbg_intounderlying*',
    '--remove-unused-module-elements', path, '-o', path]);
  const before = names(await readFile(path));
  const output = execFileSync('wasm-opt', [...FEATURES, '--minify-imports-and-exports-and-modules', path, '-o', path], {
    encoding: 'utf8',
  });
  const exportMap = new Map(JSON.parse(output).exports);
  const after = names(await readFile(path));
  if (before.imports.length !== after.imports.length) throw new Error(`${path}: renaming changed the imports`);
  let glue = source
    .replace(/^export class IntoUnderlying\w+ \{\n[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype[^\n]*\n)?/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
  const modules = new Map();
  for (const [index, old] of before.imports.entries()) {
    const renamed = after.imports[index];
    modules.set(old.module, renamed.module);
    glue = glue.replace(new RegExp(`\\b${old.name}\\b(?=:)`, 'g'), renamed.name);
  }
  for (const [old, renamed] of modules) glue = glue.replaceAll(`"${old}"`, JSON.stringify(renamed));
  glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => `wasm.${exportMap.get(name) ?? name}`);
  const exported = new Set(after.exports.map((e) => e.name));
  const missing = [...glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]).filter((n) => !exported.has(n));
  if (missing.length) throw new Error(`${path}: the glue uses exports the wasm lacks: ${[...new Set(missing)]}`);
  for (const i of after.imports) {
    if (!new RegExp(`[{,\\s]${i.name.replace(/\$/g, '\\$')}:`).test(glue)) {
      throw new Error(`${path}: the glue does not provide import ${i.module}.${i.name}`);
    }
  }
  return glue;
}

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
const reportCss = find(/^report-[0-9a-f]+\.css$/);

// The wasm and its glue: shrunk and minified, with the page's preload hashes updated.
const wasmBefore = await readFile(join(dist, wasm));
const glueSource = await readFile(join(dist, glue), 'utf8');
const glueCode = await squeeze(await shrink(join(dist, wasm), glueSource));
html = html.replaceAll(integrity(glueSource), integrity(glueCode));
html = html.replaceAll(integrity(wasmBefore), integrity(await readFile(join(dist, wasm))));
await writeFile(join(dist, glue), glueCode);

// Copied scripts (web/page.js): minified.
for (const name of files.filter((f) => f.endsWith('.js') && f !== glue)) {
  await writeFile(join(dist, name), await squeeze(await readFile(join(dist, name), 'utf8')));
}

// The later wasms, the scorecard's and the QR codes' (built by `build_release` in
// scripts/setup.sh: neither has wasm-bindgen glue, each has a module of ours that calls its
// exports, web/report.js and web/qr.js): content-hashed names, so an upgrade never meets an
// old copy in a cache; each module with its wasm's name filled in, minified.
/** Copies the file `named` matches from the report folder. */
const copied = async (named) => {
  const found = (await readdir(reportFrom)).find((f) => named.test(f));
  if (!found) throw new Error(`${reportFrom}: no ${named} to copy`);
  await copyFile(join(reportFrom, found), join(dist, found));
  return found;
};
/** The wasm `bin` and its module `source` (in web/), under content-hashed names `<prefix>-<hash>`. */
const laterWasm = async (bin, source, prefix) => {
  if (reportFrom) {
    await copied(new RegExp(`^${bin}-[0-9a-f]+_bg\\.wasm$`));
    return copied(new RegExp(`^${prefix}-[0-9a-f]+\\.js$`));
  }
  const path = join(dist, `${bin}_bg.wasm`);
  const wasm = `${bin}-${hash(await readFile(path))}_bg.wasm`;
  await rename(path, join(dist, wasm));
  const code = await squeeze((await readFile(join(web, source), 'utf8')).replace(/__[A-Z]+_WASM__/g, wasm));
  const module = `${prefix}-${hash(code)}.js`;
  await writeFile(join(dist, module), code);
  return module;
};
const reportModule = await laterWasm('samepage-report', 'report.js', 'samepage-report');
const qrModule = await laterWasm('samepage-qr', 'qr.js', 'qr');

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
    .replaceAll('__REPORT_CSS__', reportCss)
    .replaceAll('__REPORT_JS__', reportModule)
    .replaceAll('__QR_JS__', qrModule),
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
  // The later screens' stylesheet: the loader adds it to each shadow root with the later wasm.
  const later = new RegExp(`<link href=${reportCss} integrity=[^ >]+ rel=stylesheet>`);
  if (!later.test(html)) throw new Error(`${pagePath}: the later screens' stylesheet link was not found`);
  html = html.replace(later, '');
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(`${pagePath}: an inline script is left`);
if (/\sstyle=/.test(html)) throw new Error(`${pagePath}: a style attribute is left`);
if (/(href|src)=["']?\//.test(html)) throw new Error(`${pagePath}: an absolute URL is left`);
await writeFile(pagePath, html);
console.log(`${dist}: ${loader} (${loaderCode.length} bytes) loads ${glue}, ${wasm}, ${css}`);
