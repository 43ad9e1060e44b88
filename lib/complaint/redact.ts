/** Masking personal and payment data for public channels (黑猫投诉 is public, doc §5). */

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** Keeps the first and last `keep` characters: `ABCD-1234-EFGH` → `AB**********GH`. */
export function maskMiddle(value: string, keep = 2): string {
  if (value.length <= keep * 2) return '*'.repeat(value.length);
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep * 2)}${value.slice(-keep)}`;
}

/** Keeps only the last four characters, as bills do: `4200001234567890` → `****7890`. */
export function maskTail(value: string): string {
  return `****${value.slice(-4)}`;
}
