import type { EvidenceItem } from '../db/schema';
import type { PageFacts } from '../extract/facts';
import type { FactCorrection } from './annotations';

/** The facts of an item with the user's corrections applied (the reading itself stays). */
export function correctedFacts(
  facts: PageFacts,
  corrections: Record<string, FactCorrection> | undefined,
): PageFacts {
  if (!corrections || Object.keys(corrections).length === 0) return facts;
  const copy = structuredClone(facts) as unknown as Record<string, unknown>;
  for (const c of Object.values(corrections)) setPath(copy, c.path, c.value);
  return copy as unknown as PageFacts;
}

/** Sets `a.b.0.c` in a plain object, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const [i, part] of parts.entries()) {
    if (part === '__proto__' || part === 'constructor' || part === 'prototype') return;
    if (i === parts.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (next === null || typeof next !== 'object')
      node[part] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
    node = node[part] as Record<string, unknown>;
  }
}

/** Reads `a.b.0.c` from a value. */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** One fact as a row: its path in PageFacts and the value shown. */
export interface FactRow {
  path: string;
  value: string;
}

const ORDER_FIELDS = [
  'orderId',
  'amount',
  'placedAt',
  'product',
  'quantity',
  'status',
  'paymentMethod',
  'tradeNo',
] as const;
const PAYMENT_FIELDS = [
  'provider',
  'tradeNo',
  'merchantOrderNo',
  'merchant',
  'amount',
  'createdAt',
  'paidAt',
  'status',
  'method',
  'product',
] as const;
const SITE_FIELDS = ['name', 'icp', 'company', 'creditCode'] as const;

const show = (v: unknown): string =>
  Array.isArray(v) ? v.join('、') : typeof v === 'number' ? String(v) : String(v ?? '');

/** Every single-valued fact of a page as editable rows, in a stable order. */
export function factRows(facts: PageFacts): FactRow[] {
  const rows: FactRow[] = [];
  for (const f of ORDER_FIELDS) {
    const v = facts.order?.[f];
    if (v !== undefined) rows.push({ path: `order.${f}`, value: show(v) });
  }
  if (facts.order?.cardKeys?.length)
    rows.push({ path: 'order.cardKeys', value: show(facts.order.cardKeys) });
  for (const f of PAYMENT_FIELDS) {
    const v = facts.payment?.[f];
    if (v !== undefined) rows.push({ path: `payment.${f}`, value: show(v) });
  }
  for (const [i, p] of facts.promises.entries())
    rows.push({ path: `promises.${i}.text`, value: p.text });
  for (const f of SITE_FIELDS) {
    const v = facts.site[f];
    if (v !== undefined) rows.push({ path: `site.${f}`, value: show(v) });
  }
  if (facts.site.contacts.length)
    rows.push({ path: 'site.contacts', value: show(facts.site.contacts) });
  return rows;
}

/** Parses what the user typed for a fact into the type the fact has. */
export function parseFactValue(path: string, text: string): unknown {
  const trimmed = text.trim();
  if (/\.(amount|quantity)$/.test(path)) {
    const n = Number(trimmed.replace(/[¥￥,\s元]|RMB/g, ''));
    if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
    return n;
  }
  if (/\.(cardKeys|contacts)$/.test(path))
    return trimmed
      .split(/[、,，\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  return trimmed;
}

/** The few facts that say most about an item, for its timeline row. */
export function keyFacts(item: EvidenceItem, facts: PageFacts = item.facts): FactRow[] {
  const rows: FactRow[] = [];
  if (facts.order?.orderId) rows.push({ path: 'order.orderId', value: facts.order.orderId });
  if (facts.order?.amount !== undefined)
    rows.push({ path: 'order.amount', value: `¥${facts.order.amount.toFixed(2)}` });
  if (facts.payment?.tradeNo) rows.push({ path: 'payment.tradeNo', value: facts.payment.tradeNo });
  if (facts.payment?.amount !== undefined && facts.order?.amount === undefined)
    rows.push({ path: 'payment.amount', value: `¥${facts.payment.amount.toFixed(2)}` });
  const promise = facts.promises[0];
  if (promise) rows.push({ path: 'promises.0.text', value: promise.text.slice(0, 80) });
  const messages = facts.chat?.messages ?? [];
  if (messages.length) {
    const times = messages.map((m) => m.at).filter((a): a is string => !!a);
    const span =
      times.length > 0 ? `${fmt(times[0] ?? '')} – ${fmt(times[times.length - 1] ?? '')}` : '';
    rows.push({ path: 'chat.messages', value: `${messages.length}${span ? ` · ${span}` : ''}` });
  }
  return rows;
}

const fmt = (iso: string) => iso.slice(5, 16).replace('T', ' ');
