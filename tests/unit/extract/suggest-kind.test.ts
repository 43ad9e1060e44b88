import { describe, expect, it } from 'vitest';
import { suggestKind } from '@/lib/extract/suggest-kind';

describe('suggestKind', () => {
  it.each([
    [
      'order page',
      '订单详情',
      '订单号：KM202611211630001\n商品：Steam 钱包充值卡 100 元\n数量：1',
      'order',
    ],
    ['order number only', '', '订单编号 20261121001', 'order'],
    ['payment record', '账单', '交易详情\n付款方式：余额宝\n交易号 2026112122001', 'payment'],
    ['payment page that also shows the order number', '', '交易详情 订单号：KM1001', 'payment'],
    ['chat', '客服', '在线客服\n您好，卡密已发送', 'chat'],
    ['chat that mentions the order', '', '聊天记录\n客户：订单号 KM1001 没收到卡密', 'chat'],
    ['promise', '星辰卡盟', 'Steam 充值卡 假一赔十', 'promise'],
    ['auto-delivery promise', '', '24 小时自动发货', 'promise'],
    ['order page that repeats a promise', '', '订单号 KM1 · 自动发货', 'order'],
    ['licence', '', '营业执照 统一社会信用代码 91440300MA5', 'licence'],
    ['plain text', '欢迎光临', '今天天气不错，随便看看。', 'other'],
    ['empty page', '', '', 'other'],
  ] as const)('%s -> %s', (_name, title, text, kind) => {
    expect(suggestKind(title, text)).toBe(kind);
  });

  it('reads cues from the title too', () => {
    expect(suggestKind('订单详情 - 星辰卡盟', 'nothing here')).toBe('order');
  });

  it('looks at the first 20,000 characters of text only', () => {
    expect(suggestKind('', `${'x'.repeat(20_000)}订单号`)).toBe('other');
    expect(suggestKind('', `${'x'.repeat(19_000)}订单号`)).toBe('order');
  });
});
