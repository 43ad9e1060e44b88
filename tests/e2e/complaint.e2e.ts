// Issue #6 end to end: a demo-shop case drafted in the side panel's complaint workspace,
// saved, marked sent; marking it sent asks for the optional reminder permissions (issue
// #8): `alarms` is granted without a prompt, `notifications` waits on a prompt headless
// Chromium cannot answer, so the reminder alarm fired by the test shows the toolbar badge
// instead of a notification (stress-reminders.e2e.ts covers notifications). The
// escalation draft cites the first complaint. Then `capture --channel` writes complaints/.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { formatCnDate, toChinaIso } from '../../lib/complaint/calendar-date';
import { ensureBuilt, ROOT } from '../../scripts/lib/build';
import {
  captureWithPopup,
  draftWithPanel,
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openComplaints,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';
import { runVerifyCli } from './helpers';

declare const chrome: typeof extensionBrowser;

const REMINDER = 'complaint-deadline:';
const TICKET = 'PT-20261102-01';
let shop: ShopServer;
let session: ExtensionSession;
let panel: Page;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kameng-complaint-e2e-'));
  shop = await serveShop();
  session = await launchWithExtension({ extensionDir: ensureBuilt() });
  for (const [kind, page] of [
    ['promise', 'index.html'],
    ['order', 'order.html'],
    ['payment', 'payment.html'],
    ['chat', 'chat.html'],
  ]) {
    const tab = await session.context.newPage();
    await tab.goto(`${shop.url}${page}`);
    const result = await captureWithPopup(session, tab, kind);
    expect(result.state, result.message).toBe('done');
    await tab.close();
  }
  panel = await openComplaints(session);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await shop?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const record = (id: string) => panel.locator(`[data-testid=complaint-record][data-id="${id}"]`);

describe('complaints in the side panel', () => {
  let platformId = '';
  // Sent three days ago: the platform's 48 hours are over.
  const sentAt = toChinaIso(Date.now() - 3 * 24 * 3_600_000);

  it('drafts the platform complaint from the captured case and saves it', async () => {
    await panel.getByTestId('channel-guide').waitFor();
    platformId = await draftWithPanel(session, 'platform', panel);
    expect(platformId).not.toBe('');
    const text = await panel.getByTestId('draft-text').inputValue();
    expect(text).toContain('KM20261102140305881');
    expect(text).toMatch(/证据\d/);
    await expect(record(platformId).getAttribute('data-status')).resolves.toBe('draft');
    // Each form field has its own copy button, reachable by its label.
    expect(await panel.getByRole('button', { name: /^复制 Copy / }).count()).toBeGreaterThan(0);
  });

  it('installs without the reminder permissions', async () => {
    const w = await session.worker();
    const state = await w.evaluate(async () => ({
      granted: (await chrome.permissions.getAll()).permissions ?? [],
      alarms: typeof chrome.alarms,
      notifications: typeof chrome.notifications,
    }));
    expect(state.granted).not.toContain('alarms');
    expect(state.granted).not.toContain('notifications');
    expect(state).toMatchObject({ alarms: 'undefined', notifications: 'undefined' });
  });

  it('records it as sent, sets the 48-hour deadline and asks for reminders', async () => {
    const row = record(platformId);
    await row.getByTestId('sent-at').fill(sentAt.slice(0, 16));
    await row.getByTestId('ticket-no').fill(TICKET);
    await expect(row.getByTestId('sent-remind').isChecked()).resolves.toBe(true);
    await row.getByTestId('mark-sent').click();
    await panel
      .locator(`[data-testid=complaint-record][data-id="${platformId}"][data-status=sent]`)
      .waitFor();
    await expect(row.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(row.innerText()).resolves.toContain(TICKET);
    // `alarms` was granted (no prompt); the notifications prompt is showing, unanswered:
    // the request came with the click's gesture (without one Chrome refuses at once).
    await panel
      .locator('[data-testid=reminder-access][data-state=asking][data-asking=notifications]')
      .waitFor();
    const w = await session.worker();
    expect((await w.evaluate(() => chrome.permissions.getAll())).permissions).toContain('alarms');
  });

  it('when the alarm fires unanswered, the toolbar button shows it overdue', async () => {
    const w = await session.worker();
    const name = `${REMINDER}${platformId}`;
    // The panel scheduled the reminder (held back a minute: the panel already shows the
    // complaint overdue); the test fires it now instead of waiting.
    const scheduled = await w.evaluate((n) => chrome.alarms.get(n), name);
    expect(scheduled?.scheduledTime).toBeGreaterThan(Date.now());
    await w.evaluate(async () => chrome.action.setBadgeText({ text: '' }));
    await w.evaluate(async (n) => {
      await chrome.alarms.create(n, { when: Date.now() - 1_000 });
    }, name);
    await expect
      .poll(() => w.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 })
      .toBe('!');
    expect(await w.evaluate(() => chrome.action.getTitle({}))).toContain('已过答复期限');
  });

  it('offers the next step, whose draft cites the unanswered complaint', async () => {
    const escalation = panel.getByTestId('escalation');
    await escalation.waitFor();
    const next = await escalation.getAttribute('data-next');
    expect(next).toBe('alipay');
    await panel.getByTestId('escalate').click();
    await panel.locator('[data-testid=draft][data-channel=alipay]').waitFor();
    const text = await panel.getByTestId('draft-text').inputValue();
    expect(text).toContain(
      `于${formatCnDate(sentAt)}向平台客服投诉（编号${TICKET}），至今未获处理`,
    );
    await draftWithPanel(session, 'alipay', panel);
  });

  it('exports both drafts under complaints/ in a pack that verifies', async () => {
    const saved = await exportWithPanel(session, panel);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const names = Object.keys(zip.files).filter((n) => n.startsWith('complaints/'));
    // lib/pack numbers the files in storage order, not necessarily the order of saving.
    expect(names.map((n) => n.replace(/\d\d-/, '')).sort()).toEqual([
      'complaints/alipay.txt',
      'complaints/platform.txt',
    ]);
    const alipay = names.find((n) => n.endsWith('-alipay.txt')) ?? '';
    expect(await zip.file(alipay)?.async('string')).toContain('至今未获处理');
    const verify = await runVerifyCli(saved);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});

describe('npm run capture -- --case --channel', () => {
  function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((ok) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts/capture.ts'), ...args],
        { cwd: ROOT, timeout: 170_000 },
        (error, stdout, stderr) =>
          ok({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('captures into the named case and drafts the platform complaint into the pack', async () => {
    const out = join(work, 'pack.zip');
    const result = await capture([
      '--out',
      out,
      '--case',
      '星辰卡盟 点卡未到账',
      '--channel',
      'platform',
      `order=${shop.url}order.html`,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const text = await zip.file('complaints/01-platform.txt')?.async('string');
    expect(text).toContain('KM20261102140305881');
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    expect(manifest.case?.title).toBe('星辰卡盟 点卡未到账');
    expect(manifest.items).toHaveLength(1);
  }, 180_000);

  it('rejects an empty case title before starting the browser', async () => {
    const result = await capture(['--out', join(work, 'y.zip'), '--case', ' ', shop.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--case: the case title is empty');
  });

  it('rejects an unknown channel before starting the browser', async () => {
    const result = await capture(['--out', join(work, 'x.zip'), '--channel', 'nope', shop.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--channel nope: unknown channel');
  });
});
