import type { PlatformIdentity } from '../complaint/input';
import type { CaseRecord, EvidenceItem } from '../db/schema';
import type { PageFacts } from '../extract/facts';
import type { CaseAnnotations } from './annotations';
import { platformFromItems } from './cases';
import { correctedFacts } from './facts';

type Order = NonNullable<PageFacts['order']>;
type Payment = NonNullable<PageFacts['payment']>;
type Message = NonNullable<PageFacts['chat']>['messages'][number];

/** What the whole case shows, gathered from its items (corrections applied). */
export interface CaseFacts {
  platform: PlatformIdentity;
  /** The orders the case is about: each item's `order`, one per order id. */
  orders: { evidenceId: string; order: Order }[];
  /**
   * Other orders seen on order lists (`orders[]`), one per order id, without those
   * already in `orders`: a list shows every purchase, not only the disputed one.
   */
  listedOrders: { evidenceId: string; order: Order }[];
  payments: { evidenceId: string; payment: Payment }[];
  promises: { evidenceId: string; text: string; category: string }[];
  /** Every chat message of the case in time order, duplicates across captures removed. */
  transcript: (Message & { evidenceId: string })[];
}

/**
 * Gathers the case's facts: platform identity, orders, payments, promises and chat.
 * Every item's facts are read with the user's corrections applied, whatever the path
 * (`order.amount`, `orders.2.status`, `promises.0.category`, `chat.messages.5.from`).
 */
export function gatherCaseFacts(
  items: readonly EvidenceItem[],
  annotations: CaseAnnotations | undefined,
): CaseFacts {
  const sorted = [...items].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  const facts = sorted.map((item) => ({
    item,
    facts: correctedFacts(item.facts, annotations?.byItem.get(item.id)?.corrections),
  }));
  const orders = new Map<string, { evidenceId: string; order: Order }>();
  const listed = new Map<string, { evidenceId: string; order: Order }>();
  const payments = new Map<string, { evidenceId: string; payment: Payment }>();
  const promises = new Map<string, { evidenceId: string; text: string; category: string }>();
  const messages = new Map<string, Message & { evidenceId: string }>();
  for (const { item, facts: f } of facts) {
    if (f.order && (f.order.orderId || f.order.amount !== undefined)) {
      // A later capture of the same order (its status changed) replaces the earlier one.
      orders.set(f.order.orderId ?? `item:${item.id}`, { evidenceId: item.id, order: f.order });
    }
    for (const [i, o] of (f.orders ?? []).entries()) {
      // As for `order`: a later list showing the same order (its status changed) wins.
      if (o.orderId || o.amount !== undefined)
        listed.set(o.orderId ?? `item:${item.id}:${i}`, { evidenceId: item.id, order: o });
    }
    if (f.payment && (f.payment.tradeNo || f.payment.amount !== undefined)) {
      payments.set(f.payment.tradeNo ?? `item:${item.id}`, {
        evidenceId: item.id,
        payment: f.payment,
      });
    }
    for (const p of f.promises) {
      if (!promises.has(p.text))
        promises.set(p.text, { evidenceId: item.id, text: p.text, category: p.category });
    }
    for (const m of f.chat?.messages ?? []) {
      const key = `${m.from}|${m.at ?? ''}|${m.text}`;
      if (!messages.has(key)) messages.set(key, { ...m, evidenceId: item.id });
    }
  }
  const transcript = [...messages.values()];
  // Stable: messages without a time keep their captured order.
  transcript.sort((a, b) => (a.at && b.at ? a.at.localeCompare(b.at) : 0));
  return {
    platform: platformFromItems(items),
    orders: [...orders.values()],
    listedOrders: [...listed.entries()].filter(([id]) => !orders.has(id)).map(([, o]) => o),
    payments: [...payments.values()],
    promises: [...promises.values()],
    transcript,
  };
}

export type MissingId =
  | 'order'
  | 'payment'
  | 'promise'
  | 'chat'
  | 'platform-identity'
  | 'dispute-type'
  | 'purpose'
  | 'amount';

export interface ChecklistEntry {
  id: MissingId;
  done: boolean;
}

/** What a complaint still needs, in the order a user would go and get it. */
export function complaintChecklist(
  theCase: CaseRecord | undefined,
  items: readonly EvidenceItem[],
  facts: CaseFacts,
): ChecklistEntry[] {
  const has = (kind: EvidenceItem['kind']) => items.some((i) => i.kind === kind);
  const platform = { ...facts.platform, ...theCase?.platform };
  return [
    { id: 'order', done: facts.orders.length > 0 || has('order') },
    { id: 'payment', done: facts.payments.length > 0 || has('payment') },
    { id: 'promise', done: facts.promises.length > 0 || has('promise') },
    { id: 'chat', done: facts.transcript.length > 0 || has('chat') },
    {
      id: 'platform-identity',
      done: Boolean(platform.company || platform.creditCode || platform.icp),
    },
    { id: 'dispute-type', done: theCase?.disputeType !== undefined },
    { id: 'purpose', done: theCase?.purpose !== undefined && theCase.purpose !== 'unknown' },
    {
      id: 'amount',
      done:
        theCase?.amountInDispute !== undefined ||
        facts.orders.some((o) => o.order.amount !== undefined),
    },
  ];
}
