import { isAmountOnly } from './amounts';
import { hasLabel, pick, readAmount, readDate, readId, readProduct, readWord } from './fields';
import type { LabelledValue } from './labels';
import { assign, type OrderFacts } from './order';
import { type SourceMap, sourceOf } from './sources';
import { lineText, visibleElements } from './text';

/** A payment record as a payment provider's bill detail shows it (extends contract 1). */
export interface PaymentFacts {
  provider?: string;
  tradeNo?: string;
  merchantOrderNo?: string;
  merchant?: string;
  amount?: number;
  createdAt?: string;
  paidAt?: string;
  status?: string;
  method?: string;
  product?: string;
}

const MERCHANT_ORDER = /^(商户订单号|商家订单号|商户单号|商户订单编号|商家订单编号)$/;
// On a bill page "订单号" is the provider's own number (Alipay shows 28 digits there).
const TRADE = [
  /^(交易号|交易单号|支付宝交易号|微信支付单号|交易流水号|支付单号|支付流水号|流水号|交易订单号|微信交易单号)$/,
  /^(订单号|订单编号)$/,
  // A payment gateway's own result page (易支付): its number for the payment.
  /^(系统订单号|平台订单号|系统单号|平台单号|支付订单号|平台交易号|系统交易号|平台流水号)$/,
];
const MERCHANT = [
  /^(收款方全称|商户全称|收款方名称|商户名称|商家全称|商家名称|收款商户|收款单位|对方全称)$/,
  /^(收款方|商户|商家|对方|交易对方|对方账户)$/,
];
const AMOUNT = [/^(实付金额|实付|实付款)$/, /^(付款金额|支付金额|交易金额|订单金额|金额)$/];
const CREATED = [/^(创建时间|交易创建时间|下单时间|创建交易|交易创建|订单创建)$/];
const PAID = [/^(支付时间|付款时间|交易时间|完成时间)$/, /^(付款成功|支付成功)$/];
const STATUS = [/^(交易状态|当前状态|支付状态|状态)$/];
const METHOD = [/^(付款方式|支付方式)$/];
const ICON_TAGS = new Set(['SVG', 'IMG', 'I']);
const HEADLINE_STATUS =
  /^(交易成功|支付成功|付款成功|交易关闭|交易已关闭|退款成功|已退款|等待付款|交易失败|已支付|已完成|已全额退款|部分退款|等待确认收货|等待卖家发货|等待发货|已发货)$/;
const PRODUCT = [/^(商品说明|商品|商品名称|商品信息|交易说明|商品描述)$/, /^名称$/];

const WALLET = /花呗|余额宝|零钱|余额|支付宝|微信|银行|信用卡|储蓄卡|QQ钱包|USDT|云闪付|京东/;

/** A payment method without the note after it ("花呗 本笔已计入12月账单" -> "花呗"). */
function readMethod(value: string): string | undefined {
  const word = readWord(24)(value);
  const first = word?.split(/\s+/)[0];
  return first && first !== word && WALLET.test(first) ? first : word;
}

const PROVIDERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['支付宝', /支付宝|alipay/i],
  // Before 微信支付: QQ钱包 bills are also served by tenpay.
  ['QQ钱包', /QQ钱包/i],
  ['微信支付', /微信支付|财付通|wechat\s*pay|tenpay/i],
  ['云闪付', /云闪付|银联|unionpay/i],
  ['抖音支付', /抖音支付|douyin\s*pay/i],
  ['京东支付', /京东支付|jd\s*pay/i],
];

/** The providers' own web hosts, for a bill page that never prints the provider's name. */
const PROVIDER_HOSTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['支付宝', /(^|\.)alipay\.com$/],
  ['QQ钱包', /(^|\.)(mqq\.tenpay\.com|qpay\.qq\.com)$/],
  ['微信支付', /(^|\.)(tenpay\.com|weixin\.qq\.com|wechatpay\.cn)$/],
  ['抖音支付', /(^|\.)douyinpay\.com$/],
  ['京东支付', /(^|\.)jdpay\.com$/],
  ['云闪付', /(^|\.)(95516\.com|unionpay\.com)$/],
];

/** The provider whose own page this is: named in the title, or by its host. */
export function providerOfPage(doc: Document, url: string): string | undefined {
  return (
    PROVIDERS.find(([, cue]) => cue.test(doc.title))?.[0] ??
    PROVIDER_HOSTS.find(([, host]) => host.test(hostOf(url)))?.[0]
  );
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

/**
 * Whether a page is a payment provider's bill detail rather than a shop's order: it
 * names a merchant order number, or a payee beside a transaction number.
 */
const SHOP_ONLY =
  /^(卡密|卡密信息|卡号|兑换码|激活码|CDK|购买数量|数量|订单状态|发货状态|充值账号|发货方式)$/i;

export function isPaymentPage(pairs: readonly LabelledValue[], title: string): boolean {
  // A shop's own receipt (支付成功 with 商户单号 and 交易单号) shows what was bought:
  // delivered cards, a quantity, the order's status. A payment provider's bill does not.
  if (hasLabel(pairs, SHOP_ONLY)) return false;
  if (hasLabel(pairs, MERCHANT_ORDER)) return true;
  const trade = hasLabel(pairs, TRADE[0] as RegExp);
  if (trade && MERCHANT.some((m) => hasLabel(pairs, m))) return true;
  return trade && /账单详情|交易详情|支付详情|账单|付款详情/.test(title);
}

/** A bill page's headline amount ("-98.50"), when no label names the amount. */
function headlineAmount(doc: Document): { value: number; el: Element } | undefined {
  for (const el of visibleElements(doc)) {
    // "<span>-</span><span>158</span><span>.00</span>": a figure split into inline parts.
    const inline = Array.from(el.children).every((c) => c.tagName === 'SPAN' && !c.children.length);
    if (el.children.length > 2 && !(inline && el.children.length <= 5)) continue;
    const text = lineText(el);
    if (text && text.length <= 20 && isAmountOnly(text)) {
      const value = readAmount(text);
      if (value !== undefined) return { value, el };
    }
  }
  return undefined;
}

/**
 * The payment record on a bill page (Alipay, WeChat Pay and look-alikes), and the same
 * facts in contract 1's order shape: 商户订单号 as the order id, the provider's number
 * as `tradeNo`.
 */
export function extractPayment(
  doc: Document,
  pairs: readonly LabelledValue[],
  ctx: { capturedAt: string; zone?: number; url?: string },
  sources: SourceMap,
): { payment: PaymentFacts; order: OrderFacts } {
  const date = readDate(ctx.capturedAt, ctx.zone);
  const picks = {
    tradeNo: pick(pairs, TRADE, (v) => readId(v, 8)),
    merchantOrderNo: pick(pairs, [MERCHANT_ORDER], (v) => readId(v)),
    merchant: pick(pairs, MERCHANT, readWord(60)),
    amount: pick(pairs, AMOUNT, readAmount),
    createdAt: pick(pairs, CREATED, date),
    paidAt: pick(pairs, PAID, date),
    status: pick(pairs, STATUS, readWord(16)),
    method: pick(pairs, METHOD, readMethod),
    product: pick(pairs, PRODUCT, readProduct),
  };
  // The bill's headline figure is what left the account: it wins over an order total
  // when a discount (优惠, 立减) came between them and no label says 实付.
  const headline = headlineAmount(doc);
  if (
    headline &&
    picks.amount &&
    !AMOUNT[0]?.test(picks.amount.from.label) &&
    headline.value < picks.amount.value
  ) {
    picks.amount = undefined;
  }
  const payment = assign<PaymentFacts>({}, picks, sources, 'payment');
  if (payment.amount === undefined) {
    if (headline) {
      payment.amount = headline.value;
      sources['payment.amount'] = sourceOf(headline.el);
    }
  }
  if (payment.status === undefined) {
    const el = visibleElements(doc).find(
      // A status word perhaps after its icon (<svg>, <img>, <i class="icon-ok">).
      (e) =>
        Array.from(e.children).every((c) => ICON_TAGS.has(c.tagName.toUpperCase())) &&
        HEADLINE_STATUS.test(lineText(e)),
    );
    if (el) {
      payment.status = lineText(el);
      sources['payment.status'] = sourceOf(el);
    }
  }
  const text = `${doc.title}\n${lineText(doc.body ?? doc.documentElement)}`.slice(0, 5000);
  const provider =
    PROVIDERS.find(([, cue]) => cue.test(text))?.[0] ??
    PROVIDER_HOSTS.find(([, host]) => host.test(hostOf(ctx.url)))?.[0];
  if (provider) payment.provider = provider;

  const order: OrderFacts = {};
  const copy = <K extends keyof OrderFacts>(key: K, value: OrderFacts[K], from: string) => {
    if (value === undefined) return;
    order[key] = value;
    const source = sources[`payment.${from}`];
    if (source) sources[`order.${key}`] = source;
  };
  copy('orderId', payment.merchantOrderNo, 'merchantOrderNo');
  copy('tradeNo', payment.tradeNo, 'tradeNo');
  copy('amount', payment.amount, 'amount');
  copy('placedAt', payment.createdAt ?? payment.paidAt, payment.createdAt ? 'createdAt' : 'paidAt');
  copy('product', payment.product, 'product');
  copy('status', payment.status, 'status');
  copy('paymentMethod', payment.method, 'method');
  return { payment, order };
}
