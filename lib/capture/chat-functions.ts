// Functions injected into the page's frames for a chat-pane capture. Like
// page-functions.ts, each must be self-contained (Chrome serialises its source).

export interface ChatPaneInfo {
  score: number;
  url: string;
  /** Where the user had the pane scrolled, restored afterwards. */
  scrollTop: number;
  /** The frame's own viewport, used to tell same-URL iframes apart. */
  frameViewport: { width: number; height: number };
  scrollHeight: number;
  clientHeight: number;
  clientWidth: number;
  /** Number of child elements of the pane's message list. */
  items: number;
}

/**
 * Runs in a frame: finds its most chat-like scrolling element (tall, scrollable,
 * many similar children, chat-ish names) and marks it `data-kameng-chat-pane`.
 * Returns undefined when the frame has none.
 */
export function findChatPane(): ChatPaneInfo | undefined {
  const MARK = 'data-kameng-chat-pane';
  for (const old of Array.from(document.querySelectorAll(`[${MARK}]`))) old.removeAttribute(MARK);
  const scrolls = (el: Element) =>
    /(auto|scroll|overlay)/.test(getComputedStyle(el).overflowY) &&
    el.scrollHeight > el.clientHeight + 4;
  // The user may have pointed at the chat with the element picker: its nearest
  // scrolling ancestor (or itself) is the pane, whatever the heuristics would say.
  const picked = document.querySelector('[data-kameng-picked]');
  for (
    let el: Element | null = picked;
    el && el !== document.documentElement;
    el = el.parentElement
  ) {
    if (!scrolls(el)) continue;
    el.setAttribute(MARK, '');
    return {
      score: 1_000_000,
      url: location.href,
      scrollTop: el.scrollTop,
      frameViewport: { width: window.innerWidth, height: window.innerHeight },
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      clientWidth: el.clientWidth,
      items: el.children.length,
    };
  }
  const cue = /chat|msg|message|conversation|dialog|im-|kefu|kf|service|talk|聊天|消息|客服/i;
  let best: { el: Element; score: number; items: number } | undefined;
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const style = getComputedStyle(el);
    if (!/(auto|scroll|overlay)/.test(style.overflowY)) continue;
    if (el.clientHeight < 120 || el.clientWidth < 160) continue;
    if (el.scrollHeight <= el.clientHeight + 4) continue;
    // Messages are usually many siblings, directly or one wrapper down.
    let list: Element = el;
    while (list.children.length === 1 && list.firstElementChild) list = list.firstElementChild;
    const items = list.children.length;
    const names = `${el.id} ${el.className} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    const times = (el.textContent?.match(/\d{1,2}:\d{2}/g) ?? []).length;
    const score =
      Math.min(items, 60) +
      Math.min(times, 40) +
      (cue.test(names) ? 40 : 0) +
      (el.getAttribute('role') === 'log' ? 40 : 0) +
      Math.min(el.clientHeight / 40, 15);
    if (!best || score > best.score) best = { el, score, items };
  }
  if (!best) return undefined;
  best.el.setAttribute(MARK, '');
  return {
    score: best.score,
    url: location.href,
    scrollTop: best.el.scrollTop,
    frameViewport: { width: window.innerWidth, height: window.innerHeight },
    scrollHeight: best.el.scrollHeight,
    clientHeight: best.el.clientHeight,
    clientWidth: best.el.clientWidth,
    items: best.items,
  };
}

/**
 * Runs in the pane's frame: scrolls the marked pane to the top again and again while
 * older messages keep arriving, for at most `budgetMs`. `complete` is true once a
 * scroll to the top brought nothing new within `idleMs`.
 */
export async function loadOlderMessages(
  budgetMs: number,
  idleMs: number,
): Promise<{ rounds: number; scrollHeight: number; complete: boolean }> {
  const pane = document.querySelector('[data-kameng-chat-pane]');
  if (!pane) throw new Error('the chat pane is gone');
  const deadline = Date.now() + budgetMs;
  let rounds = 0;
  while (Date.now() < deadline) {
    const before = pane.scrollHeight;
    pane.scrollTop = 0;
    // Setting scrollTop to where it already is fires nothing; some widgets also
    // listen for the wheel rather than for scroll.
    pane.dispatchEvent(new Event('scroll'));
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, bubbles: true }));
    const waitStart = Date.now();
    const idleUntil = Math.min(waitStart + idleMs, deadline);
    while (Date.now() < idleUntil && pane.scrollHeight === before) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (pane.scrollHeight === before) {
      // Only a full idle wait means there is nothing older; a wait cut short by the
      // budget means "not known yet", and the caller asks again.
      const complete = Date.now() - waitStart >= idleMs;
      return { rounds, scrollHeight: pane.scrollHeight, complete };
    }
    rounds++;
    // Let the page settle its own scroll correction before the next round.
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return { rounds, scrollHeight: pane.scrollHeight, complete: false };
}

export interface PaneView {
  scrollTop: number;
  scrollHeight: number;
  /** The pane's visible content box in the frame's viewport, CSS px. */
  box: { x: number; y: number; width: number; height: number };
  frameViewport: { width: number; height: number };
}

/** Runs in the pane's frame: scrolls the pane to `y`, keeps it in view, reports where it is. */
export async function scrollChatPane(y: number): Promise<PaneView> {
  const pane = document.querySelector('[data-kameng-chat-pane]');
  if (!pane) throw new Error('the chat pane is gone');
  pane.scrollTop = y;
  const rect0 = pane.getBoundingClientRect();
  if (rect0.top < 0 || rect0.bottom > window.innerHeight) pane.scrollIntoView({ block: 'nearest' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const rect = pane.getBoundingClientRect();
  return {
    scrollTop: pane.scrollTop,
    scrollHeight: pane.scrollHeight,
    box: {
      x: rect.left + pane.clientLeft,
      y: rect.top + pane.clientTop,
      width: pane.clientWidth,
      height: pane.clientHeight,
    },
    frameViewport: { width: window.innerWidth, height: window.innerHeight },
  };
}

/** Runs in the pane's frame: the pane's HTML and text once all messages are loaded. */
export function readChatPane(): { html: string; text: string } {
  const pane = document.querySelector<HTMLElement>('[data-kameng-chat-pane]');
  if (!pane) throw new Error('the chat pane is gone');
  return { html: pane.outerHTML, text: pane.innerText };
}

/**
 * Runs in the pane's frame: puts the pane back as far from the newest message as the
 * user had it (older messages were added above) and removes the mark.
 */
export function releaseChatPane(fromBottom: number): void {
  const pane = document.querySelector('[data-kameng-chat-pane]');
  if (!pane) return;
  pane.scrollTop = pane.scrollHeight - pane.clientHeight - fromBottom;
  pane.removeAttribute('data-kameng-chat-pane');
  for (const el of Array.from(document.querySelectorAll('[data-kameng-picked]'))) {
    el.removeAttribute('data-kameng-picked');
  }
}

/**
 * Runs in the parent frame: where the iframe showing `url` sits (content box, CSS px),
 * after scrolling it into view. Undefined when no iframe shows that URL.
 */
export function locateFrame(
  url: string,
  width: number,
  height: number,
): { x: number; y: number; url: string; width: number; height: number } | undefined {
  const frames = Array.from(document.querySelectorAll('iframe, frame')) as HTMLIFrameElement[];
  const same = (src: string) => {
    try {
      return new URL(src, location.href).href === url;
    } catch {
      return false;
    }
  };
  const candidates = frames.filter((f) => same(f.src));
  const frame =
    candidates.find(
      (f) => Math.abs(f.clientWidth - width) < 2 && Math.abs(f.clientHeight - height) < 2,
    ) ?? candidates[0];
  if (!frame) return undefined;
  const r0 = frame.getBoundingClientRect();
  if (r0.top < 0 || r0.bottom > window.innerHeight) frame.scrollIntoView({ block: 'nearest' });
  const rect = frame.getBoundingClientRect();
  return {
    x: rect.left + frame.clientLeft,
    y: rect.top + frame.clientTop,
    url: location.href,
    width: window.innerWidth,
    height: window.innerHeight,
  };
}
