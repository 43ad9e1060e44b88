import { norm } from './text';

/** The 31 characters a 统一社会信用代码 may use (GB 32100-2015: no I, O, Z, S, V). */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character GB 32100-2015 expects after the first 17 characters. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARS[(31 - (sum % 31)) % 31];
}

/** Whether an 18-character 统一社会信用代码 has a valid GB 32100-2015 check character. */
export function isValidCreditCode(code: string): boolean {
  const c = code.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c)) return false;
  return creditCodeCheckChar(c.slice(0, 17)) === c[17];
}

/** The valid 统一社会信用代码 codes in a text, in order (invalid look-alikes dropped). */
export function findCreditCodes(text: string): string[] {
  const found: string[] = [];
  for (const m of norm(text)
    .toUpperCase()
    .matchAll(/(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/g)) {
    if (isValidCreditCode(m[0]) && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}
