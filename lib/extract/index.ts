import { chatSources, findChat } from './chat';
import { pageZone } from './dates';
import type { PageFacts } from './facts';
import { findLabelledValues } from './labels';
import { extractOrder, type OrderFacts } from './order';
import { extractOrders } from './order-list';
import { extractPayment, isPaymentPage, providerOfPage } from './payment';
import { findPromises, promiseCategory, promiseFacts } from './promises';
import { extractSite } from './site';
import type { SourceMap } from './sources';
import { kindFromFacts } from './suggest-kind';
import { forgetVisibility, lineText, norm, textLines } from './text';

export { isValidCreditCode } from './credit-code';
export { parseAmount } from './amounts';
export { parseDateTime } from './dates';
export { PageFacts, PageKind, PromiseCategory } from './facts';
export { suggestKind } from './suggest-kind';

export interface ExtractContext {
  url: string;
  capturedAt: string;
}

/**
 * ★ Contract 1 entry point: the facts read off a page (issue #4). Runs in the capture
 * content script on the live DOM, where layout decides chat sides, and in Node tests
 * on happy-dom, where class and markup cues do. Pure: it only reads `doc`.
 */
export function extractPage(doc: Document, ctx: ExtractContext): PageFacts {
  forgetVisibility();
  const sources: SourceMap = {};
  // Relative and bare times resolve in the zone the page states (北京时间, UTC, 日本时间...).
  const zone = pageZone(
    `${doc.title}\n${lineText(doc.body ?? doc.documentElement)}`,
    ctx.capturedAt,
  );
  const when = { capturedAt: ctx.capturedAt, zone };
  const chat = findChat(doc, ctx.capturedAt, zone);
  const inChat = (el: Element) => chat?.items.some((item) => item.contains(el)) ?? false;
  const pairs = findLabelledValues(doc, inChat);
  const lines = textLines(doc, inChat);

  const payment = isPaymentPage(pairs, doc.title)
    ? extractPayment(doc, pairs, { ...when, url: ctx.url }, sources)
    : undefined;
  const orders = payment ? undefined : extractOrders(doc, pairs, when, inChat, sources);
  const order = orders
    ? listOrder(orders, ctx.url, sources)
    : (payment?.order ?? extractOrder(doc, pairs, when, inChat, sources));
  // "发货方式：自动发货" states a fact about this order, not a promise; a promise strip
  // read as label and value ("假一赔十" beside "秒发") is still a promise.
  // A heading over a paragraph reads as label and value too; prose is not a field value.
  const valueEls = new Set(
    pairs
      .filter(
        (p) =>
          !p.inline &&
          !promiseCategory(p.label) &&
          !PROMISE_COLUMN.test(`${p.label} ${columnHeader(p.el)}`) &&
          // A field (发货方式) states a fact; a sentence, or the text under a heading, may
          // promise.
          (/(方式|类型|状态|时间|金额|单号|编号|数量|账号)$/.test(p.label) ||
            (p.value.length <= 40 &&
              !/[，。,；;]/.test(p.value) &&
              !/^H[1-6]$/.test(p.el.previousElementSibling?.tagName ?? ''))),
      )
      .map((p) => p.el),
  );
  // The shop's own name ("橘子自动发卡", in the title and its logo) may read like a promise.
  const titleParts = doc.title.split(/\s*[-_|–—·:：]\s*/).map((p) => norm(p));
  const brandTexts = new Set(
    Array.from(
      doc.querySelectorAll('[class*="logo" i], [class*="brand" i], [class*="name" i]'),
    ).map((e) => norm(lineText(e))),
  );
  const found = findPromises(
    lines,
    (el) => valueEls.has(el),
    (text) => titleParts.includes(norm(text)) && brandTexts.has(norm(text)),
  );
  const promises = promiseFacts(found, sources);
  const site = extractSite(doc, pairs, lines, sources);
  // A provider's own bill page is the provider's site, whether or not it prints its name
  // and whatever shop the bill names; an aggregator's page keeps its own name.
  const ownPage = payment ? providerOfPage(doc, ctx.url) : undefined;
  const provider = ownPage ?? payment?.payment.provider;
  if (provider && (!site.name || ownPage)) {
    site.name = provider;
    delete sources['site.name'];
  }
  if (chat) chatSources(chat, sources);

  const headings = Array.from(doc.querySelectorAll('h1, h2, h3'))
    .map((h) => lineText(h))
    .join(' ');
  const hasPayment = Boolean(payment && (payment.payment.tradeNo || payment.payment.amount));
  const kind = kindFromFacts({
    title: doc.title,
    headings,
    pairs,
    chat: Boolean(chat),
    payment: hasPayment,
    order: Boolean(order && Object.keys(order).length),
    mainPromises: found.filter((p) => !p.inFooter).reduce((n, p) => n + p.clauses, 0),
  });

  return {
    kind,
    ...(order && Object.keys(order).length ? { order } : {}),
    ...(orders ? { orders } : {}),
    ...(payment && hasPayment ? { payment: payment.payment } : {}),
    promises,
    ...(chat ? { chat: { messages: chat.messages } } : {}),
    site,
    sources,
  };
}

/** Labels of a column or field whose values are what the platform will do. */
const PROMISE_COLUMN = /处理|解决|承诺|保障|服务|赔付|补偿/;

/** The text of the header cell above a table cell, or ''. */
function columnHeader(el: Element): string {
  const cell = el.closest('td, th');
  const row = cell?.parentElement;
  const table = cell?.closest('table');
  if (!cell || !row || !table) return '';
  const header = table.querySelector('tr');
  if (!header || header === row) return '';
  const at = Array.from(row.children).indexOf(cell);
  const above = header.children[at];
  return above ? lineText(above) : '';
}

/**
 * The order of a list that `order` stands for: the one whose number the URL names
 * (a query result, a highlighted row), else the first. Its sources are copied.
 */
function listOrder(orders: readonly OrderFacts[], url: string, sources: SourceMap): OrderFacts {
  const named = orders.findIndex((o) => o.orderId && url.includes(o.orderId));
  const at = named < 0 ? 0 : named;
  for (const [key, source] of Object.entries(sources)) {
    const prefix = `orders.${at}.`;
    if (key.startsWith(prefix)) sources[`order.${key.slice(prefix.length)}`] = source;
  }
  return orders[at] as OrderFacts;
}
