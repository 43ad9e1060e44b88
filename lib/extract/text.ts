/**
 * Text helpers shared by the extractors: what a reader sees of an element, and the
 * normalised form used for matching (full-width colons, ￥, digits made ASCII).
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'HEAD', 'TITLE']);

/** Tags that start a new line when text is read aloud from the DOM. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

let hiddenCache = new WeakMap<Element, boolean>();

/** Forgets remembered visibility; each extraction starts afresh (the live DOM changes). */
export function forgetVisibility(): void {
  hiddenCache = new WeakMap();
  displayCache = new WeakMap();
}

/**
 * Whether an element is hidden from the reader: the `hidden` attribute, an inline or
 * computed `display: none` / `visibility: hidden`. Computed styles exist in Chromium
 * and (from `<style>` elements) in happy-dom; without them only markup counts.
 */
export function isHidden(el: Element): boolean {
  const cached = hiddenCache.get(el);
  if (cached !== undefined) return cached;
  let hidden = el.hasAttribute('hidden') || SKIPPED.has(el.tagName);
  if (!hidden) {
    const inline = el.getAttribute('style') ?? '';
    hidden = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(inline);
  }
  if (!hidden) {
    const view = el.ownerDocument.defaultView;
    try {
      const style = view?.getComputedStyle(el);
      hidden = style?.display === 'none' || style?.visibility === 'hidden';
    } catch {
      // Some DOMs have no style engine; markup cues are all we have then.
    }
  }
  hiddenCache.set(el, hidden);
  return hidden;
}

let displayCache = new WeakMap<Element, string>();

function displayOf(el: Element): string {
  let display = displayCache.get(el);
  if (display === undefined) {
    try {
      display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? '';
    } catch {
      display = '';
    }
    displayCache.set(el, display);
  }
  return display;
}

/**
 * Whether an inline tag is laid out as its own line by the page's style (a note under a
 * value: `<span class="sub">` with `display: block`). Flex and grid items are blockified
 * by the browser yet sit side by side, so they do not count.
 */
function styledAsBlock(el: Element): boolean {
  if (BLOCK_TAGS.has(el.tagName)) return false;
  const display = displayOf(el);
  if (display !== 'block' && display !== 'list-item') return false;
  const parent = el.parentElement;
  return !parent || !/flex|grid/.test(displayOf(parent));
}

/** Tags whose content is a code or key: kept apart from the text around them. */
const CODE_TAGS = new Set(['CODE', 'KBD', 'SAMP', 'TT', 'VAR']);

/** Whether an element or one of its ancestors is hidden. */
export function isHiddenDeep(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

/**
 * The visible text of an element as lines: block elements and `<br>` break lines,
 * runs of spaces collapse, hidden elements and scripts are left out.
 */
export function visibleText(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      out.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (isHidden(el)) return;
    if (el.tagName === 'IMG') return;
    const block = BLOCK_TAGS.has(el.tagName) || styledAsBlock(el);
    const spaced = CODE_TAGS.has(el.tagName);
    if (block) out.push('\n');
    else if (el.tagName === 'TD' || el.tagName === 'TH' || spaced) out.push(' ');
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) out.push('\n');
    else if (spaced) out.push(' ');
  };
  walk(node);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The visible text of an element on one line. */
export function lineText(node: Node): string {
  return visibleText(node).replace(/\n/g, ' ');
}

/**
 * The form used for matching: NFKC (full-width colons, brackets, digits and ￥ become
 * ASCII), no zero-width characters, spaces collapsed.
 */
export function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A label without spaces, bullets and trailing colons: "订 单 号：" -> "订单号". */
export function labelKey(text: string): string {
  return (
    norm(text)
      .replace(/\s+/g, '')
      .replace(/^[*·•●■◆-]+/, '')
      .replace(/[:：]+$/, '')
      .replace(/^(.{2,})\((?:共|含|卡号|格式|单位|UTC|GMT|北京时间)[^()]{0,12}\)$/i, '$1')
      .replace(/^[A-Za-z][A-Za-z .]{1,24}\/(?=.*\p{Script=Han})/u, '')
      // "Order No. 订单号", "Paid at 付款时间": the English half before the Chinese label.
      .replace(/^[A-Za-z][A-Za-z.]{0,24}(?=\p{Script=Han}{2,}$)/u, '')
  );
}

/** Elements of a document's body in document order, visible ones only. */
export function visibleElements(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const out: Element[] = [];
  const walk = (el: Element): void => {
    if (isHidden(el)) return;
    out.push(el);
    for (const child of Array.from(el.children)) walk(child);
  };
  walk(body);
  return out;
}

const FOOTER_CUE =
  /(^|[-_\s])m?(foot|footer|bottom|copyright|copy)([-_\s]|$)|(^|\s)ft(\s|$)|footer/i;

/** Whether an element sits in the page footer (tag, role or class/id names). */
export function inFooter(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'FOOTER' || e.getAttribute('role') === 'contentinfo') return true;
    const names = `${e.id} ${e.getAttribute('class') ?? ''}`;
    if (FOOTER_CUE.test(names)) return true;
  }
  return false;
}

/** One line of visible text and the innermost block element that shows it. */
export interface TextLine {
  text: string;
  el: Element;
}

/**
 * The visible lines of a page, each from the innermost block that holds it, skipping
 * elements `skip` rejects (chat messages when reading the site's own text).
 */
export function textLines(doc: Document, skip?: (el: Element) => boolean): TextLine[] {
  const out: TextLine[] = [];
  const walk = (el: Element): void => {
    if (isHidden(el) || skip?.(el)) return;
    const blockChildren = Array.from(el.children).some(
      (c) => BLOCK_TAGS.has(c.tagName) || c.tagName === 'TD' || c.tagName === 'TH',
    );
    if (!blockChildren) {
      // A strip of inline items (<span>假一赔十</span><span>秒发</span>) is one line each,
      // unless one of them is a label ("客服QQ:" <b>800123456</b>).
      const loose = Array.from(el.childNodes).some(
        (n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '',
      );
      const kids = Array.from(el.children).filter((c) => !isHidden(c) && lineText(c) !== '');
      if (!loose && kids.length >= 2 && !kids.some((c) => /[:：]\s*$/.test(lineText(c)))) {
        for (const c of kids) walk(c);
        return;
      }
      for (const text of visibleText(el).split('\n')) if (text) out.push({ text, el });
      return;
    }
    // Loose text between block children belongs to this element.
    let loose = '';
    const flush = () => {
      const text = loose.replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, el });
      loose = '';
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) loose += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (BLOCK_TAGS.has(c.tagName) || c.tagName === 'TD' || c.tagName === 'TH') {
          flush();
          walk(c);
        } else if (!isHidden(c) && !skip?.(c)) loose += ` ${lineText(c)} `;
      }
    }
    flush();
  };
  if (doc.body) walk(doc.body);
  return out;
}
