import { cardKey, findCards } from './card-keys';
import { pick, readId } from './fields';
import { isLabelText, type LabelledValue } from './labels';
import { assign, ORDER_LABELS, type OrderFacts, orderPicks } from './order';
import { type SourceMap, sourceOf } from './sources';
import {
  bareCells,
  fillUnlabelled,
  looksLikeOrderCard,
  productBesideCount,
  unlabelledFields,
} from './unlabelled';
import { isHidden, labelKey, lineText, visibleElements } from './text';

interface ListContext {
  capturedAt: string;
  zone?: number;
}

/** One order of a list: the pairs read inside its row or card, and the element itself. */
interface ListItem {
  el: Element;
  pairs: LabelledValue[];
}

const cellsOf = (row: Element) =>
  Array.from(row.children).filter(
    (c) => !isHidden(c) && (c.tagName === 'TD' || c.tagName === 'TH'),
  );

/**
 * Order tables: a header row of labels naming an order-number column, one order per row
 * below. Each row becomes pairs of header label and cell; they are marked `inline`, as
 * the cell beside a 卡密 cell is the next column, not a further code.
 */
function tableItems(doc: Document, skip: (el: Element) => boolean): ListItem[][] {
  const lists: ListItem[][] = [];
  // Frameworks (Element UI, Ant Design) draw the header row in a table of its own, just
  // before the table of rows: a header table without rows lends its labels to the next.
  let lent: string[] | undefined;
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    if (skip(table) || isHidden(table)) continue;
    const rows = Array.from(table.querySelectorAll('tr')).filter(
      (r) => r.closest('table') === table && !isHidden(r),
    );
    const headerAt = rows.findIndex((r) => cellsOf(r).length >= 2);
    const header = rows[headerAt];
    if (!header) continue;
    const labels = cellsOf(header).map((c) => lineText(c));
    let keys: string[];
    let body: Element[];
    if (labels.every((l) => l === '' || isLabelText(l))) {
      keys = labels.map((l) => labelKey(l));
      body = rows.slice(headerAt + 1);
      lent = body.length === 0 ? keys : undefined;
      if (body.length === 0) continue;
    } else if (lent && lent.length >= labels.length) {
      keys = lent.slice(0, labels.length);
      body = rows.slice(headerAt);
      lent = undefined;
    } else {
      lent = undefined;
      continue;
    }
    const items: ListItem[] = [];
    for (const row of body) {
      const cells = cellsOf(row);
      if (cells.length !== keys.length) continue;
      items.push({ el: row, pairs: rowPairs(keys, cells) });
    }
    lists.push(items);
  }
  return lists;
}

const isOrderIdLabel = (key: string) => ORDER_LABELS.orderId.some((r) => r.test(key));

/** The pairs of one grid row: each cell under the header label in the same position. */
function rowPairs(keys: readonly string[], cells: readonly Element[]): LabelledValue[] {
  const pairs: LabelledValue[] = [];
  cells.forEach((el, i) => {
    const value = withoutStruck(el);
    const label = keys[i];
    if (value && label) pairs.push({ label, value, el, inline: true });
  });
  return pairs;
}

/**
 * Order lists laid out as div grids (Bootstrap rows, flex rows, Element/Vant lists): a
 * header row of labels naming an order-number column, then rows with as many cells, as
 * its following siblings or the children of the element that follows it.
 */
function gridItems(doc: Document, skip: (el: Element) => boolean): ListItem[][] {
  const lists: ListItem[][] = [];
  const kidsOf = (el: Element) => Array.from(el.children).filter((c) => !isHidden(c));
  for (const header of visibleElements(doc)) {
    if (header.closest('table') || skip(header)) continue;
    const cells = kidsOf(header);
    if (cells.length < 3) continue;
    const labels = cells.map((c) => lineText(c));
    if (!labels.every((l) => l === '' || isLabelText(l))) continue;
    const keys = labels.map((l) => labelKey(l));
    if (!keys.some(isOrderIdLabel)) continue;
    const rowsAfter = (first: Element | null) => {
      const rows: Element[] = [];
      for (let row = first; row; row = row.nextElementSibling) {
        if (!isHidden(row) && kidsOf(row).length === cells.length) rows.push(row);
      }
      return rows;
    };
    let rows = rowsAfter(header.nextElementSibling);
    const body = header.nextElementSibling;
    if (rows.length === 0 && body) rows = rowsAfter(body.firstElementChild);
    // A header row alone in its own header box (Naive UI, virtual lists): the rows are in
    // the box that follows it.
    const headerBox = header.parentElement;
    if (rows.length === 0 && headerBox && kidsOf(headerBox).length === 1) {
      const next = headerBox.nextElementSibling;
      if (next) rows = rowsAfter(next.firstElementChild);
    }
    const items = rows
      .map((row) => ({ el: row, pairs: rowPairs(keys, kidsOf(row)) }))
      .filter((item) => !item.pairs.every((p) => isLabelText(p.value)));
    if (items.length) lists.push(items);
  }
  return lists;
}

/**
 * Order cards (我的订单, 查询结果): each order number's pair climbs to the widest element
 * that holds no other order number; the pairs inside that element are its order.
 */
function cardItems(pairs: readonly LabelledValue[]): ListItem[] {
  // The elements showing each order number (a card may show its number twice).
  // A list repeats one label; a detail page's 订单编号 and 平台订单号 are one order's.
  const idPairs = pairs.filter((p) => pick([p], ORDER_LABELS.orderId, (v) => readId(v)));
  const counts = new Map<string, number>();
  for (const p of idPairs) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  const label = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byId = new Map<string, Element[]>();
  for (const p of idPairs) {
    if (p.label !== label) continue;
    const id = pick([p], ORDER_LABELS.orderId, (v) => readId(v))?.value;
    if (id) byId.set(id, [...(byId.get(id) ?? []), p.el]);
  }
  if (byId.size < 2) return [];
  const items: ListItem[] = [];
  for (const [id, els] of byId) {
    const others = [...byId].flatMap(([other, o]) => (other === id ? [] : o));
    let box: Element | null = els[0] ?? null;
    while (box && !els.every((el) => box?.contains(el))) box = box.parentElement;
    if (!box || others.some((o) => box?.contains(o) || o.contains(box as Element))) return [];
    for (let up = box.parentElement; up && up.tagName !== 'BODY'; up = up.parentElement) {
      if (others.some((o) => up?.contains(o))) break;
      box = up;
    }
    const el = box;
    items.push({ el, pairs: pairs.filter((p) => el.contains(p.el)) });
  }
  return items;
}

/**
 * Order cards that show no order number (a shopping app's 我的订单: shop, product, ×1,
 * 实付款, a status word): two or more siblings of one kind, each with a status word, a
 * count and a paid amount. Product grids have no status words, so they give none.
 */
function idlessCards(doc: Document, skip: (el: Element) => boolean): ListItem[][] {
  const lists: ListItem[][] = [];
  const seen = new Set<Element>();
  for (const el of visibleElements(doc)) {
    const parent = el.parentElement;
    if (!parent || seen.has(parent) || skip(el)) continue;
    const key = `${el.tagName}.${el.getAttribute('class') ?? ''}`;
    const kin = Array.from(parent.children).filter(
      (c) => !isHidden(c) && `${c.tagName}.${c.getAttribute('class') ?? ''}` === key,
    );
    if (kin.length < 2) continue;
    seen.add(parent);
    if (!kin.every((card) => looksLikeOrderCard(card))) continue;
    lists.push(kin.map((card) => ({ el: card, pairs: [] })));
  }
  return lists;
}

/** The order read from one row or card, with its sources under `orders.<i>`. */
function readItem(
  doc: Document,
  item: ListItem,
  ctx: ListContext,
  skip: (el: Element) => boolean,
  sources: SourceMap,
  prefix: string,
  idless = false,
): OrderFacts | undefined {
  const picks = orderPicks(item.pairs, ctx.capturedAt, ctx.zone);
  if (!picks.orderId && !idless) return undefined;
  // Order cards show status, time, wallet and product without labels.
  fillUnlabelled(picks, unlabelledFields(item.el, ctx));
  // A goods row anchored on its "x1", past the shop's name heading the card.
  if (idless || !picks.product) {
    const row = productBesideCount(item.el, skip);
    if (row) fillUnlabelled(picks, row, ['product', 'quantity']);
  }
  fillUnlabelled(picks, bareCells(item.el), ['amount', 'product']);
  if (!(picks.amount || picks.placedAt || picks.product || picks.status)) return undefined;
  if (picks.tradeNo && picks.orderId?.value === picks.tradeNo.value) return undefined;
  if (idless && !(picks.amount && picks.product && picks.status)) return undefined;
  const mine: SourceMap = {};
  const order = assign<OrderFacts>({}, picks, mine, prefix);
  const cards = findCards(doc, item.pairs, (el) => skip(el) || !item.el.contains(el));
  if (cards.length) {
    order.cardKeys = cards.map(cardKey);
    if (cards.some((c) => c.number)) {
      order.cards = cards.map(({ number, secret }) => (number ? { number, secret } : { secret }));
    }
    cards.forEach((c, i) => {
      mine[`${prefix}.cardKeys.${i}`] = sourceOf(c.el);
    });
  }
  Object.assign(sources, mine);
  return order;
}

/**
 * Every order on an order list (订单列表, 我的订单, 查询结果): rows of an order table or
 * repeated order cards, each with its own order number. Only lists of two or more
 * orders with distinct numbers count, so a detail page, which shows one order (perhaps
 * its number twice), gives none and keeps to `order`.
 */
export function extractOrders(
  doc: Document,
  pairs: readonly LabelledValue[],
  ctx: ListContext,
  skip: (el: Element) => boolean,
  sources: SourceMap,
): OrderFacts[] | undefined {
  const candidates = [
    ...tableItems(doc, skip).map((items) => ({ items, idless: false })),
    ...gridItems(doc, skip).map((items) => ({ items, idless: false })),
    { items: cardItems(pairs), idless: false },
    ...idlessCards(doc, skip).map((items) => ({ items, idless: true })),
  ];
  for (const { items, idless } of candidates) {
    if (items.length < 2) continue;
    const mine: SourceMap = {};
    const orders: OrderFacts[] = [];
    for (const item of items) {
      const order = readItem(doc, item, ctx, skip, mine, `orders.${orders.length}`, idless);
      if (order) orders.push(order);
    }
    const ids = new Set(orders.map((o) => o.orderId));
    if (orders.length < 2 || (!idless && ids.size !== orders.length)) continue;
    if (idless && orders.length !== items.length) continue;
    Object.assign(sources, mine);
    return orders;
  }
  return undefined;
}

/** A cell's words without a struck-out figure ("<del>¥194.00</del>¥190.00" -> "¥190.00"). */
function withoutStruck(el: Element): string {
  let text = lineText(el);
  for (const gone of Array.from(el.querySelectorAll('del, s, strike'))) {
    const struck = lineText(gone);
    const rest = text.replace(struck, '').trim();
    if (struck && rest) text = rest;
  }
  return text;
}
