import { describe, expect, it } from 'vitest';
import { captureWithPopup } from '../../scripts/lib/extension-session';
import { blobText as readBlobText, readStore, withExtension, pngHeight } from './helpers';

const h = withExtension();

const blobText = (sha256: string) => readBlobText(h.panel, sha256);

async function captureChat(url: string) {
  const page = await h.session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const result = await captureWithPopup(h.session, page, 'chat');
  const store = await readStore(h.panel);
  const item = store.items.filter((i) => i.url === url).at(-1);
  const artifact = (role: string) => item?.artifacts.find((a) => a.role === role);
  const meta = JSON.parse(await blobText(artifact('meta')?.sha256 ?? ''));
  return { page, result, item, artifact, meta };
}

describe('chat capture in Chromium', () => {
  it('loads the whole history of the shop chat pane, then captures and stitches the pane', async () => {
    const { page, result, artifact, meta } = await captureChat(`${h.shop.url}chat.html`);
    expect(result.state).toBe('done');
    expect(meta.failures).toEqual([]);
    expect(meta.chat).toMatchObject({
      inIframe: false,
      historyComplete: true,
      olderMessageRounds: 3,
    });

    const text = await blobText(artifact('chat-text')?.sha256 ?? '');
    expect(text).toContain('没有更多消息了');
    expect(text).toContain('客服 小美 已接入');
    expect(text).toContain('客服当前不在线');
    // The DOM snapshot is taken after the history loaded, so it holds all 36 messages.
    const dom = await blobText(artifact('dom')?.sha256 ?? '');
    expect(dom.match(/data-msg-id="m\d\d"/g)?.length).toBe(36);

    const image = artifact('screenshot-chat');
    expect(image?.fileName).toBe('chat-pane.png');
    expect(image?.recomputed).toBe(image?.sha256);
    const paneHeight = await page.evaluate(
      () => document.getElementById('chat-messages')?.scrollHeight ?? 0,
    );
    expect(await pngHeight(h.panel, image?.sha256 ?? '')).toBe(paneHeight);
    expect(meta.chat.paneHeight).toBe(paneHeight);
    // The pane is put back at the newest message, where the user had it.
    expect(
      await page.evaluate(() => {
        const p = document.getElementById('chat-messages');
        return p ? p.scrollHeight - p.clientHeight - p.scrollTop : -1;
      }),
    ).toBeLessThan(2);
    await page.close();
  });

  it.each([
    ['same-origin iframe', 'chat-iframe.html'],
    ['cross-origin iframe', 'chat-widget.html'],
  ])('captures a chat widget in a %s', async (_label, path) => {
    const { page, result, artifact, meta } = await captureChat(`${h.shop.url}${path}`);
    expect(result.state).toBe('done');
    expect(meta.failures).toEqual([]);
    expect(meta.chat).toMatchObject({ inIframe: true, historyComplete: true });
    // Four loads of older messages; the widget's own "加载中…" line also grows the pane.
    expect(meta.chat.olderMessageRounds).toBeGreaterThanOrEqual(4);
    const text = await blobText(artifact('chat-text')?.sha256 ?? '');
    expect(text).toContain('【K01】您好，星点卡盟客服为您服务。');
    expect(text).toContain('【K50】');
    expect(text.match(/【K\d\d】/g)?.length).toBe(50);
    const frame = page.frames().find((f) => f.url().endsWith('/kf-widget.html'));
    const paneHeight = await frame?.evaluate(
      () => document.getElementById('kf-list')?.scrollHeight ?? 0,
    );
    expect(await pngHeight(h.panel, artifact('screenshot-chat')?.sha256 ?? '')).toBe(paneHeight);
    const dom = await blobText(artifact('dom')?.sha256 ?? '');
    if (path === 'chat-widget.html') {
      expect(meta.chat.frameUrl).not.toContain(new URL(h.shop.url).host);
      // A cross-origin frame cannot be read into the page's DOM; the pane's own HTML has it.
      expect(dom).not.toContain('【K01】');
      expect(await blobText(artifact('chat-html')?.sha256 ?? '')).toContain('【K01】');
    } else {
      // A same-origin frame is inlined into dom.html as srcdoc.
      expect(dom).toMatch(/<iframe [^>]*srcdoc="[^"]*【K01】/);
    }
    await page.close();
  });

  it('records a page without a chat pane as a failure of the chat part only', async () => {
    const { result, item, meta } = await captureChat(`${h.shop.url}payment.html`);
    expect(result.state).toBe('done');
    expect(item?.artifacts.some((a) => a.role === 'screenshot-chat')).toBe(false);
    expect(meta.failures).toEqual([
      { artifact: 'chat', error: expect.stringContaining('no scrolling chat pane') },
    ]);
  });
});
