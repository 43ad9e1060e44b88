// Issue #8, faults: reminders still fire after Chrome stopped the idle service worker.
// Two complaints are recorded as sent in the side panel (as tests/e2e/complaint.e2e.ts
// does). Then the worker is stopped and only what Chrome itself would do wakes it: an
// alarm firing, and a browser restart on the same profile (onStartup re-creates the
// alarms from IndexedDB). Each overdue complaint is notified exactly once: a further
// restart repeats nothing (ComplaintRecord.notifiedAt). The extension is built with the
// reminder permissions granted at install: headless Chromium cannot answer the prompt
// `notifications` shows (complaint.e2e.ts covers asking for them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { toChinaIso } from '../../lib/complaint/calendar-date';
import { ensureBuilt, REMINDERS_AT_INSTALL } from '../../scripts/lib/build';
import {
  captureWithPopup,
  draftWithPanel,
  type ExtensionSession,
  launchWithExtension,
  openComplaints,
  openPanel,
  serviceWorkerRunning,
  stopServiceWorker,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';

declare const chrome: typeof extensionBrowser;

const REMINDER = 'complaint-deadline:';
let shop: ShopServer;
let profileDir: string;
let session: ExtensionSession | undefined;

beforeAll(async () => {
  shop = await serveShop();
  profileDir = mkdtempSync(join(tmpdir(), 'kameng-reminders-'));
});
afterAll(async () => {
  await session?.close();
  await shop?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const launch = () =>
  launchWithExtension({
    extensionDir: ensureBuilt(REMINDERS_AT_INSTALL),
    profileDir,
    keepProfile: true,
  });

/** The stored complaints, read with raw IndexedDB (not the extension's code). */
function readComplaints(
  extensionPage: Page,
): Promise<{ id: string; status: string; notifiedAt?: string }[]> {
  return extensionPage.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('kameng-evidence');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows: { id: string; status: string; notifiedAt?: string }[] = await new Promise(
      (ok, fail) => {
        const req = db.transaction('complaints').objectStore('complaints').getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      },
    );
    db.close();
    return rows.map(({ id, status, notifiedAt }) => ({ id, status, notifiedAt }));
  });
}

/** The extension's notifications, asked of its (running) worker. */
async function notifications(s: ExtensionSession): Promise<string[]> {
  const w = await s.worker();
  return w.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

describe('reminders with the service worker stopped', () => {
  let platformId = '';
  let alipayId = '';
  let platformNotifiedAt = '';

  it('two complaints recorded as sent, overdue, in the side panel', async () => {
    session = await launch();
    const tab = await session.context.newPage();
    await tab.goto(`${shop.url}order.html`);
    const result = await captureWithPopup(session, tab, 'order');
    expect(result.state, result.message).toBe('done');
    await tab.close();
    const panel = await openComplaints(session);
    // Sent thirty days ago: every channel's answer period is over.
    const sentAt = toChinaIso(Date.now() - 30 * 24 * 3_600_000).slice(0, 16);
    for (const channel of ['platform', 'alipay']) {
      const id = await draftWithPanel(session, channel, panel);
      const row = panel.locator(`[data-testid=complaint-record][data-id="${id}"]`);
      await row.getByTestId('sent-at').fill(sentAt);
      await row.getByTestId('mark-sent').click();
      await panel
        .locator(`[data-testid=complaint-record][data-id="${id}"][data-status=sent]`)
        .waitFor();
      if (channel === 'platform') platformId = id;
      else alipayId = id;
    }
    // The panel scheduled both reminders, held back a minute (it shows them overdue itself).
    // The alarm is set just after the record is saved: wait for it rather than race it.
    const w = await session.worker();
    await expect
      .poll(
        async () =>
          (await w.evaluate(async () => chrome.alarms.getAll())).map((a) => a.name).sort(),
        { timeout: 10_000 },
      )
      .toEqual([`${REMINDER}${platformId}`, `${REMINDER}${alipayId}`].sort());
    expect(await notifications(session)).toEqual([]);
    await panel.close();
  });

  it('an alarm firing after the worker was stopped wakes it, and it notifies', async () => {
    const s = session as ExtensionSession;
    // A plain extension page (no messages to the worker) to reach chrome.alarms and the DB.
    const page = await openPanel(s);
    expect(await stopServiceWorker(s)).toBe(1);
    expect(await serviceWorkerRunning(s)).toBe(false);
    // Chrome fires the platform reminder (brought forward: the test does not wait a minute).
    // Scheduling from a page does not start the worker; the alarm's event does.
    await page.evaluate(async (name) => {
      await chrome.alarms.create(name, { when: Date.now() + 1_500 });
    }, `${REMINDER}${platformId}`);
    expect(await serviceWorkerRunning(s)).toBe(false);
    await expect.poll(() => serviceWorkerRunning(s), { timeout: 20_000, interval: 200 }).toBe(true);
    await expect
      .poll(() => notifications(s), { timeout: 20_000 })
      .toEqual([`${REMINDER}${platformId}`]);
    await expect
      .poll(async () => (await readComplaints(page)).find((c) => c.id === platformId)?.notifiedAt)
      .toBeTruthy();
    const stored = await readComplaints(page);
    platformNotifiedAt = stored.find((c) => c.id === platformId)?.notifiedAt ?? '';
    // The other reminder is still pending, not yet due.
    expect(stored.find((c) => c.id === alipayId)?.notifiedAt).toBeUndefined();
    // Closed (with the worker) before the alipay reminder's minute is over.
    await s.close();
    session = undefined;
  });

  it('after a browser restart, onStartup re-creates the pending reminder and it fires once', async () => {
    const s = await launch();
    session = s;
    await expect
      .poll(() => notifications(s), { timeout: 30_000 })
      .toEqual([`${REMINDER}${alipayId}`]);
    const page = await openPanel(s);
    await expect
      .poll(async () => (await readComplaints(page)).find((c) => c.id === alipayId)?.notifiedAt)
      .toBeTruthy();
    // The platform complaint, already notified, is not notified again.
    expect((await readComplaints(page)).find((c) => c.id === platformId)?.notifiedAt).toBe(
      platformNotifiedAt,
    );
    await s.close();
    session = undefined;
  });

  it('a further restart repeats nothing: no alarm, no notification, notifiedAt unchanged', async () => {
    const s = await launch();
    session = s;
    const page = await openPanel(s);
    const before = await readComplaints(page);
    // Time for onStartup's sync and any alarm left over from the last session to run.
    await page.waitForTimeout(3_000);
    const w = await s.worker();
    expect(
      (await w.evaluate(async () => chrome.alarms.getAll())).filter((a) =>
        a.name.startsWith(REMINDER),
      ),
    ).toEqual([]);
    expect(await notifications(s)).toEqual([]);
    const after = await readComplaints(page);
    expect(after).toEqual(before);
    expect(after.every((c) => c.status === 'sent' && c.notifiedAt)).toBe(true);
    expect(after.find((c) => c.id === platformId)?.notifiedAt).toBe(platformNotifiedAt);
  });
});
