import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { EXTENSION_DIR, ROOT } from '../../scripts/lib/build';
import {
  type ExtensionSession,
  launchWithExtension,
  openPanel,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';

export interface StoredArtifact {
  role: string;
  fileName: string;
  sha256: string;
  recomputed: string;
  bytes: number;
  size: number;
  head: string;
}

export interface StoredItem {
  id: string;
  kind: string;
  url: string;
  title: string;
  artifacts: StoredArtifact[];
}

/**
 * Reads the extension's IndexedDB directly (raw IndexedDB, not the extension's code)
 * from one of its pages and recomputes every blob's SHA-256 there.
 */
export async function readStore(extensionPage: Page) {
  return extensionPage.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('kameng-evidence');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
        req.onerror = () => fail(req.error);
      });
    const stored = await all<{
      id: string;
      capturedAt: string;
      kind: string;
      url: string;
      title: string;
      artifacts: { role: string; fileName: string; sha256: string; bytes: number }[];
    }>('evidence');
    // Oldest first, as the pack numbers them; the store itself is keyed by random ids.
    const evidence = stored.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
    const blobs = await all<{ sha256: string; data: Blob }>('blobs');
    const custody = await all<{ action: string; evidenceId?: string; seq: number }>('custody');
    const cases = await all<{ id: string; title: string }>('cases');
    db.close();
    const items = [];
    for (const item of evidence) {
      const artifacts = [];
      for (const a of item.artifacts) {
        const blob = blobs.find((b) => b.sha256 === a.sha256)?.data;
        const bytes = new Uint8Array(blob ? await blob.arrayBuffer() : new ArrayBuffer(0));
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        artifacts.push({
          ...a,
          recomputed: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
          size: bytes.byteLength,
          head: new TextDecoder().decode(bytes.slice(0, 64)),
        });
      }
      items.push({ ...item, artifacts });
    }
    return { items, custody, cases, blobCount: blobs.length };
  });
}

/** Runs `npm run verify -- <pack>` and returns its exit code and output. */
export function runVerifyCli(
  pack: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/verify.ts'), pack],
      { cwd: ROOT },
      (error, stdout, stderr) => ok({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The text of a stored blob, read in an extension page. */
export function blobText(extensionPage: Page, sha256: string): Promise<string> {
  return extensionPage.evaluate(async (sha) => {
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
  }, sha256);
}

export interface Harness {
  session: ExtensionSession;
  shop: ShopServer;
  /** The side panel page, opened as a tab: reads the extension's IndexedDB. */
  panel: Page;
}

/** For a test file: the demo shop, Chromium with the built extension, and the panel page. */
export function withExtension(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.shop = await serveShop();
    h.session = await launchWithExtension({ extensionDir: EXTENSION_DIR });
    h.panel = await openPanel(h.session);
  });
  afterAll(async () => {
    await h.session?.close();
    await h.shop?.close();
  });
  return h;
}

/** Height in pixels of a stored PNG, decoded in an extension page. */
export function pngHeight(extensionPage: Page, sha256: string): Promise<number> {
  return extensionPage.evaluate(async (sha) => {
    const db: IDBDatabase = await new Promise((ok) => {
      const r = indexedDB.open('kameng-evidence');
      r.onsuccess = () => ok(r.result);
    });
    const rec = await new Promise<{ data: Blob }>((ok) => {
      const r = db.transaction('blobs').objectStore('blobs').get(sha);
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return (await createImageBitmap(rec.data)).height;
  }, sha256);
}
