// A second origin playing an intranet: serves the host pages of e2e/fixtures/hosts/, with
// {{SAMEPAGE}} (SamePage's URL) and {{FRAME}} (an iframe's src) filled in, under a strict
// Content-Security-Policy that admits SamePage's origin as the README tells hosts to.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOSTS = fileURLToPath(new URL('../fixtures/hosts/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** The strict policy of issue 9, with `extra` origins added where a cross-origin embed needs them. */
export function strictPolicy(extra = '', frames = '') {
  const more = extra ? ` ${extra}` : '';
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval'${more}`,
    `style-src 'self'${more}`,
    `img-src 'self' data:${more}`,
    `connect-src 'self'${more}`,
    ...(frames ? [`frame-src ${frames}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Serves the host pages; `samepage` is SamePage's URL (ending in /); `frame(hostOrigin)`
 * gives an iframe's src.
 */
export async function startHost({ samepage, frame = () => '' }) {
  const origin = new URL(samepage).origin;
  let hostOrigin = '';
  const server = createServer(async (request, response) => {
    const name = new URL(request.url, 'http://x').pathname.slice(1) || 'script-tag.html';
    try {
      let body = await readFile(join(HOSTS, name.replace(/[^a-z.-]/g, '')), 'utf8');
      body = body.replaceAll('{{SAMEPAGE}}', samepage).replaceAll('{{FRAME}}', frame(hostOrigin));
      response.writeHead(200, {
        'content-type': TYPES[extname(name)] ?? 'text/plain',
        // `?nowasm`: a host whose policy forgets 'wasm-unsafe-eval' (SamePage cannot start).
        'content-security-policy': request.url.includes('nowasm')
          ? strictPolicy(origin, origin).replace(" 'wasm-unsafe-eval'", '')
          : strictPolicy(origin, origin),
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  hostOrigin = url.slice(0, -1);
  return {
    url,
    origin: url.slice(0, -1),
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}
