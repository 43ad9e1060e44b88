// Issue #8, faults: the service worker stopped mid-capture and mid-export, the browser
// closed mid-capture, twenty captures fired at once across five tabs. Afterwards no
// partial record is visible, every custody chain verifies and the next capture works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as extensionBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustodyEntry, verifyCustodyChain } from '../../lib/integrity/custody';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  captureWithPopup,
  type ExtensionSession,
  launchWithExtension,
  openPanel,
  openPopupFor,
  stopServiceWorker,
  wakeServiceWorker,
  tabIdOf,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';
import { readStore, runVerifyCli } from './helpers';

declare const chrome: typeof extensionBrowser;

let shop: ShopServer;
beforeAll(async () => {
  shop = await serveShop();
});
afterAll(async () => {
  await shop?.close();
});

async function open(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${shop.url}${path}`, { waitUntil: 'load' });
  return page;
}

/** Every custody entry as stored, case by case in chain order (raw IndexedDB). */
function readCustody(extensionPage: Page): Promise<CustodyEntry[]> {
  return extensionPage.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('kameng-evidence');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows: CustodyEntry[] = await new Promise((ok, fail) => {
      const req = db.transaction('custody').objectStore('custody').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return rows;
  });
}

/**
 * Nothing half-written: every item's files are stored and match their hashes, every
 * item has its custody entry and every capture entry its item, and each case's chain
 * verifies. Returns the store for further checks.
 */
async function expectWhole(extensionPage: Page) {
  const store = await readStore(extensionPage);
  for (const item of store.items)
    for (const a of item.artifacts)
      expect(a.recomputed, `${item.url} ${a.fileName}`).toBe(a.sha256);
  const custody = await readCustody(extensionPage);
  const captured = custody.filter((e) => e.action === 'capture').map((e) => e.evidenceId);
  expect([...captured].sort()).toEqual(store.items.map((i) => i.id).sort());
  for (const c of store.cases) {
    const chain = custody.filter((e) => e.caseId === c.id).sort((a, b) => a.seq - b.seq);
    expect(await verifyCustodyChain(chain), `custody chain of ${c.title}`).toEqual([]);
  }
  // No blob without an item: a capture's blobs land with its row or not at all.
  const referenced = new Set(store.items.flatMap((i) => i.artifacts.map((a) => a.sha256)));
  expect(store.blobCount).toBe(referenced.size);
  return { ...store, custody };
}

describe('the service worker stopped mid-operation', () => {
  let session: ExtensionSession;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension({ extensionDir: EXTENSION_DIR });
    panel = await openPanel(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('mid-capture: the capture fails, nothing partial is stored, the next capture lands', async () => {
    const first = await open(session, 'order.html');
    expect((await captureWithPopup(session, first, 'order')).state).toBe('done');
    const before = await expectWhole(panel);

    // A long page: its full-page screenshot takes several seconds of slices.
    const page = await open(session, 'reviews.html?h=20000');
    let stopped = 0;
    const result = await captureWithPopup(session, page, 'other', async () => {
      await new Promise((r) => setTimeout(r, 1500));
      stopped = await stopServiceWorker(session);
    });
    expect(stopped).toBe(1);
    expect(result.state, result.message).toBe('error');
    const after = await expectWhole(panel);
    expect(after.items.length).toBe(before.items.length);
    expect(after.blobCount).toBe(before.blobCount);
    expect(after.custody.length).toBe(before.custody.length);

    await wakeServiceWorker(session, panel);
    // A fresh worker takes the next capture; the page is still capturable.
    const again = await captureWithPopup(session, page, 'other');
    expect(again.state, again.message).toBe('done');
    const last = await expectWhole(panel);
    expect(last.items.length).toBe(before.items.length + 1);
    await first.close();
    await page.close();
  });

  it('mid-export: the export (run by the panel) completes and the pack verifies', async () => {
    await panel.reload();
    await panel.getByTestId('export').waitFor();
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBeGreaterThan(1);
    const started = Date.now();
    await panel.getByTestId('export').click();
    const stopped = await stopServiceWorker(session);
    expect(stopped).toBeLessThanOrEqual(1);
    const status = panel.locator(
      '[data-testid=export-status][data-state=done], [data-testid=export-status][data-state=error]',
    );
    await status.waitFor({ timeout: 60_000 });
    expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
    // The download, asked of the browser from the panel (the worker may be gone).
    const file = await expect
      .poll(
        () =>
          panel.evaluate(async (since) => {
            const [d] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
            return d && d.state === 'complete' && Date.parse(d.startTime) >= since - 2000
              ? d.filename
              : '';
          }, started),
        { timeout: 30_000 },
      )
      .not.toBe('')
      .then(() =>
        panel.evaluate(async () => {
          const [d] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
          return d?.filename ?? '';
        }),
      );
    const verified = await runVerifyCli(file);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const store = await expectWhole(panel);
    expect(store.custody.filter((e) => e.action === 'export')).toHaveLength(1);
    await wakeServiceWorker(session, panel);
  });

  it('twenty captures started within three seconds across five tabs all land, in order', async () => {
    const before = await expectWhole(panel);
    const paths = [
      'order.html?t=1',
      'payment.html?t=2',
      'product.html?t=3',
      'order.html?t=4',
      'payment.html?t=5',
    ];
    const tabs: { page: Page; id: number; url: string }[] = [];
    for (const path of paths) {
      const page = await open(session, path);
      tabs.push({ page, id: await tabIdOf(session, page), url: `${shop.url}${path}` });
    }
    const order = Array.from(
      { length: 20 },
      (_, i) => tabs[i % tabs.length] as (typeof tabs)[number],
    );
    const t0 = Date.now();
    // Sent one after another, 120 ms apart, from an extension page, as popups would.
    const replies = await panel.evaluate(
      async (ids) => {
        const pending: Promise<{ ok: boolean; code?: string; detail?: string }>[] = [];
        for (const tabId of ids) {
          pending.push(chrome.runtime.sendMessage({ type: 'capture-tab', tabId, kind: 'other' }));
          await new Promise((r) => setTimeout(r, 120));
        }
        return Promise.all(pending);
      },
      order.map((t) => t.id),
    );
    const elapsed = Date.now() - t0;
    expect(
      replies.filter((r) => !r.ok),
      JSON.stringify(replies.filter((r) => !r.ok)),
    ).toEqual([]);
    const store = await expectWhole(panel);
    expect(store.items.length).toBe(before.items.length + 20);
    // In the order they were started: the custody chain lists them as requested.
    const byId = new Map(store.items.map((i) => [i.id, i.url]));
    const landed = store.custody
      .filter((e) => e.action === 'capture')
      .sort((a, b) => a.seq - b.seq)
      .slice(-20)
      .map((e) => byId.get(e.evidenceId ?? ''));
    expect(landed).toEqual(order.map((t) => t.url));
    console.log(`20 queued captures over 5 tabs landed in ${(elapsed / 1000).toFixed(1)} s`);
    for (const t of tabs) await t.page.close();
  }, 180_000);

  it('the profile tab says whether the browser may evict the evidence, and the room it takes', async () => {
    await panel.getByTestId('tab-profile').click();
    const status = panel.getByTestId('storage-status');
    await status.waitFor();
    // Headless Chromium refuses persist(); unlimitedStorage (granted at install) still
    // keeps the origin out of eviction, and the panel says so rather than warning.
    const facts = await panel.evaluate(async () => ({
      persisted: await navigator.storage.persisted(),
      unlimited: await chrome.permissions.contains({ permissions: ['unlimitedStorage'] }),
      usage: (await navigator.storage.estimate()).usage ?? 0,
    }));
    expect(facts.unlimited).toBe(true);
    await expect(status.getAttribute('data-safe')).resolves.toBe('true');
    expect(await status.getByRole('alert').count()).toBe(0);
    const mb = Number((await status.innerText()).match(/([\d.]+) MB/)?.[1]);
    expect(mb).toBeGreaterThan(0);
    expect(Math.abs(mb - facts.usage / 1024 / 1024)).toBeLessThan(50);
    await panel.getByTestId('tab-timeline').click();
  });
});

describe('the browser closed mid-capture', () => {
  it('on restart with the same profile nothing half-written is visible; capture works', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'kameng-crash-'));
    try {
      let session = await launchWithExtension({
        extensionDir: EXTENSION_DIR,
        profileDir,
        keepProfile: true,
      });
      const first = await open(session, 'order.html');
      expect((await captureWithPopup(session, first, 'order')).state).toBe('done');
      const page = await open(session, 'reviews.html?h=20000');
      const popup = await openPopupFor(session, page, 'other');
      await popup.getByTestId('capture').click();
      await new Promise((r) => setTimeout(r, 1500));
      // Closed while the capture is under way (its status still "busy").
      expect(await popup.getByTestId('status').getAttribute('data-state')).toBe('busy');
      await session.close();

      session = await launchWithExtension({
        extensionDir: EXTENSION_DIR,
        profileDir,
        keepProfile: true,
      });
      const panel = await openPanel(session);
      const store = await expectWhole(panel);
      expect(store.items.map((i) => i.url)).toEqual([`${shop.url}order.html`]);
      const again = await open(session, 'payment.html');
      const result = await captureWithPopup(session, again, 'payment');
      expect(result.state, result.message).toBe('done');
      expect((await expectWhole(panel)).items).toHaveLength(2);
      await session.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
