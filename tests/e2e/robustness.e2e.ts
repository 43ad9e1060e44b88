import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { captureWithPopup, openPopupFor, popupResult } from '../../scripts/lib/extension-session';
import { blobText, readStore, withExtension } from './helpers';

// Bad input gets a clear error and stores nothing partial (issue #3).
const h = withExtension();

async function open(path: string): Promise<Page> {
  const page = await h.session.context.newPage();
  await page.goto(`${h.shop.url}${path}`, { waitUntil: 'load' });
  return page;
}

describe('captures under bad conditions in Chromium', () => {
  it('a page that navigates during the capture is refused and nothing is stored', async () => {
    const before = await readStore(h.panel);
    const page = await open('reviews.html?h=20000&navigate=1500');
    const result = await captureWithPopup(h.session, page, 'other');
    expect(result.state).toBe('error');
    expect(result.code).toBe('navigated');
    expect(result.message).toContain('未保存任何内容');
    const after = await readStore(h.panel);
    expect(after.items.length).toBe(before.items.length);
    expect(after.blobCount).toBe(before.blobCount);
    expect(after.custody.length).toBe(before.custody.length);
    await page.close();
  });

  it('a tab closed during the capture gives a clear error and stores nothing', async () => {
    const before = await readStore(h.panel);
    const page = await open('reviews.html?h=20000');
    const result = await captureWithPopup(h.session, page, 'other', async () => {
      await new Promise((r) => setTimeout(r, 1200));
      await page.close();
    });
    expect(result.state).toBe('error');
    expect(result.code).toBe('no-tab');
    const after = await readStore(h.panel);
    expect(after.items.length).toBe(before.items.length);
    expect(after.blobCount).toBe(before.blobCount);
  });

  it('a 50,000-element page that never stops changing, with a cross-origin image, is captured', async () => {
    const page = await open('busy.html');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(
      45_000,
    );
    const result = await captureWithPopup(h.session, page, 'other');
    expect(result.state).toBe('done');
    await page.close();
    const store = await readStore(h.panel);
    const item = store.items.find((i) => i.url.endsWith('busy.html'));
    for (const a of item?.artifacts ?? []) expect(a.recomputed, a.fileName).toBe(a.sha256);
    const roles = item?.artifacts.map((a) => a.role) ?? [];
    expect(roles).toEqual(
      expect.arrayContaining(['screenshot-viewport', 'screenshot-full', 'mhtml', 'dom']),
    );
    const meta = JSON.parse(
      await blobText(h.panel, item?.artifacts.find((a) => a.role === 'meta')?.sha256 ?? ''),
    );
    // The html2canvas re-render is skipped on so large a page, and says so.
    expect(meta.failures).toEqual([
      { artifact: 'render', error: expect.stringContaining('skipped') },
    ]);
    const dom = await blobText(
      h.panel,
      item?.artifacts.find((a) => a.role === 'dom')?.sha256 ?? '',
    );
    expect(dom).toContain('A4899');
  });

  it('two captures started together on two tabs both land, in the order they were started', async () => {
    const first = await open('order.html');
    const second = await open('payment.html');
    const popupA = await openPopupFor(h.session, first, 'order');
    const popupB = await openPopupFor(h.session, second, 'payment');
    const before = (await readStore(h.panel)).custody.length;
    const t = performance.now();
    await popupA.getByTestId('capture').click();
    await popupB.getByTestId('capture').click();
    const [a, b] = await Promise.all([popupResult(popupA, t), popupResult(popupB, t)]);
    expect([a.state, b.state]).toEqual(['done', 'done']);
    const store = await readStore(h.panel);
    const captures = store.custody
      .sort((x, y) => x.seq - y.seq)
      .slice(before)
      .filter((c) => c.action === 'capture');
    const urls = captures.map((c) => store.items.find((i) => i.id === c.evidenceId)?.url);
    expect(urls).toEqual([`${h.shop.url}order.html`, `${h.shop.url}payment.html`]);
    // Each screenshot shows its own page: the payment page's item holds its own title.
    for (const c of captures) {
      const item = store.items.find((i) => i.id === c.evidenceId);
      const text = await blobText(
        h.panel,
        item?.artifacts.find((x) => x.role === 'text')?.sha256 ?? '',
      );
      expect(text).toContain(item?.url.endsWith('order.html') ? 'KM20261102140305881' : '交易');
    }
    await Promise.all([popupA.close(), popupB.close(), first.close(), second.close()]);
  });
});
