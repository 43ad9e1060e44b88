import type { PageKind } from './facts';

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
 * A first guess at what a page is, from its title and visible text, used to preselect
 * the kind at capture time. The extraction issue replaces this with a layout-aware
 * classifier; the user can always change the kind.
 */
export function suggestKind(title: string, text: string): PageKind {
  const haystack = `${title}\n${text.slice(0, 20_000)}`;
  for (const [kind, cue] of CUES) if (cue.test(haystack)) return kind;
  return 'other';
}
