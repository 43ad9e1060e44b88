// The element picker, injected into the page with scripting.executeScript({ func }).
// Self-contained like page-functions.ts.

/**
 * Runs in the page: outlines the element under the pointer (named in the hint bar);
 * in 'chat' mode the pick names the chat pane to capture rather than an element;
 * ↑ widens to the enclosing element and ↓ narrows back; a click or Enter marks it
 * `data-kameng-picked` and tells the extension; Esc cancels. The page sees none of
 * these clicks and keys.
 */
export function installPicker(hint: string, mode = 'element'): void {
  if (document.getElementById('kameng-picker-box')) return;
  const top = 2147483647;
  const box = document.createElement('div');
  box.id = 'kameng-picker-box';
  box.style.cssText = `position:fixed;pointer-events:none;z-index:${top};border:2px solid #c62828;background:rgba(198,40,40,.08);display:none;box-sizing:border-box`;
  const tip = document.createElement('div');
  tip.id = 'kameng-picker-tip';
  tip.setAttribute('role', 'status');
  tip.textContent = hint;
  tip.style.cssText = `position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:${top};pointer-events:none;background:#1d232a;color:#fff;font:14px sans-serif;padding:6px 12px;border-radius:4px`;
  document.documentElement.append(box, tip);
  let current: Element | null = null;
  const trail: Element[] = [];
  const describe = (el: Element) =>
    `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).slice(0, 2).join('.')}` : ''}`;
  const outline = (el: Element) => {
    current = el;
    tip.textContent = `${hint} — ${describe(el)}`;
    const r = el.getBoundingClientRect();
    box.style.display = 'block';
    box.style.left = `${r.left}px`;
    box.style.top = `${r.top}px`;
    box.style.width = `${r.width}px`;
    box.style.height = `${r.height}px`;
  };
  const stop = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
    e.stopImmediatePropagation();
  };
  const cleanup = () => {
    removeEventListener('mousemove', move, true);
    removeEventListener('mousedown', stop, true);
    removeEventListener('mouseup', stop, true);
    removeEventListener('click', click, true);
    removeEventListener('keydown', key, true);
    box.remove();
    tip.remove();
  };
  const pick = (el: Element | null) => {
    cleanup();
    if (!el || el === document.documentElement) return;
    for (const old of Array.from(document.querySelectorAll('[data-kameng-picked]'))) {
      old.removeAttribute('data-kameng-picked');
    }
    el.setAttribute('data-kameng-picked', '');
    const ext = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome;
    void ext.runtime.sendMessage({ type: 'element-picked', mode });
  };
  const move = (e: MouseEvent) => {
    const el = document.elementFromPoint(e.clientX, e.clientY);
    if (el && el !== box && el !== tip && el !== current) {
      trail.length = 0;
      outline(el);
    }
  };
  const click = (e: MouseEvent) => {
    stop(e);
    pick(current ?? document.elementFromPoint(e.clientX, e.clientY));
  };
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      stop(e);
      cleanup();
    } else if (e.key === 'Enter') {
      stop(e);
      pick(current ?? document.activeElement);
    } else if (
      e.key === 'ArrowUp' &&
      current?.parentElement &&
      current.parentElement !== document.documentElement
    ) {
      // Widen to the enclosing element, e.g. from a table cell to the whole table.
      stop(e);
      trail.push(current);
      outline(current.parentElement);
    } else if (e.key === 'ArrowDown' && trail.length) {
      stop(e);
      const child = trail.pop();
      if (child) outline(child);
    }
  };
  addEventListener('mousemove', move, true);
  addEventListener('mousedown', stop, true);
  addEventListener('mouseup', stop, true);
  addEventListener('click', click, true);
  addEventListener('keydown', key, true);
}

export interface PickedElement {
  /** The element's box in document coordinates, CSS px. */
  x: number;
  y: number;
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
  viewportWidth: number;
  viewportHeight: number;
  html: string;
  text: string;
}

/** Runs in the page: where the picked element is, and its HTML and text. */
export function readPicked(): PickedElement | undefined {
  const el = document.querySelector<HTMLElement>('[data-kameng-picked]');
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  el.removeAttribute('data-kameng-picked');
  const html = el.outerHTML;
  el.setAttribute('data-kameng-picked', '');
  return {
    x: r.left + window.scrollX,
    y: r.top + window.scrollY,
    width: r.width,
    height: r.height,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    html,
    text: el.innerText,
  };
}

/** Runs in the page: forgets the picked element. */
export function unmarkPicked(): void {
  for (const el of Array.from(document.querySelectorAll('[data-kameng-picked]'))) {
    el.removeAttribute('data-kameng-picked');
  }
}
