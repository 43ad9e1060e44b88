import { describe, expect, it } from 'vitest';
import { ensureActiveCase, saveEvidence } from '@/lib/db/repo';
import type { PageFacts } from '@/lib/extract/facts';
import { renderCatalogue } from '@/lib/pack/catalogue';
import { exportCase } from '@/lib/pack/export-case';
import { MANIFEST, PackManifest } from '@/lib/pack/manifest';
import { readZip, verifyPack } from '@/lib/pack/verify-pack';
import { correctFact } from '@/lib/workspace/annotations';
import { decode, makeEvidence, testDb } from '../helpers';

// Issue #4 leftovers: corrections of promises, chat messages and listed orders reach the
// pack (manifest items[].corrections, the catalogue), and the catalogue sums up an
// order list in one line. items[].facts stays as read.

async function packOf(facts: Partial<PageFacts>, corrections: [string, unknown, unknown][]) {
  const db = testDb();
  const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), '案件');
  const { item, blobs } = await makeEvidence(theCase.id, {
    kind: 'chat',
    capturedAt: '2026-11-21T02:00:00.000Z',
  });
  item.facts = { ...item.facts, ...facts };
  await saveEvidence(db, item, blobs);
  for (const [path, value, original] of corrections)
    await correctFact(db, item.id, { path, value, original }, new Date('2026-11-21T03:00:00Z'));
  const bytes = await exportCase(db, theCase.id, {
    toolVersion: 't',
    now: new Date('2026-11-21T08:00:00.000Z'),
  });
  expect(await verifyPack(bytes)).toEqual([]);
  const files = await readZip(bytes);
  const manifest = PackManifest.parse(JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())));
  const text = (path: string) => decode(files.get(path) ?? new Uint8Array());
  return { manifest, catalogue: text('index.html'), text };
}

describe('corrected promises and chat messages in the pack', () => {
  it('carries them in the manifest and prints them in the catalogue, the reading unchanged', async () => {
    const { manifest, catalogue } = await packOf(
      {
        promises: [{ text: '假一赔十', category: 'other' }],
        chat: {
          messages: [
            { from: 'customer', text: '卡密用不了' },
            { from: 'customer', text: '我们核实一下' },
          ],
        },
      },
      [
        ['promises.0.category', 'compensation', 'other'],
        ['chat.messages.1.from', 'merchant', 'customer'],
        ['chat.messages.1.text', '我们核实一下 <b>', '我们核实一下'],
      ],
    );
    const [item] = manifest.items;
    expect(item?.corrections).toEqual({
      'promises.0.category': { value: 'compensation', original: 'other' },
      'chat.messages.1.from': { value: 'merchant', original: 'customer' },
      'chat.messages.1.text': { value: '我们核实一下 <b>', original: '我们核实一下' },
    });
    expect(item?.facts.chat?.messages[1]?.from).toBe('customer');
    expect(item?.facts.promises[0]?.category).toBe('other');

    expect(catalogue).toContain(
      '聊天第 2 条 message 2 · 发言方 side <code>chat.messages.1.from</code>: 买家 customer → <strong>商家 merchant</strong>',
    );
    expect(catalogue).toContain(
      '承诺 1 promise 1 · 类型 category <code>promises.0.category</code>: 其他 other → <strong>赔付 compensation</strong>',
    );
    // Corrected text is the user's, but escaped all the same.
    expect(catalogue).toContain('<strong>我们核实一下 &lt;b&gt;</strong>');
    expect(catalogue).not.toContain('<b>');
  });

  it('writes the transcripts as corrected, each corrected message marked', async () => {
    const { manifest, text } = await packOf(
      {
        chat: {
          messages: [
            { from: 'customer', text: '卡密用不了' },
            { from: 'customer', text: '我们核实一下' },
          ],
        },
      },
      [['chat.messages.1.from', 'merchant', 'customer']],
    );
    const paths = manifest.items[0]?.derived?.map((d) => d.path) ?? [];
    const txt = text(paths.find((p) => p.endsWith('.txt')) ?? '');
    expect(txt).toContain('1. 买家 customer:\n   卡密用不了');
    expect(txt).toContain('2. 商家 merchant 〔用户更正 corrected〕:\n   我们核实一下');
    expect(txt).toContain('原读取见 manifest.json');
    const csv = text(paths.find((p) => p.endsWith('.csv')) ?? '')
      .slice(1)
      .split('\r\n');
    expect(csv[1]).toBe('"1","","customer","","卡密用不了",""');
    expect(csv[2]).toBe('"2","","merchant","","我们核实一下","是 yes"');
  });

  it('prints nothing about corrections for an item without any', async () => {
    const { catalogue } = await packOf({ promises: [{ text: '假一赔十', category: 'other' }] }, []);
    expect(catalogue).not.toContain('class="corrections"');
    expect(catalogue).not.toContain('order list:');
  });
});

describe('an order list in the pack', () => {
  it('is summed up in one line of the catalogue; the manifest keeps orders[] as read', async () => {
    const orders = [
      { orderId: 'KM1', amount: 98.5 },
      { orderId: 'KM2', amount: 30, status: '待发货' },
      { orderId: 'KM3', amount: 10 },
    ];
    const { manifest, catalogue } = await packOf({ kind: 'order', order: orders[0], orders }, [
      ['orders.1.status', '已退款', '待发货'],
    ]);
    expect(manifest.items[0]?.facts.orders).toEqual(orders);
    expect(manifest.items[0]?.corrections).toEqual({
      'orders.1.status': { value: '已退款', original: '待发货' },
    });
    expect(catalogue).toContain('订单列表：3 个订单 order list: 3 orders');
    expect(catalogue).toContain(
      '订单列表第 2 行 order list row 2 · 状态 status <code>orders.1.status</code>: 待发货 → <strong>已退款</strong>',
    );
  });

  it('escapes a hostile correction path from an imported pack', () => {
    const html = renderCatalogue({
      format: 'kameng-evidence-pack',
      formatVersion: 1,
      tool: { name: 't', version: '0' },
      createdAt: '2026-11-21T08:00:00.000Z',
      case: {
        id: 'c',
        title: 'c',
        createdAt: '2026-11-21T01:00:00.000Z',
        updatedAt: '2026-11-21T01:00:00.000Z',
        status: 'open',
      },
      items: [
        {
          number: 1,
          id: 'e',
          kind: 'chat',
          source: 'capture',
          title: 't',
          url: 'https://x.example/',
          finalUrl: 'https://x.example/',
          capturedAt: '2026-11-21T02:00:00.000Z',
          capturedAtLocal: '2026-11-21T10:00:00.000+08:00',
          timeZone: 'Asia/Shanghai',
          facts: { kind: 'chat', promises: [], site: { contacts: [] } },
          artifacts: [],
          corrections: { '<img src=x onerror=alert(1)>': { value: '<i>', original: null } },
        },
      ],
      complaints: [],
      custody: [],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
  });
});
