import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../scripts/lib/extension-session';
import { captureWithPopup } from '../../scripts/lib/extension-session';
import { blobText, readStore, withExtension, pngHeight } from './helpers';

const h = withExtension();

/** Starts the picker in `page`'s tab, as the context menu does. */
async function startPicker(page: Page, mode: 'element' | 'chat' = 'element') {
  const tabId = await tabIdOf(h.session, page);
  const reply = await h.panel.evaluate(
    ({ id, mode }) =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.runtime.sendMessage({ type: 'start-picker', tabId: id, mode }),
    { id: tabId, mode },
  );
  expect(reply).toEqual({ ok: true });
  await page.bringToFront();
  await page.locator('#kameng-picker-tip').waitFor();
}

/** Widens the outlined element with ↑ until the hint names `target`, then picks it with Enter. */
async function pickEnclosing(page: Page, target: string) {
  for (let i = 0; i < 8; i++) {
    if ((await page.locator('#kameng-picker-tip').innerText()).endsWith(target)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowUp');
  }
  throw new Error(`never outlined ${target}`);
}

async function waitForElementItem(url: string, count: number) {
  await expect
    .poll(
      async () =>
        (await readStore(h.panel)).items.filter(
          (i) => i.url === url && i.artifacts.some((a) => a.role === 'screenshot-element'),
        ).length,
      { timeout: 30_000 },
    )
    .toBe(count);
  const items = (await readStore(h.panel)).items.filter((i) => i.url === url);
  return items.at(-1);
}

describe('element capture in Chromium', () => {
  it('captures the clicked element: its pixels, HTML and text; the page never sees the click', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}order.html`, { waitUntil: 'load' });
    await startPicker(page);
    await page.hover('#card-keys');
    await expect.poll(() => page.locator('#kameng-picker-box').isVisible()).toBe(true);
    // A click picks what is under the pointer, here a table cell; the page must not see it.
    await page.click('#order-product a');
    const cell = await waitForElementItem(`${h.shop.url}order.html`, 1);
    expect(page.url()).toBe(`${h.shop.url}order.html`);
    const cellHtml = await blobText(
      h.panel,
      cell?.artifacts.find((a) => a.role === 'element-html')?.sha256 ?? '',
    );
    expect(cellHtml).toMatch(/^<a href="product.html">/);
    // ↑ widens from the cell to the whole card-key table; Enter picks it.
    await startPicker(page);
    await page.hover('#card-keys td.mono');
    await pickEnclosing(page, 'table#card-keys.keys');
    const item = await waitForElementItem(`${h.shop.url}order.html`, 2);
    expect(await page.locator('#kameng-picker-box').count()).toBe(0);
    const text = await blobText(
      h.panel,
      item?.artifacts.find((a) => a.role === 'element-text')?.sha256 ?? '',
    );
    expect(text).toContain('K7QM-3XPA-9ZRT-W4HN');
    const html = await blobText(
      h.panel,
      item?.artifacts.find((a) => a.role === 'element-html')?.sha256 ?? '',
    );
    expect(html).toMatch(/^<table class="keys" id="card-keys">/);
    const height = await page.evaluate(
      () => document.getElementById('card-keys')?.getBoundingClientRect().height ?? 0,
    );
    const image = item?.artifacts.find((a) => a.role === 'screenshot-element');
    expect(Math.abs((await pngHeight(h.panel, image?.sha256 ?? '')) - height)).toBeLessThanOrEqual(
      1,
    );
    expect(
      await page.evaluate(() => document.querySelectorAll('[data-kameng-picked]').length),
    ).toBe(0);
    await page.close();
  });

  it('captures an element taller than the screen slice by slice', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}reviews.html`, { waitUntil: 'load' });
    await startPicker(page);
    await page.mouse.move(640, 400);
    await pickEnclosing(page, 'div#list.wrap');
    const item = await waitForElementItem(`${h.shop.url}reviews.html`, 1);
    const meta = JSON.parse(
      await blobText(h.panel, item?.artifacts.find((a) => a.role === 'meta')?.sha256 ?? ''),
    );
    expect(meta.element.slices).toBeGreaterThan(3);
    const picked = meta.element.box;
    const image = item?.artifacts.find((a) => a.role === 'screenshot-element');
    expect(
      Math.abs((await pngHeight(h.panel, image?.sha256 ?? '')) - picked.height),
    ).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('Esc cancels the picker and nothing is captured', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}payment.html`, { waitUntil: 'load' });
    const before = (await readStore(h.panel)).items.length;
    await startPicker(page);
    await page.keyboard.press('Escape');
    expect(await page.locator('#kameng-picker-tip').count()).toBe(0);
    await page.mouse.click(300, 300);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await readStore(h.panel)).items.length).toBe(before);
    await page.close();
  });

  it('keeps the text the user selected as a note with the capture', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}order.html`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('pay-trade-no') as HTMLElement);
      getSelection()?.addRange(range);
    });
    expect((await captureWithPopup(h.session, page, 'order')).state).toBe('done');
    await page.close();
    const item = (await readStore(h.panel)).items
      .filter((i) => i.url === `${h.shop.url}order.html`)
      .at(-1);
    const note = item?.artifacts.find((a) => a.role === 'selection');
    expect(await blobText(h.panel, note?.sha256 ?? '')).toBe('2026110222001412345678901234');
  });

  it('captures the chat the user points at, even where detection would pick another box', async () => {
    const url = `${h.shop.url}two-panes.html`;
    const page = await h.session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await startPicker(page, 'chat');
    await page.click('#kefu-log p:nth-child(2)');
    await expect
      .poll(async () => (await readStore(h.panel)).items.filter((i) => i.url === url).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const item = (await readStore(h.panel)).items.find((i) => i.url === url);
    expect(item?.kind).toBe('chat');
    const meta = JSON.parse(
      await blobText(h.panel, item?.artifacts.find((a) => a.role === 'meta')?.sha256 ?? ''),
    );
    expect(meta.failures).toEqual([]);
    const text = await blobText(
      h.panel,
      item?.artifacts.find((a) => a.role === 'chat-text')?.sha256 ?? '',
    );
    expect(text).toContain('【聊天末条】还是没有处理');
    expect(text).not.toContain('【公告');
    expect(
      await page.evaluate(() => document.querySelectorAll('[data-kameng-picked]').length),
    ).toBe(0);
    await page.close();
  });
});
