import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageFacts } from '../../lib/extract';
import { runCapture } from '../../scripts/lib/capture-run';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';

// Issue #4 end to end: facts read in Chromium on the live DOM (with real layout) end up
// in the pack manifest's items[].facts. Captures use the suggested kind, as a user's
// click without a kind choice would.
let shop: ShopServer;
let work: string;
let items: Array<{ kind: string; url: string; facts: PageFacts }>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kameng-extract-e2e-'));
  shop = await serveShop();
  const out = join(work, 'pack.zip');
  const pages = ['order.html', 'payment.html', 'chat.html', 'index.html', 'chat-layout.html'];
  const result = await runCapture(
    pages.map((p) => ({ url: `${shop.url}${p}` })),
    out,
  );
  expect(result.failures).toEqual([]);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
  items = manifest.items;
}, 180_000);

afterAll(async () => {
  await shop?.close();
  rmSync(work, { recursive: true, force: true });
});

const facts = (page: string) => {
  const item = items.find((i) => i.url.endsWith(`/${page}`));
  if (!item) throw new Error(`${page} not in the pack`);
  return item;
};

describe('facts in the evidence pack', () => {
  it('reads the order page', () => {
    const { kind, facts: f } = facts('order.html');
    expect(kind).toBe('order');
    expect(f.order).toMatchObject({
      orderId: 'KM20261102140305881',
      amount: 98.5,
      placedAt: '2026-11-02T14:03:05+08:00',
      quantity: 1,
      status: '已发货',
      paymentMethod: '支付宝',
      tradeNo: '2026110222001412345678901234',
      cardKeys: ['HY5020261102001 K7QM-3XPA-9ZRT-W4HN', 'HY5020261102002 P2LD-8VCE-6JUB-Y5GS'],
    });
    expect(f.site).toMatchObject({
      icp: '浙ICP备2026012345号-1',
      creditCode: '91330106MA2KXD7Q1J',
      company: '杭州星点网络科技有限公司',
    });
    expect(f.sources?.['order.orderId']?.selector).toBe('td#order-id');
  });

  it('reads the payment page', () => {
    const { kind, facts: f } = facts('payment.html');
    expect(kind).toBe('payment');
    expect(f.order).toMatchObject({
      orderId: 'KM20261102140305881',
      tradeNo: '2026110222001412345678901234',
      amount: 98.5,
    });
    expect(f.payment?.merchant).toBe('杭州星点网络科技有限公司');
  });

  it('reads the promises on the home page', () => {
    const { kind, facts: f } = facts('index.html');
    expect(kind).toBe('promise');
    expect(f.promises.map((p) => p.text)).toEqual(
      expect.arrayContaining(['24小时自动发货', '假一赔十', '不到账全额退款', '官方正品渠道']),
    );
  });

  it('reads the chat with relative times resolved', () => {
    const { kind, facts: f } = facts('chat.html');
    expect(kind).toBe('chat');
    const messages = f.chat?.messages ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(12);
    expect(messages.at(-1)).toMatchObject({
      from: 'system',
      text: '客服当前不在线,您的消息将在客服上线后送达',
    });
    expect(messages.find((m) => m.image)?.text).toBe('截图:卡密已被使用');
    expect(messages.find((m) => m.text.startsWith('客服?有人吗'))?.at).toMatch(/T20:08:00\+08:00$/);
  });

  it('takes chat sides from the layout when classes say nothing', () => {
    const { kind, facts: f } = facts('chat-layout.html');
    expect(kind).toBe('chat');
    expect(f.chat?.messages.map((m) => [m.from, m.text])).toEqual([
      ['merchant', '您好,有什么可以帮您?'],
      ['customer', '卡密提示已被使用'],
      ['merchant', '请稍等,正在核实'],
      ['system', '会话已结束'],
    ]);
  });
});
