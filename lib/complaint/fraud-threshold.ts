/**
 * The amounts that decide whether a fraud is a criminal case (doc §6): "数额较大" starts at
 * 3,000–10,000 yuan depending on the province (法释〔2011〕7号 第1条), 3,000 for
 * telecom/online fraud; below that it is an administrative matter.
 */
import type { DraftInput } from './input';
import { formatYuan, sumYuan } from './money';

export const ONLINE_FRAUD_THRESHOLD_YUAN = 3000;
export const FRAUD_THRESHOLD_RANGE_YUAN = [3000, 10000] as const;

/** Total paid across the case's orders (or the amount in dispute when no order has one). */
export function totalLoss(input: DraftInput): number | undefined {
  const amounts = input.orders.flatMap((o) => (o.amount === undefined ? [] : [o.amount]));
  if (amounts.length > 0) return sumYuan(amounts);
  return input.case.amountInDispute;
}

/** A sentence placing the loss against the thresholds. */
export function fraudThresholdNote(loss: number | undefined): string {
  const rule = `诈骗“数额较大”的起点为${FRAUD_THRESHOLD_RANGE_YUAN[0]}元至${FRAUD_THRESHOLD_RANGE_YUAN[1]}元，由各省确定，电信网络诈骗为${ONLINE_FRAUD_THRESHOLD_YUAN}元（法释〔2011〕7号 第1条）`;
  if (loss === undefined) return `${rule}；请填写损失金额。`;
  if (loss < ONLINE_FRAUD_THRESHOLD_YUAN) {
    return `${rule}。本案损失${formatYuan(loss)}，低于该起点，一般作为行政违法处理，仍可报警并请求出具受案回执；也可通过民事途径追回。`;
  }
  return `${rule}。本案损失${formatYuan(loss)}，已达到电信网络诈骗的起点。`;
}
