// A tiny static file server for the built app (dist/), on 127.0.0.1 and a free port.
// Used by the browser tests and by the benchmark; no dependencies.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` on `port` (0: any free one); resolves to { url, close }. `prefix` serves it
 * from a sub-path instead of the root (as an intranet would, e.g. '/tools/samepage/');
 * `headers` go on every response (a Content-Security-Policy, a CORS header for assets).
 */
export async function startServer(root = DIST, port = 0, { prefix = '/', headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    const full = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!full.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = '/' + full.slice(prefix.length);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

// Run directly (scripts/serve): serve dist/ on the port given, until stopped.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(DIST, Number(process.argv[2] ?? 8080));
  console.log(`SamePage: the survey on ${url} and the workshop page on ${url}workshop/`);
}
