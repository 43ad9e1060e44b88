import { isAmountOnly } from './amounts';
import { type Picked, readAmount, readDate, readProduct } from './fields';
import { isHidden, lineText, visibleText } from './text';

/**
 * Order fields a card shows without labels, as 我的订单 lists and mobile order cards
 * draw them: a status word (交易成功), a time, the wallet (微信支付), "x2", the product
 * in an element named for it (goods-name, van-card__title). Read inside one box only:
 * one order card, or the product card of a detail page.
 */
export interface UnlabelledFields {
  status?: { value: string; el: Element };
  placedAt?: { value: string; el: Element };
  paymentMethod?: { value: string; el: Element };
  quantity?: { value: number; el: Element };
  amount?: { value: number; el: Element };
  product?: { value: string; el: Element; named?: boolean };
}

const STATUS_WORD =
  /^(交易成功|交易完成|交易关闭|交易失败|已完成|已发货|待发货|未发货|发货中|已付款|待付款|未付款|待支付|已支付|支付成功|已退款|退款中|退款成功|已关闭|订单已关闭|已取消|订单已取消|已签收|充值中|充值成功|充值失败|已到账|处理中|待处理|售后中|待收货|已收货|已发卡|已发卡密|卖家已发货|等待卖家发货|待确认收货|买家已付款|等待发货|部分退款|已部分退款|等待确认收货|等待买家确认收货)$/;
const PAY_WORD = /微信支付|支付宝|QQ钱包|USDT|云闪付|银联|余额支付|PayPal|数字人民币|京东支付|微信/;
const PRODUCT_CLASS =
  /(goods|product|commodity|item|sku|prod|card|oc|g)[-_]{0,2}(name|title|tit|nm)\b|(^|\s)(goods|product|prod)(\s|$)/i;
const DATE_TIME =
  /(?:今天|昨天|前天)\s*\d{1,2}:\d{2}(?::\d{2})?|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?|\b\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?/;
const THUMB_CLASS = /thumb|icon|ico\b|pic|img|avatar|logo|cover/i;
const OWN_NAME = /name|title|tit\b|nm\b/i;
const PAID_TOTAL = /(?:实付款?|实付金额|合计|总计)\s*[:：]?\s*([¥￥]\s*[\d,]+(?:\.\d{1,2})?)/;
// "x2", "共1件", and a unit price times a count ("面值 ¥648.00 × 1").
const QUANTITY =
  /^[x×*]\s*(\d{1,4})$|^共\s*(\d{1,4})\s*(?:件|张|个|份)|[¥￥]\s*[\d,]+(?:\.\d{1,2})?\s*[x×]\s*(\d{1,4})$/i;

/** Elements with text and no child element holding text: what a reader sees as words. */
function leaves(box: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    if (isHidden(el)) return;
    const kids = Array.from(el.children).filter((c) => lineText(c) !== '');
    if (kids.length === 0) {
      if (lineText(el)) out.push(el);
      return;
    }
    for (const c of kids) walk(c);
  };
  walk(box);
  return out;
}

/** The unlabelled order fields inside `box`; the first reading of each wins. */
export function unlabelledFields(
  box: Element,
  ctx: { capturedAt: string; zone?: number },
): UnlabelledFields {
  const found: UnlabelledFields = {};
  const date = readDate(ctx.capturedAt, ctx.zone);
  for (const el of leaves(box)) {
    if (el.closest('a, button, select, option')) continue;
    const text = lineText(el).trim();
    // "共1件商品 实付 ¥9.90": a total without a colon, the card's own words for it.
    // (Up to two levels: the figure may be split in spans, ¥ / 148 / .00.)
    const paid = [el.parentElement, el.parentElement?.parentElement]
      .map((box) => box && PAID_TOTAL.exec(lineText(box).replace(/\s+/g, '')))
      .find(Boolean);
    if (!found.amount && paid?.[1]) {
      const value = readAmount(paid[1]);
      if (value !== undefined) found.amount = { value, el };
    }
    if (!found.status && STATUS_WORD.test(text)) {
      found.status = { value: text, el };
      continue;
    }
    // "已完成<br><small>微信支付</small>": a state word as its box's own first line.
    const boxWords = ownText(el.parentElement);
    if (
      !found.status &&
      el.parentElement &&
      el.parentElement !== box &&
      STATUS_WORD.test(boxWords)
    ) {
      found.status = { value: boxWords, el: el.parentElement };
    }
    // "¥19.90<br>x2": a price and a count drawn on two lines of one box.
    const q = visibleText(el)
      .split('\n')
      .map((line) => QUANTITY.exec(line.trim()))
      .find(Boolean);
    if (!found.quantity && q) {
      found.quantity = { value: Number(q[1] ?? q[2] ?? q[3]), el };
      continue;
    }
    // Short lines only, or an order number's line with its time ("订单号：… 2026-11-26 08:44:15").
    if (text.length <= 40 || (text.length <= 64 && /单号|订单号/.test(text))) {
      const stamp = DATE_TIME.exec(text)?.[0];
      const at = stamp ? date(stamp) : undefined;
      if (!found.placedAt && at) found.placedAt = { value: at, el };
      const pay = PAY_WORD.exec(text)?.[0];
      if (!found.paymentMethod && pay && (stamp || text.length <= 12))
        found.paymentMethod = { value: pay, el };
      if (stamp || pay) continue;
    }
    const up = el.parentElement;
    const names = [el, up, up?.parentElement].map((e) => e?.getAttribute('class') ?? '').join(' ');
    // The element named for the product's name, not a thumbnail's caption beside it.
    const own = el.getAttribute('class') ?? '';
    if (!found.product && PRODUCT_CLASS.test(names) && !THUMB_CLASS.test(own)) {
      const product = readProduct(text);
      if (product) found.product = { value: product, el, named: OWN_NAME.test(own) };
    } else if (
      found.product &&
      !found.product.named &&
      OWN_NAME.test(own) &&
      PRODUCT_CLASS.test(names)
    ) {
      const product = readProduct(text);
      if (product) found.product = { value: product, el, named: true };
    }
  }
  return found;
}

const FIELDS = ['status', 'placedAt', 'paymentMethod', 'quantity', 'product', 'amount'] as const;

/** Fills the fields `picks` lacks from unlabelled readings, as picks of their own. */
export function fillUnlabelled(
  picks: Partial<Record<(typeof FIELDS)[number], Picked<unknown> | undefined>>,
  found: UnlabelledFields,
  only: readonly (typeof FIELDS)[number][] = FIELDS,
): void {
  for (const key of only) {
    const reading = found[key];
    if (picks[key] || !reading) continue;
    picks[key] = {
      value: reading.value,
      from: { label: '', value: lineText(reading.el), el: reading.el },
    };
  }
}

const STATUS_CLASS = /status|state|badge|result|tag|pill|chip|rounded-full|hero/i;
const NOT_STATUS_PLACE = /tab|nav|menu|filter|step|progress|timeline|flow/i;

/**
 * An order page's status shown without a label: a status word in an element whose own
 * class, or its parent's, names a status or a badge ("status-line", "tag-green"), not
 * in tabs, menus or filters.
 */
export function statusBadge(doc: Document): { value: string; el: Element } | undefined {
  if (!doc.body) return undefined;
  for (const el of leaves(doc.body)) {
    const text = lineText(el).trim();
    if (!STATUS_WORD.test(text) || el.closest('a, button, select, option, nav, li')) continue;
    // Frameworks wrap the word (uni-text > span): the status class may sit two levels up.
    const classes = [el, el.parentElement, el.parentElement?.parentElement]
      .map((e) => e?.getAttribute('class') ?? '')
      .join(' ');
    const around = [el.parentElement, el.parentElement?.parentElement]
      .map((e) => e?.getAttribute('class') ?? '')
      .join(' ');
    if (STATUS_CLASS.test(classes) && !NOT_STATUS_PLACE.test(`${classes} ${around}`))
      return { value: text, el };
  }
  return undefined;
}

/**
 * In one order of a list drawn as bare cells (a product, "×1", "¥12.00", a wallet, a
 * status): the one amount-only cell, and the first cell of words that is none of the
 * other fields.
 */
export function bareCells(box: Element): Pick<UnlabelledFields, 'amount' | 'product'> {
  const cells = leaves(box).filter((el) => !el.closest('a, button'));
  const amounts = cells.filter((el) => isAmountOnly(lineText(el)));
  const found: Pick<UnlabelledFields, 'amount' | 'product'> = {};
  const only = amounts.length === 1 ? amounts[0] : undefined;
  const value = only ? readAmount(lineText(only)) : undefined;
  if (only && value !== undefined) found.amount = { value, el: only };
  for (const el of cells) {
    const text = lineText(el).trim();
    if (
      /[:：]/.test(text) ||
      STATUS_WORD.test(text) ||
      QUANTITY.test(text) ||
      PAY_WORD.test(text) ||
      DATE_TIME.test(text) ||
      isAmountOnly(text) ||
      !/\p{Script=Han}{2,}/u.test(text)
    )
      continue;
    const product = readProduct(text);
    if (product) {
      found.product = { value: product, el };
      break;
    }
  }
  return found;
}

/**
 * A goods row drawn without names (.g > .bd > .tt): the count ("x1") anchors it, and the
 * first words of its box that are no thumbnail caption, price, state or label are the
 * product. Dialogs (a card-key popup's caption) are left out.
 */
export function productBesideCount(
  root: Element,
  skip: (el: Element) => boolean,
):
  | { product: { value: string; el: Element }; quantity: { value: number; el: Element } }
  | undefined {
  for (const count of leaves(root)) {
    if (skip(count) || count.closest('[role="dialog"], [aria-modal="true"], a, button')) continue;
    const q = QUANTITY.exec(lineText(count).trim());
    if (!q) continue;
    let box: Element = count;
    for (let up = 0; up < 3 && box.parentElement && box.parentElement !== root; up++) {
      box = box.parentElement;
      const name = leaves(box).find((el) => {
        const text = lineText(el).trim();
        return (
          el !== count &&
          text.length >= 6 &&
          /\p{Script=Han}{2,}/u.test(text) &&
          !THUMB_CLASS.test(el.getAttribute('class') ?? '') &&
          !/[:：¥￥]/.test(text) &&
          !STATUS_WORD.test(text) &&
          !isAmountOnly(text) &&
          !PAY_WORD.test(text)
        );
      });
      const value = name ? readProduct(lineText(name)) : undefined;
      if (name && value) {
        return {
          product: { value, el: name },
          quantity: { value: Number(q[1] ?? q[2] ?? q[3]), el: count },
        };
      }
    }
  }
  return undefined;
}

/**
 * The first status word of the page ahead of `before` (the order number): the headline
 * of an order page that names it with no class to go by ("充值成功" over the details).
 */
export function statusAhead(
  doc: Document,
  before: Element,
): { value: string; el: Element } | undefined {
  if (!doc.body) return undefined;
  for (const el of leaves(doc.body)) {
    // Document order: stop at the order number (2: `el` precedes it).
    if (el === before || !(before.compareDocumentPosition(el) & 2)) break;
    const text = lineText(el).trim();
    if (!STATUS_WORD.test(text) || el.closest('a, button, select, option, nav, li')) continue;
    const around = [el, el.parentElement, el.parentElement?.parentElement]
      .map((e) => e?.getAttribute('class') ?? '')
      .join(' ');
    if (!NOT_STATUS_PLACE.test(around)) return { value: text, el };
  }
  return undefined;
}

/**
 * A status word right after the order number in its bar ("<div>订单号：YX26…</div>
 * <div class="st">已发货</div>"): the order's own status, set beside its number.
 */
export function statusBeside(idEl: Element): { value: string; el: Element } | undefined {
  let s = idEl.nextElementSibling;
  for (let n = 0; s && n < 2; n++, s = s.nextElementSibling) {
    // "● 已完成": past the status dot.
    const text = lineText(s)
      .trim()
      .replace(/^[^\p{L}\p{N}]+/u, '');
    if (s.children.length > 1 || s.closest('a, button, select, option, nav')) continue;
    if (STATUS_WORD.test(text)) return { value: text, el: s };
  }
  return undefined;
}

/** A card with a status word, a count ("×1", "共1件") and a paid total (实付款 ¥148.00). */
export function looksLikeOrderCard(card: Element): boolean {
  const texts = leaves(card).map((el) => lineText(el).trim());
  const all = lineText(card);
  return (
    texts.some((t) => STATUS_WORD.test(t)) &&
    texts.some((t) => QUANTITY.test(t)) &&
    PAID_TOTAL.test(all.replace(/\s+/g, ''))
  );
}

/**
 * A goods card that states the deal on a chat or trade page: one price, a title and a
 * state word in a small box ("¥188.00 / 京东E卡 200元… / 待确认收货"), with no order number.
 * Product pages show no state word, so they give none.
 */
export function dealCard(
  root: Element,
  skip: (el: Element) => boolean,
):
  | {
      amount: { value: number; el: Element };
      product: { value: string; el: Element };
      status: { value: string; el: Element };
    }
  | undefined {
  for (const state of leaves(root)) {
    const word = lineText(state).trim();
    if (!STATUS_WORD.test(word) || skip(state)) continue;
    if (state.closest('a, button, nav, li, [role="dialog"]')) continue;
    let box: Element = state;
    for (let up = 0; up < 3 && box.parentElement && box.parentElement !== root; up++) {
      box = box.parentElement;
      const cells = leaves(box);
      if (cells.length > 10) break;
      // The price, perhaps split in spans (¥ / 188 / .00): the smallest box reading as one.
      const prices = Array.from(box.querySelectorAll('*')).filter((el) => {
        const t = lineText(el).replace(/\s+/g, '');
        return (
          isAmountOnly(t) &&
          !Array.from(el.children).some((c) => isAmountOnly(lineText(c).replace(/\s+/g, '')))
        );
      });
      if (prices.length !== 1) continue;
      const priceEl = prices[0] as Element;
      const title = cells.find((el) => {
        const t = lineText(el).trim();
        return (
          el !== state &&
          !priceEl.contains(el) &&
          t.length >= 6 &&
          /\p{Script=Han}{2,}/u.test(t) &&
          !/[:：¥￥]/.test(t) &&
          !STATUS_WORD.test(t)
        );
      });
      const product = title ? readProduct(lineText(title)) : undefined;
      const amount = readAmount(lineText(priceEl).replace(/\s+/g, ''));
      if (title && product && amount !== undefined) {
        return {
          amount: { value: amount, el: priceEl },
          product: { value: product, el: title },
          status: { value: word, el: state },
        };
      }
    }
  }
  return undefined;
}

/** An element's own words, without its children's. */
function ownText(el: Element | null): string {
  if (!el) return '';
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue ?? '')
    .join('')
    .trim();
}
