import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../lib/pack/verify-pack';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  captureWithPopup,
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openPanel,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';
import { readStore, runVerifyCli } from './helpers';

// One browser for the whole flow, as a user would have: capture, watch the panel,
// export, verify, tamper. `npm run e2e` builds the extension first.
let session: ExtensionSession;
let shop: ShopServer;
let panel: Page;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kameng-e2e-'));
  shop = await serveShop();
  session = await launchWithExtension({ extensionDir: EXTENSION_DIR, lang: 'zh-CN' });
  panel = await openPanel(session);
});

afterAll(async () => {
  await session?.close();
  await shop?.close();
  rmSync(work, { recursive: true, force: true });
});

async function openShopPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${shop.url}${path}`, { waitUntil: 'load' });
  return page;
}

describe('foundation flow in Chromium', () => {
  it('a popup capture of a shop page lands in IndexedDB with correct hashes', async () => {
    const page = await openShopPage('order.html');
    const result = await captureWithPopup(session, page, 'order');
    await page.close();
    expect(result.state).toBe('done');
    expect(result.message).toContain('已保存');

    const store = await readStore(panel);
    expect(store.cases).toHaveLength(1);
    expect(store.items).toHaveLength(1);
    const [item] = store.items;
    expect(item?.kind).toBe('order');
    expect(item?.url).toBe(`${shop.url}order.html`);
    expect(item?.artifacts.map((a) => a.role).sort()).toEqual(
      [
        'dom',
        'facts',
        'meta',
        'mhtml',
        'render',
        'screenshot-full',
        'screenshot-viewport',
        'text',
      ].sort(),
    );
    for (const a of item?.artifacts ?? []) {
      expect(a.recomputed, a.fileName).toBe(a.sha256);
      expect(a.size, a.fileName).toBe(a.bytes);
      expect(a.size, a.fileName).toBeGreaterThan(0);
    }
    const byRole = Object.fromEntries((item?.artifacts ?? []).map((a) => [a.role, a]));
    expect(byRole['screenshot-viewport']?.head.slice(1, 4)).toBe('PNG');
    expect(byRole.mhtml?.head).toMatch(/^From: <Saved by Blink>|MIME-Version/);
    expect(byRole.dom?.head).toMatch(/^<!DOCTYPE html>/i);
    // The order page's own order number, read from the stored visible text.
    const text = await panel.evaluate(async (sha) => {
      const db: IDBDatabase = await new Promise((ok) => {
        const r = indexedDB.open('kameng-evidence');
        r.onsuccess = () => ok(r.result);
      });
      const rec = await new Promise<{ data: Blob }>((ok) => {
        const r = db.transaction('blobs').objectStore('blobs').get(sha);
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return rec.data.text();
    }, byRole.text?.sha256 ?? '');
    expect(text).toContain('KM20261102140305881');

    const actions = store.custody.sort((a, b) => a.seq - b.seq).map((c) => c.action);
    expect(actions).toEqual(['case-created', 'capture']);
    expect(store.custody.find((c) => c.action === 'capture')?.evidenceId).toBe(item?.id);
  });

  it('the side panel shows a new capture at once, without reloading', async () => {
    await panel.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBe(1);
    const page = await openShopPage('payment.html');
    const result = await captureWithPopup(session, page, 'payment');
    await page.close();
    expect(result.state).toBe('done');

    await expect
      .poll(() => panel.getByTestId('evidence-item').count(), { timeout: 10_000 })
      .toBe(2);
    // Newest first.
    await expect
      .poll(() => panel.getByTestId('evidence-item').first().innerText())
      .toContain('交易详情');
    expect(
      await panel.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
  });

  it('a restricted page gives a clear message and stores nothing', async () => {
    const before = await readStore(panel);
    for (const url of ['chrome://version/', `view-source:${shop.url}index.html`]) {
      const page = await session.context.newPage();
      await page.goto(url).catch(() => undefined);
      const result = await captureWithPopup(session, page);
      await page.close();
      expect(result.state, url).toBe('error');
      expect(result.code, url).toBe('restricted');
      expect(result.message, url).toContain('未保存任何内容');
    }
    const after = await readStore(panel);
    expect(after.items).toHaveLength(before.items.length);
    expect(after.custody).toHaveLength(before.custody.length);
    expect(after.blobCount).toBe(before.blobCount);
  });

  it('registers the capture keyboard shortcut (Alt+Shift+S)', async () => {
    const w = await session.worker();
    const commands = await w.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.commands.getAll(),
    );
    expect(commands.find((c) => c.name === 'capture-page')?.shortcut).toBe('Alt+Shift+S');
  });

  let pack = '';
  it('export produces a pack that verify accepts', async () => {
    const saved = await exportWithPanel(session, panel);
    pack = join(work, 'pack.zip');
    copyFileSync(saved, pack);
    const bytes = new Uint8Array(readFileSync(pack));
    expect(await verifyPack(bytes)).toEqual([]);

    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'manifest.sha256',
        'index.html',
        'README.txt',
        'evidence/001-order/screenshot-viewport.png',
        'evidence/001-order/page.mhtml',
        'evidence/002-payment/dom.html',
      ]),
    );
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    expect(manifest.custody.at(-1).action).toBe('export');
    expect(manifest.items.map((i: { kind: string }) => i.kind)).toEqual(['order', 'payment']);

    const cli = await runVerifyCli(pack);
    expect(cli.stderr).toContain('OK');
    expect(cli.code).toBe(0);
  });

  it('flipping one byte of one file makes verify fail naming that file', async () => {
    expect(pack).not.toBe('');
    const zip = await JSZip.loadAsync(readFileSync(pack));
    const target = 'evidence/002-payment/text.txt';
    const original = await zip.file(target)?.async('uint8array');
    if (!original) throw new Error(`${target} is not in the pack`);
    const flipped = new Uint8Array(original);
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    zip.file(target, flipped);
    const tampered = join(work, 'tampered.zip');
    writeFileSync(tampered, await zip.generateAsync({ type: 'uint8array' }));

    const cli = await runVerifyCli(tampered);
    expect(cli.code).toBe(1);
    const lines = cli.stdout.trim().split('\n');
    expect(lines).toEqual([`${target}: altered: SHA-256 does not match the manifest`]);
  });
});
