// Issue #8, privacy: during a full flow (captures from the popup, a chat capture, the
// side panel, an export) the extension itself makes no network request. The only
// requests allowed are the captured shop's own (127.0.0.1) and the extension's files.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  captureWithPopup,
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openPanel,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';

interface Seen {
  url: string;
  /** 'worker' for the extension's service worker, else the page's URL. */
  from: string;
  failed?: boolean;
}

let session: ExtensionSession;
let shop: ShopServer;
/** Stands in for "the internet": a server the extension must never contact. */
let outside: Server;
let outsideUrl: string;
const outsideHits: string[] = [];
const seen: Seen[] = [];

beforeAll(async () => {
  shop = await serveShop();
  outside = createServer((req, res) => {
    outsideHits.push(req.url ?? '');
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((ok) => outside.listen(0, '127.0.0.1', ok));
  // localhost, not 127.0.0.1: a different origin from the shop, so it is told apart.
  outsideUrl = `http://localhost:${(outside.address() as AddressInfo).port}/`;
  session = await launchWithExtension({ extensionDir: EXTENSION_DIR });
  // Every request of the context: pages, extension pages and (Playwright reports them
  // with request.serviceWorker()) the extension's service worker.
  session.context.on('request', (r) => {
    const worker = r.serviceWorker();
    let from = 'worker';
    if (!worker) {
      try {
        from = r.frame().url();
      } catch {
        // A navigation request issued before its frame exists (a new popup window).
        from = 'new frame';
      }
    }
    seen.push({ url: r.url(), from });
  });
  session.context.on('requestfailed', (r) => {
    seen.push({ url: r.url(), from: r.serviceWorker() ? 'worker' : 'page', failed: true });
  });
});

afterAll(async () => {
  await session?.close();
  await shop?.close();
  await new Promise((ok) => outside?.close(ok));
});

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${shop.url}${path}`, { waitUntil: 'load' });
  return page;
}

const CONTROL = 'positive-control';

describe('no network requests of its own', () => {
  it('positive control: the recorder sees a request made from the worker and from an extension page', async () => {
    const worker = await session.worker();
    await worker.evaluate(async (url) => {
      await fetch(url);
    }, `${outsideUrl}${CONTROL}/worker`);
    const panel = await openPanel(session);
    await panel.evaluate(async (url) => {
      await fetch(url);
    }, `${outsideUrl}${CONTROL}/page`);
    await panel.close();
    await expect
      .poll(() =>
        seen
          .filter((s) => s.url.includes(CONTROL))
          .map((s) => `${s.from === 'worker' ? 'worker' : 'page'} ${new URL(s.url).pathname}`),
      )
      .toEqual(expect.arrayContaining([`worker /${CONTROL}/worker`, `page /${CONTROL}/page`]));
    expect(outsideHits).toEqual([`/${CONTROL}/worker`, `/${CONTROL}/page`]);
  });

  it('a full flow (captures, chat, side panel, export) sends nothing anywhere else', async () => {
    for (const [path, kind] of [
      ['order.html', 'order'],
      ['payment.html', 'payment'],
      ['chat.html', 'chat'],
    ] as const) {
      const page = await open(path);
      const result = await captureWithPopup(session, page, kind);
      expect(result.state, `${path}: ${result.message}`).toBe('done');
      await page.close();
    }
    const panel = await openPanel(session);
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBe(3);
    await exportWithPanel(session, panel);
    await panel.close();

    const allowed = (url: string) =>
      url.startsWith(shop.url) ||
      url.startsWith(`chrome-extension://${session.extensionId}/`) ||
      /^(data|blob|about):/.test(url);
    const leaks = seen.filter((s) => !s.url.includes(CONTROL) && !allowed(s.url));
    expect(leaks, JSON.stringify(leaks.slice(0, 10))).toEqual([]);
    expect(outsideHits.filter((h) => !h.includes(CONTROL))).toEqual([]);
    // The recorder was listening during the flow: it saw the shop pages load.
    expect(seen.some((s) => s.url.startsWith(`${shop.url}chat.html`))).toBe(true);
  });
});
