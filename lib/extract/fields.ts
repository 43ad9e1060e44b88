import { parseAmount } from './amounts';
import { parseDateTime } from './dates';
import type { LabelledValue } from './labels';
import { norm } from './text';

/** A value read for one field, with the pair it came from. */
export interface Picked<T> {
  value: T;
  from: LabelledValue;
}

/** The label compared with patterns: unit suffixes like "(元)" dropped. */
function bareLabel(label: string): string {
  return label.replace(/\((元|RMB|人民币|¥|件|张|个)\)$/i, '').replace(/^(\d+[.、])/, '');
}

/**
 * The first pair whose label matches the earliest pattern in `tiers` and whose value
 * `read` accepts. Tiers express preference (实付 before 订单总额), document order breaks
 * ties.
 */
export function pick<T>(
  pairs: readonly LabelledValue[],
  tiers: readonly RegExp[],
  read: (value: string) => T | undefined,
): Picked<T> | undefined {
  for (const tier of tiers) {
    for (const pair of pairs) {
      if (!tier.test(bareLabel(pair.label))) continue;
      const value = read(pair.value);
      if (value !== undefined) return { value, from: pair };
    }
  }
  return undefined;
}

/** Whether any pair has a label matching `pattern`. */
export function hasLabel(pairs: readonly LabelledValue[], pattern: RegExp): boolean {
  return pairs.some((p) => pattern.test(bareLabel(p.label)));
}

const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]{5,47}/g;

/** An order or trade number: the first token of 6+ letters/digits with 4+ digits. */
export function readId(value: string, minDigits = 4): string | undefined {
  for (const m of norm(value).matchAll(ID_TOKEN)) {
    const token = m[0].replace(/[-_]+$/, '');
    if ((token.match(/\d/g)?.length ?? 0) >= minDigits) return token;
  }
  return undefined;
}

/** A paid amount in yuan, always positive (bill pages show outflows as -98.50). */
export function readAmount(value: string): number | undefined {
  // "原价：102元 实付：100元" in one cell: what was paid.
  const paid = /实付(?:款|金额)?\s*[:：]\s*(\S.*)$/.exec(value)?.[1];
  const amount = parseAmount(paid ?? value);
  return amount === undefined ? undefined : Math.abs(amount);
}

/** A date-time reader bound to the capture time and the page's zone (minutes east of UTC). */
export function readDate(capturedAt: string, zone?: number) {
  return (value: string) => parseDateTime(value, capturedAt, zone);
}

/** A count: the first whole number in "1", "x2", "2 张". */
export function readQuantity(value: string): number | undefined {
  const m = /^[x×*]?\s*(\d{1,6})(?!\d|\.\d|-\d)/i.exec(norm(value));
  const n = m?.[1] ? Number(m[1]) : Number.NaN;
  return n > 0 ? n : undefined;
}

const ACTION_WORDS =
  /\s*(复制|点击复制|一键复制|查看|查看详情|修改|详情|去支付|申请售后|\[?交易快照\]?|>+|›)\s*$/;

/** The Chinese half of a bilingual value ("Alipay / 支付宝" -> "支付宝"). */
export function chinesePart(value: string): string {
  const m = /^[\x20-\x7e]+?\s*\/\s*(.*\p{Script=Han}.*)$/u.exec(value.trim());
  return m?.[1] ? m[1].trim() : value;
}

/**
 * A short word value (status, payment method): trimmed, actions like 复制 dropped. A
 * longer value keeps its first word when a note follows it ("USDT TRC20 网络…",
 * "花呗 本笔已计入12月账单").
 */
export function readWord(max: number) {
  return (value: string): string | undefined => {
    let v = chinesePart(value.replace(ACTION_WORDS, '').trim());
    if (v.length > max) v = v.split(/\s+/)[0] ?? '';
    if (!v || v.length > max || /^[\d\s.:-]+$/.test(v)) return undefined;
    return v;
  };
}

/** A product name: not a bare amount, date or number. */
export function readProduct(value: string): string | undefined {
  // A note after the name ("（卖家自有，非平台自营）") is not part of it.
  const v = chinesePart(value.replace(ACTION_WORDS, '').trim())
    .replace(/\s*[（(][^（）()]*[，,、][^（）()]*[）)]$/, '')
    .trim();
  if (v.length < 2 || v.length > 120) return undefined;
  if (/^[-+¥￥\d\s.,:/元]+$/.test(norm(v))) return undefined;
  return v;
}
