import { z } from 'zod';
import type { EvidenceItem } from '../db/schema';
import { PageFacts } from '../extract/facts';
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
  for (const [i, p] of facts.promises.entries()) {
    rows.push({ path: `promises.${i}.text`, value: p.text });
    rows.push({ path: `promises.${i}.category`, value: p.category });
  }
  for (const f of SITE_FIELDS) {
    const v = facts.site[f];
    if (v !== undefined) rows.push({ path: `site.${f}`, value: show(v) });
  }
  if (facts.site.contacts.length)
    rows.push({ path: 'site.contacts', value: show(facts.site.contacts) });
  return rows;
}

/** The columns of an order list (`orders[]`) as the evidence detail shows them. */
export const ORDER_LIST_FIELDS = ['orderId', 'amount', 'placedAt', 'product', 'status'] as const;

/** The fields of a chat message the user can correct, in the order a form shows them. */
export const MESSAGE_FIELDS = ['from', 'name', 'at', 'text'] as const;

/** Why a typed value was refused; the panel shows each reason in the user's language. */
export type FactValueProblem = 'empty' | 'number' | 'time' | 'choice' | 'invalid';

/** A value the user typed that the fact's schema does not accept. */
export class FactValueError extends Error {
  constructor(
    readonly problem: FactValueProblem,
    readonly path: string,
    text: string,
  ) {
    super(`${path}: ${problem === 'number' ? 'not a number' : `invalid (${problem})`}: ${text}`);
    this.name = 'FactValueError';
  }
}

const unwrap = (schema: z.core.$ZodType): z.core.$ZodType =>
  schema instanceof z.ZodOptional ? unwrap(schema.unwrap()) : schema;

/** The zod schema of one fact of PageFacts (`chat.messages.3.from`), if the path names one. */
export function factSchema(path: string): z.core.$ZodType | undefined {
  let node: z.core.$ZodType | undefined = PageFacts;
  for (const part of path.split('.')) {
    const here = unwrap(node);
    if (here instanceof z.ZodObject)
      node = Object.hasOwn(here.shape, part) ? here.shape[part] : undefined;
    else if (here instanceof z.ZodArray && /^\d+$/.test(part)) node = here.element;
    else node = undefined;
    if (!node) return undefined;
  }
  return unwrap(node);
}

/** The values a fact can take when it is a choice (a promise's category, a message's side). */
export function factChoices(path: string): readonly string[] | undefined {
  const schema = factSchema(path);
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : undefined;
}

const TIME_PATH = /\.(at|placedAt|createdAt|paidAt)$/;
const TYPED_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const pad = (n: string) => n.padStart(2, '0');

/**
 * A typed date or date-time as ISO 8601 (contract 1). A time without a zone takes the
 * zone of the reading it replaces, else China's (+08:00): a bare time on a card shop's
 * page is Beijing time.
 */
function parseTime(path: string, text: string, original: unknown): string {
  const m = TYPED_TIME.exec(text);
  if (!m) throw new FactValueError('time', path, text);
  const [, y, mo, d, h, mi, sec, frac, zone] = m as unknown as (string | undefined)[];
  const date = `${y}-${pad(mo ?? '')}-${pad(d ?? '')}`;
  const inRange = (v: string | undefined, max: number, min = 0) =>
    v === undefined || (Number(v) >= min && Number(v) <= max);
  if (
    !inRange(mo, 12, 1) ||
    !inRange(d, 31, 1) ||
    !inRange(h, 23) ||
    !inRange(mi, 59) ||
    !inRange(sec, 59)
  )
    throw new FactValueError('time', path, text);
  if (h === undefined) return date;
  const readZone =
    typeof original === 'string' ? /(Z|[+-]\d{2}:\d{2})$/.exec(original)?.[1] : undefined;
  const offset = zone
    ? zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
    : (readZone ?? '+08:00');
  return `${date}T${pad(h)}:${mi}:${sec ?? '00'}${frac ?? ''}${offset}`;
}

/**
 * Parses what the user typed for a fact into the type the fact has, and checks it
 * against the fact's zod schema (PageFacts). `original` is the value as read, whose time
 * zone a typed time without one keeps. Throws a FactValueError for a value the fact
 * cannot take: an empty text, a non-number amount, an unknown category or side.
 */
export function parseFactValue(path: string, text: string, original?: unknown): unknown {
  const trimmed = text.trim();
  const schema = factSchema(path);
  if (!schema) throw new FactValueError('invalid', path, text);
  let value: unknown;
  if (schema instanceof z.ZodArray) {
    value = trimmed
      .split(/[、,，\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  } else if (trimmed === '') {
    throw new FactValueError('empty', path, text);
  } else if (schema instanceof z.ZodNumber) {
    value = Number(trimmed.replace(/[¥￥,\s元]|RMB/g, ''));
    if (!Number.isFinite(value)) throw new FactValueError('number', path, text);
  } else if (schema instanceof z.ZodEnum) {
    if (!(schema.options as string[]).includes(trimmed))
      throw new FactValueError('choice', path, text);
    value = trimmed;
  } else if (TIME_PATH.test(path)) {
    value = parseTime(path, trimmed, original);
  } else {
    value = trimmed;
  }
  if (!z.safeParse(schema, value).success) throw new FactValueError('invalid', path, text);
  return value;
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
