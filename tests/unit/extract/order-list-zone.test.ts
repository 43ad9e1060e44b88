// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPage, PageFacts } from '@/lib/extract';
import { pageZone, parseDateTime, zoneOffset } from '@/lib/extract/dates';
import { type Score, scorePage } from '../../../scripts/bench-extract';

const ctx = { url: 'https://km.example.cn/user/orders', capturedAt: '2026-11-04T06:10:00.000Z' };

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = body;
  return doc;
}

const LIST_TABLE = `<h2>我的订单</h2><table>
<tr><th>订单号</th><th>商品</th><th>实付</th><th>状态</th><th>下单时间</th></tr>
<tr><td>KM100201</td><td>QQ会员月卡</td><td>¥10.00</td><td>已发货</td><td>11-02 14:03</td></tr>
<tr><td>KM100202</td><td>网易一卡通 50元</td><td>¥48.00</td><td>已退款</td><td>昨天 09:12</td></tr>
</table>`;

describe('order lists', () => {
  it('reads every row of an order table, and keeps the first as `order`', () => {
    const facts = extractPage(page('我的订单', LIST_TABLE), ctx);
    expect(PageFacts.parse(facts)).toEqual(facts);
    expect(facts.kind).toBe('order');
    expect(facts.orders).toEqual([
      {
        orderId: 'KM100201',
        product: 'QQ会员月卡',
        amount: 10,
        status: '已发货',
        placedAt: '2026-11-02T14:03:00+08:00',
      },
      {
        orderId: 'KM100202',
        product: '网易一卡通 50元',
        amount: 48,
        status: '已退款',
        placedAt: '2026-11-03T09:12:00+08:00',
      },
    ]);
    expect(facts.order).toEqual(facts.orders?.[0]);
    expect(facts.sources?.['orders.1.orderId']?.text).toBe('KM100202');
    expect(facts.sources?.['order.orderId']?.text).toBe('KM100201');
  });

  it('takes as `order` the one the URL names', () => {
    const facts = extractPage(page('我的订单', LIST_TABLE), {
      ...ctx,
      url: 'https://km.example.cn/user/orders?highlight=KM100202',
    });
    expect(facts.order?.orderId).toBe('KM100202');
    expect(facts.sources?.['order.orderId']?.text).toBe('KM100202');
  });

  it('reads order cards, each with its own card keys', () => {
    const card = (id: string, amount: string, key: string) =>
      `<div class="card"><p>订单号：${id}</p><p>商品：Steam充值卡</p><p>实付：${amount}</p><p>卡密：${key}</p></div>`;
    const facts = extractPage(
      page(
        '查询结果',
        `<h3>查询结果</h3>${card('KM300001', '¥96.00', 'ST7K-2M4Q-9P1X')}${card('KM300002', '¥48.00', 'ST3H-8J5L-1W7Z')}`,
      ),
      ctx,
    );
    expect(facts.orders?.map((o) => [o.orderId, o.amount, o.cardKeys])).toEqual([
      ['KM300001', 96, ['ST7K-2M4Q-9P1X']],
      ['KM300002', 48, ['ST3H-8J5L-1W7Z']],
    ]);
  });

  it('gives a detail page, even one showing its number twice, no `orders`', () => {
    const facts = extractPage(
      page(
        '订单详情',
        '<div class="head">订单号：KM1001</div><div class="body"><p>订单号：KM1001</p><p>实付：¥98.50</p><p>商品：QQ会员</p></div>',
      ),
      ctx,
    );
    expect(facts.order?.orderId).toBe('KM1001');
    expect(facts.orders).toBeUndefined();
  });

  it('reads no orders off tables of other things', () => {
    const facts = extractPage(
      page(
        '充值记录',
        `<table><tr><th>商品名称</th><th>价格</th><th>库存</th></tr>
<tr><td>QQ会员月卡</td><td>¥10.00</td><td>999</td></tr><tr><td>爱奇艺月卡</td><td>¥15.00</td><td>120</td></tr></table>`,
      ),
      ctx,
    );
    expect(facts.orders).toBeUndefined();
    expect(facts.order).toBeUndefined();
  });
});

describe('the scorer counts orders per field', () => {
  it('pairs orders by number and counts misses and extra orders', () => {
    const score: Score = { fields: new Map(), notes: new Map() };
    scorePage(
      'x',
      {
        kind: 'order',
        orders: [
          { orderId: 'A1001', amount: 5 },
          { orderId: 'A1002', amount: 6, cardKeys: ['K1234567'] },
        ],
        promises: [],
        site: { contacts: [] },
      },
      {
        kind: 'order',
        orders: [
          { orderId: 'A1002', amount: 7 },
          { orderId: 'A1003', amount: 8 },
        ],
        promises: [],
        site: { contacts: [] },
      },
      score,
    );
    expect(score.fields.get('orders.orderId')).toEqual({ expected: 2, found: 1, wrong: 1 });
    expect(score.fields.get('orders.amount')).toEqual({ expected: 2, found: 0, wrong: 2 });
    expect(score.fields.get('orders.cardKeys')).toEqual({ expected: 1, found: 0, wrong: 0 });
  });
});

describe('page time zones', () => {
  it.each([
    ['所有时间均为北京时间', 480],
    ['时区：东八区', 480],
    ['GMT+8', 480],
    ['UTC+08:00', 480],
    ['UTC-05:30', -330],
    ['香港时间', 480],
    ['台北时间', 480],
    ['日本时间', 540],
    ['服务器时间（UTC）', 0],
    ['时区 Asia/Shanghai', 480],
    ['时区 Asia/Tokyo', 540],
    ['Etc/UTC', 0],
    ['西五区', -300],
  ])('%s is UTC offset %i minutes', (text, minutes) => {
    expect(zoneOffset(text)).toBe(minutes);
  });

  it.each(['华东一区 QQ飞车', '订单号 UTC20261102', '欢迎光临'])('%s states no zone', (text) => {
    expect(zoneOffset(text)).toBeUndefined();
  });

  it('takes the first statement of a page, else Asia/Shanghai', () => {
    const at = '2026-11-04T06:10:00.000Z';
    expect(pageZone('页面时间为日本时间，客服时间：北京时间 9:00-23:00', at)).toBe(540);
    expect(pageZone('没有时区说明', at)).toBe(480);
  });

  // Captured at 15:30 UTC: 23:30 on 4 Nov in Shanghai, already 00:30 on 5 Nov in Tokyo.
  it.each([
    ['今天 00:10', 540, '2026-11-05T00:10:00+09:00'],
    ['今天 00:10', 480, '2026-11-04T00:10:00+08:00'],
    ['23:58', 540, '2026-11-04T23:58:00+09:00'],
    ['23:58', 480, '2026-11-03T23:58:00+08:00'],
    ['昨天 23:40', 0, '2026-11-03T23:40:00+00:00'],
    ['2026-11-04 12:00', 0, '2026-11-04T12:00:00+00:00'],
    ['2026-11-04 12:00 (UTC+9)', 0, '2026-11-04T12:00:00+09:00'],
  ])('%s in zone %i -> %s', (text, zone, iso) => {
    expect(parseDateTime(text, '2026-11-04T15:30:00.000Z', zone)).toBe(iso);
  });

  it('applies the page zone to order times and chat times', () => {
    const capturedAt = '2026-11-04T16:30:00.000Z';
    const order = extractPage(
      page('订单详情', '<p>服务器时间（UTC）</p><p>订单号：KM1001</p><p>下单时间：今天 10:00</p>'),
      { ...ctx, capturedAt },
    );
    expect(order.order?.placedAt).toBe('2026-11-04T10:00:00+00:00');
    const chat = extractPage(
      page(
        '在线客服',
        `<p>时区 Asia/Tokyo</p><ul class="im-list">
<li class="item other"><p class="nick">客服</p><p class="time">01:20</p><div class="content">您好</div></li>
<li class="item self"><p class="nick">我</p><p class="time">01:25</p><div class="content">没到账</div></li></ul>`,
      ),
      { ...ctx, capturedAt },
    );
    expect(chat.chat?.messages.map((m) => m.at)).toEqual([
      '2026-11-05T01:20:00+09:00',
      '2026-11-05T01:25:00+09:00',
    ]);
  });
});
