/**
 * The money a draft asks for, each amount with how it was computed. Nothing is claimed
 * that the case does not support: the refund always; compensation the platform itself
 * promised when the promise was captured and fits the dispute; the statutory triple only
 * when the user says they were deceived.
 */
import type { DisputeType, DraftInput, PromiseInput } from './input';
import type { LegalRefId } from './legal-refs';
import { formatYuan, sumYuan, timesYuan } from './money';
import { promisedMultiple } from './promise-multiplier';

export type ClaimKind = 'refund' | 'promised-compensation' | 'fraud-compensation';

export interface Claim {
  kind: ClaimKind;
  title: string;
  /** Yuan; absent when the amount is not known yet. */
  amount?: number;
  /** Counted in the total demanded; false for an alternative the draft does not pursue. */
  included: boolean;
  /** How the amount was reached, in words the user can check. */
  explanation: string;
  legalRefs: LegalRefId[];
  /** Evidence item numbers the claim rests on. */
  evidence: number[];
}

export interface ClaimSet {
  claims: Claim[];
  /** Sum of the included amounts; absent when any included amount is unknown. */
  total?: number;
  /** Price of the goods in dispute, the base of any multiple. */
  price?: number;
  notes: string[];
}

/** Disputes where the goods turned out to be "假" in the sense of a 假一赔N promise. */
const FAKE_GOODS: ReadonlySet<DisputeType> = new Set(['invalid-card-key']);

/** The minimum of the statutory compensation for fraud (消费者权益保护法 第55条, doc "Substantive law"). */
export const FRAUD_MINIMUM_YUAN = 500;
/** The statutory multiple for fraud (消费者权益保护法 第55条). */
export const FRAUD_MULTIPLE = 3;

function priceOf(input: DraftInput): number | undefined {
  const amounts = input.orders.flatMap((o) => (o.amount === undefined ? [] : [o.amount]));
  if (amounts.length > 0) return sumYuan(amounts);
  return input.case.amountInDispute;
}

function orderEvidence(input: DraftInput): number[] {
  return [...new Set(input.orders.flatMap((o) => o.evidence))].sort((a, b) => a - b);
}

function refundClaim(input: DraftInput, price: number | undefined): Claim {
  const amount = input.case.amountInDispute ?? price;
  // A sentence quoted whole may promise the refund after another commitment ("付款后3分钟内
  // 自动发货，超时未发货全额退款" is filed under delivery): it is cited here too.
  const refundPromises = input.promises.filter(
    (p) =>
      p.category === 'refund' ||
      /(全额|原路|申请|包)退款|退款(?!.{0,4}(不|无))|(款项|货款).{0,8}(退回|返还)/.test(p.text),
  );
  const promised = refundPromises.map((p) => `平台承诺“${p.text}”（证据${p.evidence.number}）`);
  const basis =
    input.case.amountInDispute !== undefined &&
    price !== undefined &&
    input.case.amountInDispute !== price
      ? `实付${formatYuan(price)}中争议部分为${formatYuan(input.case.amountInDispute)}`
      : amount === undefined
        ? '争议金额尚未填写'
        : `订单实付金额合计${formatYuan(amount)}`;
  return {
    kind: 'refund',
    title: '退还货款',
    amount,
    included: true,
    explanation: `对方收款后未按约提供有效的商品或服务，要求退还已付款项：${basis}。${
      promised.length ? `${promised.join('；')}。` : ''
    }`,
    legalRefs: [],
    evidence: [...orderEvidence(input), ...refundPromises.map((p) => p.evidence.number)],
  };
}

function promisedClaim(price: number | undefined, promise: PromiseInput, multiple: number): Claim {
  return {
    kind: 'promised-compensation',
    title: `按平台承诺“${promise.text}”赔偿`,
    amount: price === undefined ? undefined : timesYuan(price, multiple),
    included: true,
    explanation:
      price === undefined
        ? `平台承诺“${promise.text}”（证据${promise.evidence.number}），赔偿为价款的${multiple}倍；价款尚未填写。`
        : `平台承诺“${promise.text}”（证据${promise.evidence.number}），该承诺构成合同内容；按价款${formatYuan(price)}的${multiple}倍计算为${formatYuan(timesYuan(price, multiple))}。承诺的具体规则以平台页面为准。`,
    legalRefs: [],
    evidence: [promise.evidence.number],
  };
}

function fraudClaim(input: DraftInput, price: number | undefined): Claim {
  const tripled = price === undefined ? undefined : timesYuan(price, FRAUD_MULTIPLE);
  const amount = tripled === undefined ? undefined : Math.max(tripled, FRAUD_MINIMUM_YUAN);
  const how =
    price === undefined || tripled === undefined || amount === undefined
      ? '价款尚未填写，无法计算'
      : amount > tripled
        ? `价款${formatYuan(price)}的三倍为${formatYuan(tripled)}，不足${FRAUD_MINIMUM_YUAN}元，按${FRAUD_MINIMUM_YUAN}元计算`
        : `价款${formatYuan(price)}的三倍为${formatYuan(amount)}`;
  return {
    kind: 'fraud-compensation',
    title: '欺诈三倍赔偿',
    amount,
    included: true,
    // 消费者权益保护法 第55条 (doc "Substantive law"): fraud → 3x price, minimum 500 yuan.
    explanation: `消费者认为经营者存在欺诈行为${input.case.deceitDetails ? `（${input.case.deceitDetails}）` : ''}，依法要求增加赔偿：${how}。该项以能够证明欺诈为前提。`,
    legalRefs: ['cpl-55'],
    evidence: [],
  };
}

/** Computes the refund and any compensation the case supports, with explanations. */
export function computeClaims(input: DraftInput): ClaimSet {
  const price = priceOf(input);
  const notes: string[] = [];
  const claims: Claim[] = [refundClaim(input, price)];
  const compensation: Claim[] = [];

  for (const promise of input.promises) {
    const multiple = promisedMultiple(promise.text);
    if (multiple === undefined) continue;
    if (FAKE_GOODS.has(input.case.disputeType)) {
      compensation.push(promisedClaim(price, promise, multiple));
    } else {
      notes.push(
        `平台承诺“${promise.text}”（证据${promise.evidence.number}）针对的是商品为假的情形，本案争议不属于该情形，未据此主张赔偿。`,
      );
    }
  }
  if (input.case.merchantDeceived) compensation.push(fraudClaim(input, price));

  if (compensation.length > 1) {
    // Whether both can be recovered together is a question for a lawyer; the draft asks
    // for the larger one and lists the other as an alternative.
    const best = compensation.reduce((a, b) => ((b.amount ?? 0) > (a.amount ?? 0) ? b : a));
    for (const c of compensation) c.included = c === best;
    notes.push(
      '平台承诺赔偿与欺诈赔偿依据不同，本草稿只主张其中金额较高的一项，另一项列为备选；能否同时主张请咨询专业人士。',
    );
  }
  claims.push(...compensation);

  const included = claims.filter((c) => c.included);
  const total = included.every((c) => c.amount !== undefined)
    ? sumYuan(included.map((c) => c.amount ?? 0))
    : undefined;
  return { claims, total, price, notes };
}
