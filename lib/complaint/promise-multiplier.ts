/**
 * Reads the multiple out of a platform's own compensation promise: 假一赔十 → 10,
 * 假一赔三 → 3, 假1赔10 → 10. Only the "假一赔N" form is read; anything else is not a
 * computable promise and the claim is left to the user's wording.
 */

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (tens)
    return (tens[1] ? (DIGITS[tens[1]] ?? 0) : 1) * 10 + (tens[2] ? (DIGITS[tens[2]] ?? 0) : 0);
  return DIGITS[text];
}

/** The multiple promised by a 假一赔N promise, or undefined when the text has none. */
export function promisedMultiple(text: string): number | undefined {
  const m = /假\s*(?:一|1)\s*赔\s*([0-9]+|[一二两三四五六七八九十]{1,3})/.exec(text);
  if (!m?.[1]) return undefined;
  const n = chineseNumber(m[1]);
  return n !== undefined && n > 0 ? n : undefined;
}
