import { norm } from './text';

const CURRENCY_BEFORE = '(?:¥|RMB|CNY|人民币|￥)';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WITH_CURRENCY = new RegExp(
  String.raw`([-+−])?\s*${CURRENCY_BEFORE}\s*([-+−])?\s*(${NUMBER})|([-+−])?(${NUMBER})\s*(?:元|块|CNY|RMB)`,
  'i',
);
const BARE = new RegExp(String.raw`^([-+−])?\s*(${NUMBER})$`);

function toNumber(sign: string | undefined, digits: string): number {
  const value = Number.parseFloat(digits.replace(/,/g, ''));
  const rounded = Math.round(value * 100) / 100;
  return sign === '-' || sign === '−' ? -rounded : rounded;
}

/**
 * The first sum of money in a text, in yuan: `¥100.00`, `￥ 1,299.00`, `100元`,
 * `RMB 58.8`, `-98.50`. A number with a currency mark wins over a bare one; a bare
 * number counts only when it is the whole text. Outflows keep their minus sign.
 */
export function parseAmount(text: string): number | undefined {
  const t = norm(text);
  const marked = WITH_CURRENCY.exec(t);
  if (marked) {
    if (marked[3]) return toNumber(marked[1] ?? marked[2], marked[3]);
    if (marked[5]) return toNumber(marked[4], marked[5]);
  }
  const bare = BARE.exec(t);
  if (bare?.[2]) return toNumber(bare[1], bare[2]);
  return undefined;
}

/** Whether a whole text is just a sum of money (a headline amount on a bill page). */
export function isAmountOnly(text: string): boolean {
  const t = norm(text);
  return (
    new RegExp(String.raw`^[-+−]?\s*${CURRENCY_BEFORE}?\s*[-+−]?\s*(${NUMBER})\s*元?$`, 'i').test(
      t,
    ) && /\.\d{1,2}\s*元?$|¥|元/.test(t)
  );
}
