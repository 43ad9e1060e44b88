/**
 * Sentences shared by the channel drafts: the parties, the orders, the promises, the chat,
 * the earlier complaints and the claims, each tied to evidence numbers.
 */
import { formatCnDate, formatCnDateTime } from './calendar-date';
import { CHANNELS } from './channels';
import type { ClaimSet } from './claims';
import type { DraftField } from './draft-types';
import type { DisputeType, DraftInput, OrderInput } from './input';
import { formatYuan } from './money';
import { maskMiddle, maskTail } from './redact';

/** A form field; missing when `value` is empty. */
export function field(
  key: string,
  label: string,
  value: string | undefined,
  hint?: string,
): DraftField {
  const v = value?.trim() ? value.trim() : undefined;
  return { key, label, value: v, missing: v === undefined, hint };
}

/** Placeholder printed in the text where a value is still unknown. */
export function blank(label: string): string {
  return `【待填写：${label}】`;
}

export function orBlank(value: string | undefined, label: string): string {
  return value?.trim() ? value.trim() : blank(label);
}

const DISPUTE_TEXT: Record<DisputeType, string> = {
  'not-delivered': '付款后未收到商品（卡密或充值未发放）',
  'invalid-card-key': '收到的卡密无效或已被他人使用',
  'short-recharge': '充值未足额到账',
  'account-reclaimed': '购买的账号被原主找回',
  'refund-refused': '申请退款被拒绝',
  'site-vanished': '付款后网站无法访问、商家失联',
  other: '交易出现纠纷',
};

/** The problem in one phrase. */
export function disputeText(type: DisputeType): string {
  return DISPUTE_TEXT[type];
}

/** The respondent: company name, else the site name. */
export function respondentName(input: DraftInput): string | undefined {
  return input.platform.company ?? input.platform.name;
}

/** The site as "name（URL）". */
export function siteLabel(input: DraftInput): string {
  const { name, url } = input.platform;
  if (name && url) return `${name}（${url}）`;
  return name ?? url ?? blank('网站名称和网址');
}

export interface OrderTextOptions {
  /** Mask card keys and payment numbers (public channels). */
  redact?: boolean;
  /** How the user is named: `我` in letters, `原告` in the 起诉状. */
  self?: string;
}

/** One order in a sentence, citing its evidence items. */
export function orderSentence(order: OrderInput, options: OrderTextOptions = {}): string {
  const parts: string[] = [];
  parts.push(`订单号${orBlank(order.orderId, '订单号')}`);
  if (order.placedAt) parts.push(`下单时间${formatCnDateTime(order.placedAt)}`);
  if (order.product) parts.push(`商品“${order.product}”`);
  if (order.quantity !== undefined) parts.push(`数量${order.quantity}`);
  if (order.rechargeAccount) {
    parts.push(
      `充值账号${options.redact ? maskMiddle(order.rechargeAccount) : order.rechargeAccount}`,
    );
  }
  parts.push(`实付${order.amount === undefined ? blank('实付金额') : formatYuan(order.amount)}`);
  if (order.paymentMethod) parts.push(`支付方式${order.paymentMethod}`);
  if (order.tradeNo)
    parts.push(`支付交易号${options.redact ? maskTail(order.tradeNo) : order.tradeNo}`);
  if (order.merchantOrderNo && !options.redact) parts.push(`商户单号${order.merchantOrderNo}`);
  if (order.cardKeys.length > 0) {
    const keys = order.cardKeys.map((k) => (options.redact ? maskMiddle(k, 4) : k));
    parts.push(`收到的卡密${keys.join('、')}`);
  }
  const cite = order.evidence.length > 0 ? `（${evidenceCite(order.evidence)}）` : '';
  return `${parts.join('，')}${cite}`;
}

/** All orders, one per line; a placeholder when there are none. */
export function ordersText(input: DraftInput, options: OrderTextOptions = {}): string {
  if (input.orders.length === 0) return blank('订单信息（订单号、时间、商品、金额）');
  return input.orders.map((o, i) => `${i + 1}. ${orderSentence(o, options)}。`).join('\n');
}

/** `证据1、证据2`. */
export function evidenceCite(numbers: readonly number[]): string {
  return [...new Set(numbers)].map((n) => `证据${n}`).join('、');
}

/** The promises the platform made, quoted with the capture that shows them. */
export function promisesText(input: DraftInput): string | undefined {
  if (input.promises.length === 0) return undefined;
  return input.promises
    .map(
      (p) => `平台页面承诺“${p.text}”（证据${p.evidence.number}，SHA-256：${p.evidence.sha256}）。`,
    )
    .join('\n');
}

const SPEAKER = { customer: '我', merchant: '对方客服', system: '系统' } as const;

/** Chat excerpts with their times. */
export function chatText(input: DraftInput, self = '我'): string | undefined {
  if (input.chat.length === 0) return undefined;
  return input.chat
    .map((m) => {
      const when = m.at ? `${formatCnDateTime(m.at)} ` : '';
      const who =
        m.from === 'customer'
          ? self
          : m.from === 'merchant' && m.name
            ? `${SPEAKER.merchant}（${m.name}）`
            : SPEAKER[m.from];
      const cite = m.evidenceNumber ? `（证据${m.evidenceNumber}）` : '';
      return `${when}${who}：“${m.text}”${cite}`;
    })
    .join('\n');
}

/**
 * The complaints already made, stating those left unanswered in the words the escalation
 * issue asks for: "于…向…投诉（编号…），至今未获处理".
 */
export function earlierComplaintsText(input: DraftInput): string | undefined {
  if (input.complaints.length === 0) return undefined;
  return [...input.complaints]
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt))
    .map((c) => {
      const ticket = c.ticketNo ? `（编号${c.ticketNo}）` : '（未取得编号）';
      const head = `于${formatCnDate(c.sentAt)}向${CHANNELS[c.channel].name}投诉${ticket}`;
      if (!c.answered) return `${head}，至今未获处理。`;
      return `${head}，对方答复：${c.answerSummary ?? '（答复内容见附件）'}，问题仍未解决。`;
    })
    .join('\n');
}

/** The claims as a numbered list of demands with their amounts. */
export function claimsText(claims: ClaimSet): string {
  const lines = claims.claims
    .filter((c) => c.included)
    .map(
      (c, i) =>
        `${i + 1}. ${c.title}：${c.amount === undefined ? blank('金额') : formatYuan(c.amount)}。${c.explanation}`,
    );
  if (claims.total !== undefined && lines.length > 1)
    lines.push(`以上合计${formatYuan(claims.total)}。`);
  const alternatives = claims.claims.filter((c) => !c.included);
  for (const c of alternatives) {
    lines.push(
      `（备选）${c.title}：${c.amount === undefined ? blank('金额') : formatYuan(c.amount)}。${c.explanation}`,
    );
  }
  lines.push(...claims.notes);
  return lines.join('\n');
}

/** The demand in one line, for short form fields. */
export function demandLine(claims: ClaimSet): string {
  return claims.claims
    .filter((c) => c.included)
    .map((c) => `${c.title}${c.amount === undefined ? '' : formatYuan(c.amount)}`)
    .join('；');
}

/** The narrative of what happened, common to every draft. */
export function factsText(input: DraftInput, options: OrderTextOptions = {}): string {
  const lines = [
    `${options.self ?? '我'}在${siteLabel(input)}购买虚拟商品，${disputeText(input.case.disputeType)}。订单情况如下：`,
    ordersText(input, options),
  ];
  if (input.case.description) lines.push(`经过：${input.case.description}`);
  const promises = promisesText(input);
  if (promises) lines.push(promises);
  const chat = chatText(input, options.self);
  if (chat) lines.push(`与对方的沟通记录摘录：\n${chat}`);
  if (input.case.negotiation) lines.push(`协商情况：${input.case.negotiation}`);
  const earlier = earlierComplaintsText(input);
  if (earlier) lines.push(`此前投诉情况：\n${earlier}`);
  return lines.join('\n');
}
