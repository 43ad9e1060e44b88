/** Which payment channel a payment method string (from the order page) points to. */
import type { ChannelId } from './channels';
import type { DraftInput } from './input';

export type PaymentChannelId = Extract<ChannelId, 'wechat-pay' | 'alipay' | 'bank'>;

/** The payment channel for one payment method, or undefined when it cannot be told. */
export function paymentChannelOf(method: string | undefined): PaymentChannelId | undefined {
  if (!method) return undefined;
  if (/微信|wechat|wxpay/i.test(method)) return 'wechat-pay';
  if (/支付宝|alipay/i.test(method)) return 'alipay';
  if (/银行|银联|信用卡|借记卡|储蓄卡|网银|unionpay|bank|card/i.test(method)) return 'bank';
  return undefined;
}

/** The payment channels the case's orders were paid through, in first-seen order. */
export function paymentChannels(input: DraftInput): PaymentChannelId[] {
  const seen: PaymentChannelId[] = [];
  for (const order of input.orders) {
    const ch = paymentChannelOf(order.paymentMethod);
    if (ch && !seen.includes(ch)) seen.push(ch);
  }
  return seen;
}
