import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../../lib/integrity/custody';
import { verifyCustodyChain } from '../../lib/integrity/custody';
import { verifyPack } from '../../lib/pack/verify-pack';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openPanel,
} from '../../scripts/lib/extension-session';
import { readStore } from './helpers';

// Large cases in the real panel page (issues #5 and #7): a 100 MB screen recording
// imported through the file picker, and an export of the case cancelled mid-way.

const MB = 1024 * 1024;

/** The case's custody entries in chain order, read with raw IndexedDB (not the extension's code). */
function readChain(panel: Page, caseId: string): Promise<CustodyEntry[]> {
  return panel.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('kameng-evidence');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all: CustodyEntry[] = await new Promise((ok, fail) => {
      const req = db.transaction('custody').objectStore('custody').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return all.filter((e) => e.caseId === id).sort((a, b) => a.seq - b.seq);
  }, caseId);
}

describe('a large case in the panel page', () => {
  let session: ExtensionSession;
  let panel: Page;
  let dir: string;
  let caseId: string;
  const recording = { name: '录屏-20261121.mp4', bytes: 100 * MB, sha256: '' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kameng-large-'));
    session = await launchWithExtension({ extensionDir: EXTENSION_DIR, lang: 'zh-CN' });
    panel = await openPanel(session);
    await panel.getByTestId('new-case').click();
    await panel.getByTestId('case-title-input').fill('大文件案件');
    await panel.getByTestId('case-form-save').click();
    await panel.getByTestId('case-title').filter({ hasText: '大文件案件' }).waitFor();
    caseId = (await readStore(panel)).cases[0]?.id ?? '';
  });
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a 100 MB screen recording whole, with its SHA-256, into the timeline', async () => {
    // Random bytes: a recording that compresses no better than a real one.
    const data = randomBytes(recording.bytes);
    recording.sha256 = createHash('sha256').update(data).digest('hex');
    const path = join(dir, recording.name);
    writeFileSync(path, data);
    // Over 50 MB, Playwright takes a path rather than a buffer.
    await panel.getByTestId('import-files-input').setInputFiles(path);
    await panel
      .locator(
        '[data-testid=import-files-status][data-state=done], [data-testid=import-files-status][data-state=error]',
      )
      .waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('import-files-status').getAttribute('data-state')).toBe('done');

    const item = panel.getByTestId('evidence-item').filter({ hasText: recording.name });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    const store = await readStore(panel);
    const stored = store.items.find((i) => i.title === recording.name);
    const art = stored?.artifacts.find((a) => a.role === 'imported');
    expect(art).toMatchObject({
      sha256: recording.sha256,
      recomputed: recording.sha256,
      bytes: recording.bytes,
      size: recording.bytes,
    });
    expect(store.custody.some((c) => c.action === 'import' && c.evidenceId === stored?.id)).toBe(
      true,
    );
    // The timeline shows the start of its hash.
    expect(await item.innerText()).toContain(recording.sha256.slice(0, 8));
  });

  it('cancels an export under way: no pack, the log says so, the next export verifies', async () => {
    // Two more files that the pack deflates, so the export takes a few seconds.
    const files = ['聊天导出-1.bin', '聊天导出-2.bin'].map((name) => {
      const path = join(dir, name);
      writeFileSync(path, randomBytes(30 * MB));
      return path;
    });
    await panel.getByTestId('import-files-input').setInputFiles(files);
    await expect
      .poll(() => panel.getByTestId('evidence-item').count(), { timeout: 60_000 })
      .toBe(3);

    const before = readdirSync(session.downloadsDir);
    const chainBefore = await readChain(panel, caseId);
    await panel.getByTestId('export').click();
    await panel.getByTestId('export-progress').waitFor({ timeout: 10_000 });
    await panel.getByTestId('export-cancel').click();
    const status = panel.getByTestId('export-status');
    await panel
      .locator('[data-testid=export-status]:not([data-state=busy])')
      .waitFor({ timeout: 30_000 });
    expect(await status.getAttribute('data-state')).toBe('cancelled');
    expect(await status.innerText()).toMatch(/取消/);
    expect(await panel.getByTestId('export-progress').count()).toBe(0);
    expect(await panel.getByTestId('export-cancel').count()).toBe(0);

    // The log: the export began, then was cancelled, and the chain is intact.
    await expect
      .poll(async () => (await readChain(panel, caseId)).length)
      .toBe(chainBefore.length + 2);
    const chain = await readChain(panel, caseId);
    const [began, cancelled] = chain.slice(chainBefore.length);
    expect(began).toMatchObject({ action: 'export', details: { items: 3 } });
    expect(cancelled).toMatchObject({
      action: 'export',
      details: { failed: true, cancelled: true },
    });
    expect(await verifyCustodyChain(chain)).toEqual([]);

    // No pack was written, nor started.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(readdirSync(session.downloadsDir)).toEqual(before);
    const w = await session.worker();
    expect(await w.evaluate(() => chrome.downloads.search({}))).toEqual([]);

    // The next export completes, and the pack verifies, its log showing the cancelled one.
    const pack = await exportWithPanel(session, panel);
    const bytes = new Uint8Array(readFileSync(pack));
    expect(await verifyPack(bytes)).toEqual([]);
    const after = await readChain(panel, caseId);
    expect(after.at(-1)).toMatchObject({ action: 'export', details: { items: 3 } });
    expect(await verifyCustodyChain(after)).toEqual([]);
  });
});

declare const chrome: { downloads: { search(query: object): Promise<unknown[]> } };
