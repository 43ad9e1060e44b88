import type { Card } from './card-keys';
import { cardKey, findCards } from './card-keys';
import {
  pick,
  readAmount,
  readDate,
  readId,
  readProduct,
  readQuantity,
  readWord,
  type Picked,
} from './fields';
import type { LabelledValue } from './labels';
import { type SourceMap, sourceOf } from './sources';
import { lineText, visibleText } from './text';
import {
  bareCells,
  dealCard,
  fillUnlabelled,
  productBesideCount,
  statusAhead,
  statusBeside,
  statusBadge,
  unlabelledFields,
} from './unlabelled';

/** Contract 1's order facts, plus the cards behind `cardKeys`. */
export interface OrderFacts {
  orderId?: string;
  amount?: number;
  placedAt?: string;
  product?: string;
  quantity?: number;
  status?: string;
  cardKeys?: string[];
  paymentMethod?: string;
  tradeNo?: string;
  cards?: Array<{ number?: string; secret: string }>;
}

/** Label tiers per order field, best first (issue #4 lists the common spellings). */
export const ORDER_LABELS = {
  orderId: [
    /^(订单号|订单编号|订单号码|订单ID|订单编码|订单流水号|系统订单号|平台订单号|商城订单号|订单单号)$/i,
    /^(单号|流水号|订单|交易编号)$/,
    /^(商户单号|商户订单号|商家订单号)$/,
  ],
  tradeNo: [
    /^(支付流水号|交易流水号|支付流水|交易流水|支付单号|支付订单号|交易号|交易单号|支付交易号|支付宝交易号|微信支付单号|微信交易单号|微信订单号|支付宝订单号|第三方(支付)?(单号|订单号|流水号|交易号)|渠道(单号|订单号|流水号)|外部(单号|订单号|交易号)|付款单号|付款流水号|银行流水号|支付宝流水号)$/,
  ],
  amount: [
    /^(实付|实付款|实付金额|买家实付|买家实付款|买家已付|实付款金额|实际支付|实际付款|实际支付金额|实际付款金额|实付总额|实收金额|已付金额|已付款|已支付|支付金额|付款金额|支付总额|付款总额|实付价格|实付价|成交金额|成交价)$/,
    /^(订单总额|订单金额|订单总价|订单总金额|总金额|总价|合计|总计|合计金额|应付|应付金额|应付总额|交易金额|金额)$/,
  ],
  placedAt: [
    /^(下单时间|创建时间|订单时间|购买时间|提交时间|下单日期|订单创建时间|交易创建时间|成交时间|购买日期|订单日期)$/,
    /^(支付时间|付款时间|交易时间|时间)$/,
    // A timeline's events, each with its time.
    /^(提交订单|订单提交|创建订单|下单|下单成功)$/,
  ],
  product: [
    /^(商品名称|商品|商品名|产品名称|产品|宝贝名称|宝贝|商品信息|购买商品|商品标题|商品说明|卡种|卡类|卡类型|充值项目|服务名称|商品详情|产品名|订单名称|订单标题)$/,
  ],
  quantity: [
    /^(购买数量|数量|件数|购买件数|商品数量|张数|购买张数|数目|份数|购买份数|卡密数量|发货数量|进货数量|采购数量|批发数量)$/,
  ],
  status: [/^(订单状态|交易状态)$/, /^(状态|支付状态|付款状态|发货状态|当前状态)$/],
  paymentMethod: [/^(支付方式|付款方式|支付渠道|付款渠道|支付类型|支付平台|付款类型|支付通道)$/],
} as const;

const PLATFORM_NUMBER = /^(平台订单号|系统订单号|平台单号|系统单号)$/;

/** A picture's stand-in (class pic, thumb, cover…) holding words ("Steam", "百度网盘 SVIP"). */
const THUMBNAIL = /thumb|pic|img|cover|logo|icon/i;

/**
 * A product cell's name past the words of its picture's stand-in ("<div class="_pic_">Steam
 * </div><span>Steam 国区钱包充值码 50元</span>"): the name alone.
 */
function pastThumbnail(product: Picked<string> | undefined): Picked<string> | undefined {
  const cell = product?.from.el;
  if (!product || !cell) return product;
  const thumb = Array.from(cell.querySelectorAll('*')).find(
    (el) => THUMBNAIL.test(el.getAttribute('class') ?? '') && lineText(el).trim() !== '',
  );
  if (!thumb) return product;
  const words = lineText(thumb).trim();
  const rest = product.value.startsWith(words) ? product.value.slice(words.length).trim() : '';
  const value = rest ? readProduct(rest) : undefined;
  return value ? { value, from: { ...product.from, value } } : product;
}

/** Readers for a set of pairs, shared by order and payment pages. */
export function orderPicks(pairs: readonly LabelledValue[], capturedAt: string, zone?: number) {
  const orderId = pick(pairs, ORDER_LABELS.orderId, (v) => readId(v));
  // A shop page showing both its 订单编号 and a payment platform's 平台订单号: the latter
  // numbers the payment.
  const platform = pick(pairs, [PLATFORM_NUMBER], (v) => readId(v, 8));
  const tradeNo =
    pick(pairs, ORDER_LABELS.tradeNo, (v) => readId(v, 8)) ??
    (platform && orderId && platform.value !== orderId.value ? platform : undefined);
  return {
    orderId,
    tradeNo,
    amount: pick(pairs, ORDER_LABELS.amount, readAmount),
    placedAt: pick(pairs, ORDER_LABELS.placedAt, readDate(capturedAt, zone)),
    product: pastThumbnail(pick(pairs, ORDER_LABELS.product, readProduct)),
    quantity: pick(pairs, ORDER_LABELS.quantity, readQuantity),
    status: pick(pairs, ORDER_LABELS.status, readWord(16)),
    paymentMethod: pick(pairs, ORDER_LABELS.paymentMethod, readMethod),
  };
}

/** Writes the picked values into `facts`, and where each came from into `sources`. */
export function assign<T extends object>(
  facts: T,
  picks: Partial<Record<keyof T, Picked<unknown> | undefined>>,
  sources: SourceMap,
  prefix: string,
): T {
  for (const [key, picked] of Object.entries(picks) as Array<[string, Picked<unknown>]>) {
    if (!picked) continue;
    (facts as Record<string, unknown>)[key] = picked.value;
    sources[`${prefix}.${key}`] = sourceOf(picked.from.el, picked.from.value);
  }
  return facts;
}

/**
 * The order shown on an order page (tables, definition lists, key-value cards, inline
 * "label：value" text): absent unless an order number, a payment number, or a paid amount
 * together with another order field is there, so help and listing pages give none.
 */
export function extractOrder(
  doc: Document,
  pairs: readonly LabelledValue[],
  ctx: { capturedAt: string; zone?: number },
  skip: (el: Element) => boolean,
  sources: SourceMap,
): OrderFacts | undefined {
  const picks = orderPicks(pairs, ctx.capturedAt, ctx.zone);
  const cards: Card[] = findCards(doc, pairs, skip);
  const corroborated = [picks.product, picks.placedAt, picks.status, cards[0]].some(Boolean);
  if (!picks.orderId && !picks.tradeNo && !(picks.amount && corroborated)) {
    // No order fields, but perhaps the deal's card (a trade chat's goods card).
    const deal = doc.body ? dealCard(doc.body, skip) : undefined;
    if (!deal) return undefined;
    const order: OrderFacts = {};
    fillUnlabelled(picks, deal, ['amount', 'product', 'status']);
    return assign<OrderFacts>(order, picks, sources, 'order');
  }
  if (picks.tradeNo && picks.orderId?.value === picks.tradeNo.value) delete picks.orderId;
  // A product card without labels (van-card__title, goods-name), and the "x1" beside it.
  // The page's unlabelled fields, read once, when first needed.
  let pageFields: ReturnType<typeof unlabelledFields> | undefined;
  const onPage = () => (pageFields ??= doc.body ? unlabelledFields(doc.body, ctx) : {});
  if (!picks.product && doc.body) {
    const product = onPage().product;
    // Not a popup's caption ("京东E卡 100元 · 共1张" over the card keys).
    if (
      product &&
      !skip(product.el) &&
      !product.el.closest('[role="dialog"], [aria-modal="true"]')
    ) {
      fillUnlabelled(picks, { product }, ['product']);
      let box: Element = product.el;
      for (let up = 0; up < 4 && box.parentElement && box.parentElement !== doc.body; up++)
        box = box.parentElement;
      fillUnlabelled(picks, unlabelledFields(box, ctx), ['quantity']);
    }
  }
  // A goods row drawn without names: the words in the box of its "x1".
  if (!picks.product && doc.body) {
    const row = productBesideCount(doc.body, skip);
    if (row) fillUnlabelled(picks, row, ['product', 'quantity']);
  }
  // An order card (in a chat, a 查询结果): the words heading the small box that shows the
  // order number are its product.
  if (!picks.product && picks.orderId && !skipBox(picks.orderId.from.el, skip)) {
    const box = picks.orderId.from.el.parentElement;
    const product = box && box.tagName !== 'BODY' ? cardTitle(box) : undefined;
    if (product) fillUnlabelled(picks, { product }, ['product']);
  }
  // A panel headed by the goods' name over the order's fields ("<h3>原神 6480创世结晶</h3>"
  // then 订单号 / 游戏UID / 下单时间…): that heading is the product.
  if (!picks.product && picks.orderId && !skipBox(picks.orderId.from.el, skip)) {
    const heading = headingOver(picks.orderId.from.el);
    if (heading && !skip(heading.el)) fillUnlabelled(picks, { product: heading }, ['product']);
  }
  // The count beside a labelled product ("¥128.00<br>x1" in its box).
  if (picks.product && !picks.quantity && !skip(picks.product.from.el)) {
    let box: Element = picks.product.from.el;
    for (let up = 0; up < 3 && box.parentElement && box.parentElement !== doc.body; up++)
      box = box.parentElement;
    fillUnlabelled(picks, unlabelledFields(box, ctx), ['quantity']);
  }
  // "实付款 <span>¥196.00</span>": a paid total written without a colon.
  if (!picks.amount && doc.body) {
    const paid = onPage().amount;
    if (paid && !skip(paid.el)) fillUnlabelled(picks, { amount: paid }, ['amount']);
  }
  if (!picks.status) {
    const badge = statusBadge(doc);
    if (badge && !skip(badge.el)) fillUnlabelled(picks, { status: badge }, ['status']);
  }
  if (!picks.status && picks.orderId) {
    const headline = statusAhead(doc, picks.orderId.from.el) ?? statusBeside(picks.orderId.from.el);
    if (headline && !skip(headline.el)) fillUnlabelled(picks, { status: headline }, ['status']);
  }
  // A product cell that also holds pictures' captions and numbers: its title element.
  if (picks.product && picks.product.value.length > 30) {
    const titled = picks.product.from.el.querySelector(
      'h1, h2, h3, h4, h5, [class*="title" i], [class*="name" i]',
    );
    const title = titled ? readProduct(lineText(titled)) : undefined;
    if (titled && title) {
      picks.product = { value: title, from: { ...picks.product.from, el: titled, value: title } };
    } else {
      // Otherwise its first line, past a picture's placeholder caption ("账号截图"): the
      // lines under a name are its attributes (平台 Steam · 区域 中国大陆, 商品编号：…).
      const el = picks.product.from.el;
      const first = visibleText(el)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !PICTURE_CAPTION.test(l));
      const title = first.length >= 2 ? readProduct(first[0] ?? '') : undefined;
      const line = title && leafWithText(el, first[0] ?? '');
      if (title && line) {
        picks.product = { value: title, from: { ...picks.product.from, el: line, value: title } };
      }
    }
  }
  const order = assign<OrderFacts>({}, picks, sources, 'order');
  if (cards.length) {
    order.cardKeys = cards.map(cardKey);
    if (cards.some((c) => c.number)) {
      order.cards = cards.map(({ number, secret }) => (number ? { number, secret } : { secret }));
    }
    cards.forEach((c, i) => {
      sources[`order.cardKeys.${i}`] = sourceOf(c.el);
    });
  }
  return order;
}

const PICTURE_CAPTION = /^.{0,6}(截图|图片|封面|缩略图|主图|示意图)$/;

/** The innermost element under `root` whose text is `text`. */
function leafWithText(root: Element, text: string): Element | undefined {
  let found: Element | undefined;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (lineText(el) === text) found = el;
  }
  return found;
}

const skipBox = (el: Element, skip: (el: Element) => boolean) => skip(el) || el.closest('table');

/** The first line of a small card, when it reads as a product name (see extractOrder). */
function cardTitle(box: Element): { value: string; el: Element } | undefined {
  const lines = visibleText(box)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2 || lines.length > 6) return undefined;
  // A card headed by its state ("我已付款，等待你发货") names the goods on the line below.
  if (lines.length >= 3 && /[，,]|等待|已付款|已发货|待发货/.test(lines[0] ?? '')) {
    const head = Array.from(box.children).find((c) => lineText(c).trim() === lines[0]);
    const name =
      head &&
      Array.from(box.querySelectorAll('*')).find((el) => {
        const text = lineText(el).trim();
        return (
          el.children.length === 0 &&
          !head.contains(el) &&
          /\p{Script=Han}{2,}/u.test(text) &&
          !/[:：¥￥]|订单|实付|编号/.test(text)
        );
      });
    const value = name ? readProduct(lineText(name).trim()) : undefined;
    if (name && value) return { value, el: name };
  }
  const product = bareCells(box).product;
  if (!product || lineText(product.el) !== lines[0]) return undefined;
  return /信息|详情|订单|明细|记录|结果/.test(product.value) ? undefined : product;
}

/** The heading (h2–h4) of the panel that holds an order's number, ahead of it. */
function headingOver(idEl: Element): { value: string; el: Element } | undefined {
  let box = idEl.parentElement;
  for (let up = 0; box && box.tagName !== 'BODY' && up < 3; up++, box = box.parentElement) {
    const heading = Array.from(box.querySelectorAll('h2, h3, h4')).find(
      (h) => idEl.compareDocumentPosition(h) & 2,
    );
    if (!heading) continue;
    const text = lineText(heading).trim();
    const value = readProduct(text);
    if (!value || /信息|详情|订单|明细|记录|结果|状态|进度|[:：]/.test(value)) return undefined;
    return { value, el: heading };
  }
  return undefined;
}

const WALLET =
  /^(支付宝|微信支付|微信|QQ钱包|USDT|云闪付|银联|余额|余额支付|花呗|京东支付|PayPal|数字人民币)$/i;

/** A payment method; "支付宝　自动发货" keeps its wallet, not the note beside it. */
function readMethod(value: string): string | undefined {
  const word = readWord(24)(value);
  const first = word?.split(/[\s\u3000]+/)[0];
  return first && word !== first && WALLET.test(first) ? first : word;
}
