// Minifies the wasm-bindgen JS glue of trunk builds (trunk's minifier cannot parse it and
// leaves it as it is), then puts the new file's SRI hash into the page, so the browser still
// checks it. Usage: node scripts/minify-glue.mjs <dist folder>...
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = fileURLToPath(new URL('../.tools/package.json', import.meta.url));
const { minify } = createRequire(tools)('terser');

for (const dist of process.argv.slice(2)) {
  const page = join(dist, 'index.html');
  let html = await readFile(page, 'utf8');
  for (const name of (await readdir(dist)).filter((f) => f.endsWith('.js'))) {
    const path = join(dist, name);
    const source = await readFile(path, 'utf8');
    const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    const before = `integrity=sha384-${createHash('sha384').update(source).digest('base64')}`;
    const after = `integrity=sha384-${createHash('sha384').update(code).digest('base64')}`;
    if (!html.includes(before)) throw new Error(`${page} carries no integrity hash for ${name}`);
    html = html.replaceAll(before, after);
    await writeFile(path, code);
    console.log(`${path}: ${source.length} → ${code.length} bytes`);
  }
  await writeFile(page, html);
}
