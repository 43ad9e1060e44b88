// Functions injected into the captured page with scripting.executeScript({ func }).
// Chrome serialises each function's source, so every one must be self-contained:
// no imports, no references to anything outside its own body.

export interface PageMeasure {
  scrollX: number;
  scrollY: number;
  viewportWidth: number;
  viewportHeight: number;
  pageWidth: number;
  pageHeight: number;
  devicePixelRatio: number;
}

/** Runs in the page: its scroll position, viewport and full size in CSS pixels. */
export function measurePage(): PageMeasure {
  const root = document.scrollingElement ?? document.documentElement;
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    pageWidth: Math.max(root.scrollWidth, document.body?.scrollWidth ?? 0),
    pageHeight: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0),
    devicePixelRatio: window.devicePixelRatio,
  };
}

/**
 * Runs in the page: scrolls to `y` and decides which fixed and sticky elements show,
 * so that each appears in exactly one slice: top-anchored fixed bars when `showTop`,
 * bottom-anchored ones when `showBottom`, sticky ones only in the slice covering
 * [sliceTop, sliceBottom) where they sit in the page. Then gives lazy images in view
 * a moment to load. Returns the scroll position actually reached.
 */
export async function preparePageSlice(
  y: number,
  sliceTop: number,
  sliceBottom: number,
  showTop: boolean,
  showBottom: boolean,
): Promise<{ y: number }> {
  const MARK = 'data-kameng-pinned';
  const root = document.documentElement;
  if (!root.hasAttribute('data-kameng-scanned')) {
    root.setAttribute('data-kameng-scanned', '');
    const viewportHeight = window.innerHeight;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const position = getComputedStyle(el).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      let anchor: string;
      if (position === 'fixed') {
        const rect = el.getBoundingClientRect();
        anchor = rect.top + rect.height / 2 < viewportHeight / 2 ? 'top' : 'bottom';
      } else {
        // Where the sticky element sits in the document when not stuck.
        const saved = el.style.getPropertyValue('position');
        const savedPriority = el.style.getPropertyPriority('position');
        el.style.setProperty('position', 'static', 'important');
        const natural = el.getBoundingClientRect().top + window.scrollY;
        el.style.setProperty('position', saved, savedPriority);
        anchor = `at:${Math.round(natural)}`;
      }
      el.setAttribute(MARK, anchor);
      el.setAttribute('data-kameng-visibility', el.style.getPropertyValue('visibility'));
    }
  }
  window.scrollTo(window.scrollX, y);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(`[${MARK}]`))) {
    const anchor = el.getAttribute(MARK) ?? '';
    let show: boolean;
    if (anchor === 'top') show = showTop;
    else if (anchor === 'bottom') show = showBottom;
    else {
      const natural = Number(anchor.slice(3));
      show = natural >= sliceTop && natural < sliceBottom;
    }
    if (show) el.style.setProperty('visibility', el.getAttribute('data-kameng-visibility') ?? '');
    else el.style.setProperty('visibility', 'hidden', 'important');
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await frame();
  await frame();
  const inView = Array.from(document.images).filter((img) => {
    const rect = img.getBoundingClientRect();
    return !img.complete && rect.bottom > 0 && rect.top < window.innerHeight;
  });
  if (inView.length > 0) {
    const loaded = Promise.all(
      inView.map(
        (img) =>
          new Promise((resolve) => {
            img.addEventListener('load', resolve, { once: true });
            img.addEventListener('error', resolve, { once: true });
          }),
      ),
    );
    await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 800))]);
    await frame();
  }
  return { y: window.scrollY };
}

/** Runs in the page: undoes preparePageSlice and returns to where the user was. */
export function restorePage(scrollX: number, scrollY: number): void {
  const MARK = 'data-kameng-pinned';
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(`[${MARK}]`))) {
    el.style.setProperty('visibility', el.getAttribute('data-kameng-visibility') ?? '');
    if (!el.getAttribute('style')) el.removeAttribute('style');
    el.removeAttribute(MARK);
    el.removeAttribute('data-kameng-visibility');
  }
  document.documentElement.removeAttribute('data-kameng-scanned');
  window.scrollTo(scrollX, scrollY);
}
