// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageSnapshot, serializeDocument, snapshotPage } from '@/lib/capture/page-snapshot';

const AT = '2026-11-21T16:30:00.000Z';

beforeEach(() => {
  // A page as a browser parses it: with its doctype, at its own address.
  if (!document.doctype) {
    document.insertBefore(
      document.implementation.createDocumentType('html', '', ''),
      document.documentElement,
    );
  }
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://km.example.cn/order/KM1001',
  );
});

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('snapshotPage', () => {
  it('reads title, text, serialised HTML and facts from a small document', () => {
    document.title = '订单详情 KM1001';
    document.body.innerHTML = '<h1>订单详情</h1><p>订单号：KM1001</p><p>实付：98.50 元</p>';
    const snap = snapshotPage(window, AT);

    expect(PageSnapshot.parse(snap)).toEqual(snap);
    expect(snap.title).toBe('订单详情 KM1001');
    expect(snap.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(snap.html).toContain('<p>订单号：KM1001</p>');
    expect(snap.text).toContain('订单号：KM1001');
    expect(snap.text).not.toContain('<p>');
    expect(snap.url).toBe('https://km.example.cn/order/KM1001');
    expect(snap.viewport).toEqual({ width: window.innerWidth, height: window.innerHeight });
    expect(snap.facts.kind).toBe('order');
  });

  it('reflects the live DOM, not the HTML first served', () => {
    document.body.innerHTML = '<p id="x">before</p>';
    const p = document.getElementById('x');
    if (p) p.textContent = 'after';
    expect(snapshotPage(window, AT).html).toContain('<p id="x">after</p>');
  });
});

describe('serializeDocument', () => {
  it('omits the doctype line when the document has none', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.doctype?.remove();
    expect(serializeDocument(doc).startsWith('<html')).toBe(true);
  });
});
