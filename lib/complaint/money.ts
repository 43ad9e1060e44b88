/** Money in yuan, computed in whole fen so that 3 × 19.9 is 59.7 and not 59.699999. */

export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fromFen(fen: number): number {
  return fen / 100;
}

/** `298元`, `59.70元`. */
export function formatYuan(yuan: number): string {
  const fen = toFen(yuan);
  const text = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  return `${text}元`;
}

/** Sum of amounts, in yuan, without floating-point drift. */
export function sumYuan(amounts: readonly number[]): number {
  return fromFen(amounts.reduce((acc, a) => acc + toFen(a), 0));
}

/** `yuan × factor`, rounded to the fen. */
export function timesYuan(yuan: number, factor: number): number {
  return fromFen(toFen(yuan) * factor);
}
