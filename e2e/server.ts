import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/plain; charset=utf-8',
};

/** Static server on 127.0.0.1, port chosen by the OS: the built app plus test fixtures. */
export async function startServer(opts: { root: string; mounts?: Record<string, string> }): Promise<{ url: string; close: () => Promise<void> }> {
  const resolve = (urlPath: string): string | null => {
    for (const [prefix, dir] of Object.entries(opts.mounts ?? {})) {
      if (urlPath.startsWith(prefix)) return safeJoin(dir, urlPath.slice(prefix.length));
    }
    return safeJoin(opts.root, urlPath === '/' ? 'index.html' : urlPath);
  };
  const server: Server = createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(urlPath);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function safeJoin(dir: string, rel: string): string | null {
  const p = normalize(join(dir, rel));
  return p === dir || p.startsWith(dir + sep) ? p : null;
}
