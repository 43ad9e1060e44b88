import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import JSZip from 'jszip';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  captureWithPopup,
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openPanel,
  openPopupFor,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';
import { readStore, runVerifyCli } from './helpers';

// The case workspace (issue #5) in the real extension: the panel page opened as a tab
// through a whole dispute, then the real side panel over the remote-debugging port.
let shop: ShopServer;

beforeAll(async () => {
  shop = await serveShop();
});
afterAll(async () => {
  await shop?.close();
});

async function openShopPage(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${shop.url}${path}`, { waitUntil: 'load' });
  return page;
}

const itemCount = (panel: Page) => panel.getByTestId('evidence-item').count();

describe('the panel page through a dispute', () => {
  let session: ExtensionSession;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension({ extensionDir: EXTENSION_DIR, lang: 'zh-CN' });
    panel = await openPanel(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a case', async () => {
    await panel.getByTestId('new-case').click();
    await panel.getByTestId('case-title-input').fill('星辰卡盟点卡未到账');
    await panel.getByTestId('case-form-save').click();
    await expect
      .poll(() => panel.getByTestId('case-title').innerText())
      .toContain('星辰卡盟点卡未到账');
    const store = await readStore(panel);
    expect(store.cases.map((c) => c.title)).toEqual(['星辰卡盟点卡未到账']);
  });

  it('shows a capture made from another tab at once, with its key facts', async () => {
    const page = await openShopPage(session, 'order.html');
    const result = await captureWithPopup(session, page, 'order');
    await page.close();
    expect(result.state).toBe('done');
    await expect.poll(() => itemCount(panel), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByTestId('key-facts').first().innerText()).toMatch(/订单号/);
    // The checklist no longer asks for an order, still asks for a payment record.
    const missing = await panel
      .getByTestId('missing')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-missing')));
    expect(missing).toContain('payment');
    expect(missing).not.toContain('order');
  });

  it('captures the tab used last with the panel’s own button', async () => {
    const page = await openShopPage(session, 'payment.html');
    await panel.bringToFront();
    await panel.getByTestId('panel-capture').click();
    await panel
      .locator('[data-testid=panel-capture-status][data-state=done]')
      .waitFor({ timeout: 60_000 });
    await page.close();
    await expect.poll(() => itemCount(panel), { timeout: 10_000 }).toBe(2);
    const store = await readStore(panel);
    expect(store.items.map((i) => i.url)).toContain(`${shop.url}payment.html`);
  });

  it('sets what an item proves, logged in the custody chain', async () => {
    await panel.bringToFront();
    const purpose = panel.getByTestId('purpose-input').first();
    await purpose.fill('证明已付款 100 元');
    await purpose.press('Enter');
    await expect
      .poll(async () => (await readStore(panel)).custody.map((c) => c.action))
      .toContain('annotate');
    await expect
      .poll(() => panel.getByTestId('purpose-input').first().inputValue())
      .toBe('证明已付款 100 元');
  });

  it('imports a file with its hash, as an imported item', async () => {
    await panel.getByTestId('import-files-input').setInputFiles({
      name: '支付宝账单截图.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await expect.poll(() => itemCount(panel), { timeout: 10_000 }).toBe(3);
    const store = await readStore(panel);
    const imported = store.items.find((i) => i.title === '支付宝账单截图.png');
    const art = imported?.artifacts.find((a) => a.role === 'imported');
    expect(art?.sha256).toBe(art?.recomputed);
    expect(store.custody.some((c) => c.action === 'import' && c.evidenceId === imported?.id)).toBe(
      true,
    );
  });

  it('opens an item: hashes and methods shown, MHTML only as a download', async () => {
    const order = panel.getByTestId('evidence-item').filter({ hasText: '订单' }).first();
    await order.getByTestId('open-detail').click();
    const detail = panel.getByTestId('evidence-detail');
    await detail.waitFor();
    const mhtml = detail.locator('[data-testid=artifact][data-role=mhtml]');
    expect(await mhtml.getByTestId('download').getAttribute('download')).toBe('page.mhtml');
    expect(await mhtml.locator('iframe').count()).toBe(0);
    const dom = detail.locator('[data-testid=artifact][data-role=dom]');
    await dom.getByTestId('view-sandboxed').click();
    expect(await dom.locator('iframe').getAttribute('sandbox')).toBe('');
    expect(await detail.getByTestId('custody-entry').count()).toBeGreaterThan(0);
    await detail.getByTestId('close-detail').click();
  });

  it('deletes one item only after confirmation; the log keeps it and the pack verifies', async () => {
    const target = panel.getByTestId('evidence-item').filter({ hasText: '支付宝账单截图' });
    const id = await target.getAttribute('data-evidence-id');
    await target.getByTestId('delete-item').click();
    await panel.getByTestId('delete-cancel').click();
    expect(await itemCount(panel)).toBe(3);
    await target.getByTestId('delete-item').click();
    await panel.getByTestId('delete-confirm').click();
    await expect.poll(() => itemCount(panel)).toBe(2);
    const store = await readStore(panel);
    expect(store.items.map((i) => i.id)).not.toContain(id);
    expect(store.custody.some((c) => c.action === 'delete' && c.evidenceId === id)).toBe(true);

    await panel.getByTestId('tab-case').click();
    const log = panel.getByTestId('custody-log');
    await log.waitFor();
    expect(await log.locator('[data-action=delete]').count()).toBe(1);
    expect(await log.locator('[data-action=annotate]').count()).toBeGreaterThan(0);

    const pack = await exportWithPanel(session, panel);
    const verified = await runVerifyCli(pack);
    expect(verified.stdout + verified.stderr).not.toMatch(/FAIL|problem/i);
    expect(verified.code).toBe(0);
  });

  it('corrects a chat message’s side; the exported manifest carries the correction', async () => {
    const page = await openShopPage(session, 'chat-layout.html');
    expect((await captureWithPopup(session, page)).state).toBe('done');
    await page.close();
    await panel.bringToFront();
    await panel.getByTestId('tab-timeline').click();
    const chat = panel.getByTestId('evidence-item').filter({ hasText: '在线客服' });
    await chat.getByTestId('open-detail').click();
    // Message 2 ("卡密提示已被使用") is read as the customer's; say it was the merchant's.
    const message = panel.getByTestId('evidence-detail').getByTestId('message').nth(1);
    await message.getByTestId('correct-message').click();
    await message
      .locator('[data-testid=correct-input][data-path="chat.messages.1.from"]')
      .selectOption('merchant');
    await message.getByTestId('correct-save').click();
    await expect.poll(() => message.getAttribute('class')).toContain('from-merchant');
    await panel.getByTestId('close-detail').click();

    const zip = await JSZip.loadAsync(readFileSync(await exportWithPanel(session, panel)));
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    const item = manifest.items.find((i: { url: string }) => i.url.endsWith('/chat-layout.html'));
    expect(item.corrections['chat.messages.1.from']).toEqual({
      value: 'merchant',
      original: 'customer',
    });
    expect(item.facts.chat.messages[1]).toMatchObject({
      from: 'customer',
      text: '卡密提示已被使用',
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

describe('the real side panel', () => {
  it('opens from the popup and shows the active case (remote debugging)', async () => {
    const port = await freePort();
    const session = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      lang: 'zh-CN',
      remoteDebuggingPort: port,
    });
    try {
      const page = await openShopPage(session, 'order.html');
      expect((await captureWithPopup(session, page, 'order')).state).toBe('done');
      const popup = await openPopupFor(session, page);
      // The popup names the kind "automatic" will file the page as.
      await expect.poll(() => popup.getByTestId('kind-auto').textContent()).toMatch(/建议：订单/);
      await popup.getByTestId('open-panel').click();
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      try {
        const find = () =>
          cdp
            .contexts()
            .flatMap((c) => c.pages())
            .find((p) => p.url().endsWith('/sidepanel.html'));
        await expect.poll(find, { timeout: 15_000 }).toBeDefined();
        const sidePanel = find() as Page;
        await sidePanel.getByTestId('evidence-item').first().waitFor({ timeout: 15_000 });
        expect(await sidePanel.getByTestId('case-title').innerText()).toContain('我的第一个案件');
        expect(await sidePanel.getByTestId('evidence-item').count()).toBe(1);
      } finally {
        await cdp.close();
      }
    } finally {
      await session.close();
    }
  });
});
