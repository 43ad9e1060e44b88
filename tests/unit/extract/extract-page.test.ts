// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractPage, PageFacts } from '@/lib/extract';

const ctx = { url: 'https://km.example.cn/order/KM1001', capturedAt: '2026-11-21T16:30:00.000Z' };

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = body;
  return doc;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('extractPage', () => {
  it.each([
    [
      'an order page',
      '订单详情',
      '<h1>订单详情</h1><p>订单号：KM1001</p><p>实付：¥98.50</p>',
      'order',
    ],
    [
      'a payment page',
      '支付宝',
      '<h1>交易详情</h1><p>交易号：2026112122001</p><p>商户订单号：KM1001</p><p>金额：-98.50</p>',
      'payment',
    ],
    [
      'a chat page',
      '客服',
      '<section class="chat"><div class="msg right">我 10:00 <p>在吗</p></div>' +
        '<div class="msg left">客服 10:01 <p>您好</p></div></section>',
      'chat',
    ],
    // Words alone ("在线客服" in a menu) no longer make a page a chat: facts decide.
    ['a page that only mentions a chat', '首页', '<nav>在线客服</nav><p>欢迎光临</p>', 'other'],
    ['a promise page', '商品', '<p>假一赔十，自动发货</p>', 'promise'],
    ['a plain page', '首页', '<p>欢迎光临</p>', 'other'],
  ])('returns contract-1 facts for %s', (_name, title, body, kind) => {
    const facts = extractPage(page(title, body), ctx);
    expect(PageFacts.parse(facts)).toEqual(facts);
    expect(facts.kind).toBe(kind);
    expect(Array.isArray(facts.promises)).toBe(true);
    expect(Array.isArray(facts.site.contacts)).toBe(true);
  });

  it('does not read text hidden in a script element as a cue', () => {
    const facts = extractPage(page('首页', '<p>欢迎</p><script>var s = "订单号";</script>'), ctx);
    expect(PageFacts.parse(facts).kind).toBe('other');
  });

  it('works on the live window document', () => {
    document.title = '订单详情';
    document.body.innerHTML = '<p>订单号：KM1001</p>';
    expect(PageFacts.parse(extractPage(document, ctx)).kind).toBe('order');
  });
});
