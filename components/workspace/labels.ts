import type { DisputeType, Purpose } from '@/lib/complaint/input';
import type { CustodyAction } from '@/lib/integrity/custody';
import type { PageKind } from '@/lib/extract/facts';
import { type MessageKey, t } from '@/lib/i18n';
import type { MissingId } from '@/lib/workspace';

export const DISPUTE_TYPES: readonly DisputeType[] = [
  'not-delivered',
  'invalid-card-key',
  'short-recharge',
  'account-reclaimed',
  'refund-refused',
  'site-vanished',
  'other',
];
export const PURPOSES: readonly Purpose[] = ['own-use', 'resale', 'unknown'];

const key = (prefix: string, id: string) => `${prefix}_${id.replaceAll('-', '_')}` as MessageKey;

export const disputeLabel = (d: DisputeType) => t(key('dispute', d));
export const purposeLabel = (p: Purpose) => t(key('purpose', p));
export const missingLabel = (m: MissingId) => t(key('missing', m));
export const custodyLabel = (a: CustodyAction) => t(key('custody', a));
export const fromLabel = (f: 'customer' | 'merchant' | 'system') => t(key('from', f));

/**
 * The label of a fact path such as `order.amount`, `promises.2.category`,
 * `orders.1.status` or `chat.messages.5.from`.
 */
export function factLabel(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'promises')
    return t(parts[2] === 'category' ? 'fact_promises_category' : 'fact_promises');
  // A listed order's fields read as the order's own.
  if (parts[0] === 'orders' && parts[2]) return t(`fact_order_${parts[2]}` as MessageKey);
  if (parts[0] === 'chat' && parts[1] === 'messages' && parts[3])
    return t(`fact_chat_${parts[3]}` as MessageKey);
  return t(`fact_${path.replace('.', '_')}` as MessageKey);
}

/** The label of a promise category (`after-sales` → 售后承诺). */
export const promiseCategoryLabel = (c: string) => t(key('promiseCategory', c));

/** How a choice fact's value reads: a category or side by its label, anything else as is. */
export function factValueLabel(path: string, value: string): string {
  if (/^promises\.\d+\.category$/.test(path)) return promiseCategoryLabel(value);
  if (/^chat\.messages\.\d+\.from$/.test(path) && /^(customer|merchant|system)$/.test(value))
    return fromLabel(value as 'customer' | 'merchant' | 'system');
  return value;
}

/**
 * A one-character mark per kind, shown as a small coloured tile so the timeline can be
 * scanned without reading. Characters every CJK font has (emoji fonts are often missing).
 */
export const KIND_ICONS: Record<PageKind, string> = {
  promise: '诺',
  order: '单',
  payment: '付',
  chat: '聊',
  licence: '照',
  other: '文',
};

/** The host of a URL, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** `2026-11-21T12:03:05.000+08:00` → `12:03:05` or the full local date-time. */
export const localTime = (iso: string) => iso.slice(11, 19);
export const localDateTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');
