import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const SHOP_DIR = resolve(import.meta.dirname, '../../tests/fixtures/shop');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

export interface ShopServer {
  /** Base URL ending in `/`, e.g. http://127.0.0.1:40123/ */
  url: string;
  close(): Promise<void>;
}

/** Serves the demo card shop (static files) on 127.0.0.1 at a free port. */
export async function serveShop(dir = SHOP_DIR, port = 0): Promise<ShopServer> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    // ?delay=MS answers slowly, like a busy image host (tests of lazy loading).
    const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5000);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 页面不存在');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
