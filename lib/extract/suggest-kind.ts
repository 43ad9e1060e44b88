import type { PageKind } from './facts';
import { hasLabel } from './fields';
import type { LabelledValue } from './labels';

// Ordered: the first kind whose cues appear wins. Payment pages also mention orders,
// and order pages also mention promises, so the more specific cues come first.
const CUES: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['chat', /在线客服|客服会话|聊天记录|发送消息/],
  ['payment', /交易详情|账单详情|交易号|付款方式.*交易状态|交易状态/s],
  ['order', /订单号|订单编号|订单详情|订单查询/],
  ['licence', /营业执照|ICP备案|经营许可证|统一社会信用代码.*(法定代表人|注册资本)/s],
  ['promise', /假一赔|自动发货|全额退款|包赔|售后保障|承诺/],
];

/**
 * A guess from words alone (title and visible text), for when nothing could be read
 * off the page; `kindFromFacts` is the better guess and is tried first.
 */
export function suggestKind(title: string, text: string): PageKind {
  const haystack = `${title}\n${text.slice(0, 20_000)}`;
  for (const [kind, cue] of CUES) if (cue.test(haystack)) return kind;
  return 'other';
}

const LICENCE_LABELS = [
  /^(统一社会信用代码|社会信用代码)$/,
  /^(法定代表人|法人代表|负责人|经营者)$/,
  /^(注册资本|注册资金)$/,
  /^(成立日期|成立时间|注册日期)$/,
  /^(经营范围)$/,
  /^(营业期限|登记机关|住所|企业类型|类型|登记状态)$/,
  /^(许可证编号|经营许可证编号|ICP备案号|备案号|主办单位名称|主办单位性质|网站备案号)$/,
];
const LICENCE_TITLE = /营业执照|证照|资质|备案信息|经营许可|工商信息|企业信息|主体信息|ICP备案/;
const ORDER_TITLE = /订单详情|订单信息|订单查询|查询结果|我的订单/;
const PROMISE_TITLE = /承诺|保障|服务条款|售后政策|售后服务|退款规则|退款政策|赔付规则|服务说明/;

/** What the extractors found, as far as the page kind depends on it. */
export interface KindEvidence {
  title: string;
  headings: string;
  pairs: readonly LabelledValue[];
  chat: boolean;
  payment: boolean;
  order: boolean;
  mainPromises: number;
}

/**
 * The best guess at what a page is, from the facts read off it: a chat if messages
 * were read, a bill if a payment record was, then an order, a licence page, a promise
 * page; pages that merely mention these words (menus, footers, help) are "other".
 */
export function kindFromFacts(e: KindEvidence): PageKind {
  // An order page with a 留言 box is still the order's page, as its title says.
  if (e.chat && e.order && ORDER_TITLE.test(e.title)) return 'order';
  if (e.chat) return 'chat';
  if (e.payment) return 'payment';
  if (e.order) return 'order';
  const heads = `${e.title} ${e.headings}`;
  // A page titled for its guarantees ("店铺保障") that shows the shop's 资质 at its foot is
  // still the guarantees' page.
  if (PROMISE_TITLE.test(e.title) && !LICENCE_TITLE.test(e.title) && e.mainPromises >= 2)
    return 'promise';
  const licenceLabels = LICENCE_LABELS.filter((l) => hasLabel(e.pairs, l)).length;
  if (licenceLabels >= 2 || (LICENCE_TITLE.test(heads) && licenceLabels >= 1)) return 'licence';
  if (e.mainPromises >= 2 || (PROMISE_TITLE.test(heads) && e.mainPromises >= 1)) return 'promise';
  if (LICENCE_TITLE.test(e.title)) return 'licence';
  return 'other';
}
