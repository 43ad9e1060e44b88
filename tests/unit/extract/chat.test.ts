// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findChat, sideFromName } from '@/lib/extract/chat';

const capturedAt = '2026-11-04T06:10:00.000Z';

function doc(body: string): Document {
  const d = document.implementation.createHTMLDocument('在线客服');
  d.body.innerHTML = body;
  return d;
}

/** Gives elements a layout, as Chromium would: x from `data-x`, width from `data-w`. */
function layOut(d: Document, containerWidth: number): void {
  for (const el of Array.from(d.querySelectorAll<HTMLElement>('[data-x], .list'))) {
    const x = Number(el.dataset.x ?? 0);
    const w = el.classList.contains('list') ? containerWidth : Number(el.dataset.w ?? 100);
    el.getBoundingClientRect = () =>
      ({ left: x, right: x + w, width: w, top: 0, bottom: 20, height: 20, x, y: 0 }) as DOMRect;
  }
}

// Class names say nothing here: only the layout tells the sides apart.
const plain = `<div class="list">
  <div class="a"><span class="t">14:01</span><p data-x="50" data-w="200">在吗</p></div>
  <div class="a"><span class="t">14:02</span><p data-x="600" data-w="300">在的，请讲</p></div>
  <div class="a"><span class="t">14:03</span><p data-x="350" data-w="300">对方已撤回一条消息</p></div>
</div>`;

describe('findChat', () => {
  it('takes sides from the layout when the page is rendered', () => {
    const d = doc(plain.replace('class="list"', 'class="list chat"'));
    layOut(d, 1000);
    const chat = findChat(d, capturedAt);
    expect(chat?.messages.map((m) => m.from)).toEqual(['merchant', 'customer', 'system']);
  });

  it('lets the layout win over misleading class names', () => {
    const d = doc(
      `<div class="list chat">
        <div class="msg right"><span>14:01</span><p data-x="20" data-w="200">左边的消息</p></div>
        <div class="msg left"><span>14:02</span><p data-x="700" data-w="200">右边的消息</p></div>
      </div>`,
    );
    layOut(d, 1000);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.from)).toEqual(['merchant', 'customer']);
  });

  it('falls back to class cues without a layout', () => {
    const d = doc(
      `<div class="chat">
        <div class="msg msg-left"><span class="name">客服 小美</span><span class="time">昨天 23:50</span><div class="bubble">您好</div></div>
        <div class="msg msg-right"><span class="name">我</span><span class="time">今天 00:05</span><div class="bubble">卡密无效</div></div>
        <div class="msg msg-right"><span class="name">我</span><span class="time">00:06</span><div class="bubble"><img src="data:," alt="截图:卡密已被使用"></div></div>
      </div>`,
    );
    const chat = findChat(d, '2026-11-04T16:20:00.000Z');
    expect(chat?.messages).toEqual([
      { from: 'merchant', name: '客服 小美', at: '2026-11-04T23:50:00+08:00', text: '您好' },
      { from: 'customer', name: '我', at: '2026-11-05T00:05:00+08:00', text: '卡密无效' },
      {
        from: 'customer',
        name: '我',
        at: '2026-11-05T00:06:00+08:00',
        text: '截图:卡密已被使用',
        image: true,
      },
    ]);
  });

  it('finds no chat in a news list with dates but no sides', () => {
    const d = doc(
      `<ul class="chat-news"><li><a>通知一</a><span>2026-11-01 10:00</span></li>
       <li><a>通知二</a><span>2026-10-01 10:00</span></li></ul>`,
    );
    expect(findChat(d, capturedAt)).toBeUndefined();
  });

  it.each([
    ['我', 'customer'],
    ['买家_lin88', 'customer'],
    ['客服 小美', 'merchant'],
    ['星点小助手', 'merchant'],
    ['系统消息', 'system'],
    ['阿杰', undefined],
  ] as const)('reads the side of sender %s', (name, side) => {
    expect(sideFromName(name)).toBe(side);
  });
});
