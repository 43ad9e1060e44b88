/**
 * The DraftInput of a case, read from the Dexie records: the case, the user's profile,
 * the captured facts (Contract 1) and the complaints already recorded (issue #6).
 */
import type { EvidenceDB } from '../db/database';
import { listCustody, listEvidence } from '../db/repo';
import { foldAnnotations } from '../workspace/annotations';
import { correctedFacts } from '../workspace/facts';
import {
  type Artifact,
  type CaseRecord,
  type ComplaintRecord,
  type EvidenceItem,
  PROFILE_SETTING,
} from '../db/schema';
import { ChannelId } from './channels';
import {
  CaseFacts,
  type ChatExcerpt,
  DateOrDateTime,
  DraftInput,
  type EarlierComplaint,
  type EvidenceEntry,
  type OrderInput,
  PlatformIdentity,
  type PromiseInput,
  UserProfile,
} from './input';

/**
 * The hash a draft cites for an evidence item: its full-page screenshot, else the
 * visible-area or chat screenshot, else the MHTML archive, else the first artifact.
 * The screenshot is what a reader of the complaint looks at, and its SHA-256 is listed
 * in the pack's manifest and checksums.sha256, so the citation can be checked file by file.
 */
const CITED_ROLES: readonly Artifact['role'][] = [
  'screenshot-full',
  'screenshot-viewport',
  'screenshot-chat',
  'mhtml',
];

/** The SHA-256 a draft cites for `item` (see CITED_ROLES for the choice). */
export function citedHash(item: EvidenceItem): string {
  for (const role of CITED_ROLES) {
    const artifact = item.artifacts.find((a) => a.role === role);
    if (artifact) return artifact.sha256;
  }
  return (item.artifacts[0] as Artifact).sha256;
}

/** Chat quotes are excerpts: a long transcript stays in the pack, the draft quotes its ends. */
const CHAT_HEAD = 20;
const CHAT_TAIL = 20;

const validDate = (value: string | undefined): string | undefined =>
  value && DateOrDateTime.safeParse(value).success ? value : undefined;

/** The case's facts as the drafts need them; unknown answers take the cautious default. */
function caseFacts(record: CaseRecord): CaseFacts {
  // Field by field, so a later workspace field of the wrong shape loses only itself.
  const raw = record as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(CaseFacts.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) picked[key] = parsed.data;
  }
  return CaseFacts.parse({
    disputeType: 'other',
    // Not knowing the purpose is not the same as own use: 12315 refuses resale (121号令 第16条).
    purpose: 'unknown',
    merchantDeceived: false,
    ...picked,
  });
}

/** The platform: what the user entered on the case, gaps filled from the captured site facts. */
function platformIdentity(record: CaseRecord, items: readonly EvidenceItem[]): PlatformIdentity {
  const entered = record.platform ? PlatformIdentity.parse(record.platform) : undefined;
  const first = <K extends 'name' | 'company' | 'creditCode' | 'icp'>(key: K) =>
    items.map((i) => i.facts.site[key]).find((v) => v && v.trim() !== '');
  let url: string | undefined;
  const firstUrl = items[0]?.finalUrl || items[0]?.url;
  if (firstUrl) {
    try {
      url = `${new URL(firstUrl).origin}/`;
    } catch {
      url = undefined;
    }
  }
  const contacts = [...new Set(items.flatMap((i) => i.facts.site.contacts))];
  return PlatformIdentity.parse({
    name: entered?.name ?? first('name'),
    url: entered?.url ?? url,
    company: entered?.company ?? first('company'),
    creditCode: entered?.creditCode ?? first('creditCode'),
    icp: entered?.icp ?? first('icp'),
    address: entered?.address,
    phone: entered?.phone,
    contacts: [...new Set([...(entered?.contacts ?? []), ...contacts])],
    sellerName: entered?.sellerName,
    payeeAccounts: [
      ...new Set([
        ...(entered?.payeeAccounts ?? []),
        ...items.flatMap((i) => (i.facts.payment?.merchant ? [i.facts.payment.merchant] : [])),
      ]),
    ],
    licenceDisplayed: entered?.licenceDisplayed,
  });
}

/**
 * Orders from the order pages, joined with the payment bills that pay them (same
 * merchant order number or transaction number). A bill matching no order is listed
 * as an order of its own, so its transaction number still reaches the drafts.
 */
function orders(items: readonly EvidenceItem[]): OrderInput[] {
  const result: OrderInput[] = [];
  for (const [index, item] of items.entries()) {
    const o = item.facts.order;
    if (!o) continue;
    const number = index + 1;
    const same = o.orderId ? result.find((r) => r.orderId === o.orderId) : undefined;
    const cardKeys = o.cardKeys ?? o.cards?.map((c) => c.secret) ?? [];
    if (same) {
      same.amount ??= o.amount;
      same.placedAt ??= validDate(o.placedAt);
      same.product ??= o.product;
      same.quantity ??= o.quantity;
      same.paymentMethod ??= o.paymentMethod;
      same.tradeNo ??= o.tradeNo;
      same.cardKeys = [...new Set([...same.cardKeys, ...cardKeys])];
      same.evidence.push(number);
      continue;
    }
    result.push({
      orderId: o.orderId,
      amount: o.amount !== undefined && o.amount >= 0 ? o.amount : undefined,
      placedAt: validDate(o.placedAt),
      product: o.product,
      quantity: o.quantity,
      cardKeys,
      paymentMethod: o.paymentMethod,
      tradeNo: o.tradeNo,
      evidence: [number],
    });
  }
  for (const [index, item] of items.entries()) {
    const p = item.facts.payment;
    if (!p) continue;
    const number = index + 1;
    const match =
      result.find((r) => p.merchantOrderNo && r.orderId === p.merchantOrderNo) ??
      result.find((r) => p.tradeNo && r.tradeNo === p.tradeNo) ??
      (result.length === 1 &&
      !result[0]?.tradeNo &&
      p.amount !== undefined &&
      result[0]?.amount === p.amount
        ? result[0]
        : undefined);
    if (match) {
      match.tradeNo ??= p.tradeNo;
      match.merchantOrderNo ??= p.merchantOrderNo;
      match.paymentMethod ??= p.provider ?? p.method;
      if (!match.evidence.includes(number)) match.evidence.push(number);
      continue;
    }
    result.push({
      orderId: undefined,
      amount: p.amount !== undefined && p.amount >= 0 ? p.amount : undefined,
      placedAt: validDate(p.paidAt) ?? validDate(p.createdAt),
      product: p.product,
      cardKeys: [],
      paymentMethod: p.provider ?? p.method,
      tradeNo: p.tradeNo,
      merchantOrderNo: p.merchantOrderNo,
      evidence: [number],
    });
  }
  return result;
}

/** Every promise once, quoted with the oldest capture that shows it. */
function promises(items: readonly EvidenceItem[]): PromiseInput[] {
  const seen = new Map<string, PromiseInput>();
  for (const [index, item] of items.entries()) {
    for (const p of item.facts.promises) {
      const text = p.text.trim();
      if (!text || seen.has(text)) continue;
      seen.set(text, {
        text,
        category: p.category,
        evidence: { number: index + 1, sha256: citedHash(item) },
      });
    }
  }
  return [...seen.values()];
}

/** Chat messages with their times and the item that captured them, each message once. */
function chat(items: readonly EvidenceItem[]): ChatExcerpt[] {
  const seen = new Set<string>();
  const all: ChatExcerpt[] = [];
  for (const [index, item] of items.entries()) {
    for (const m of item.facts.chat?.messages ?? []) {
      const key = `${m.from}|${m.at ?? ''}|${m.text}`;
      if (seen.has(key) || !m.text.trim()) continue;
      seen.add(key);
      all.push({
        from: m.from,
        name: m.name,
        at: validDate(m.at),
        text: m.image ? `[图片] ${m.text}` : m.text,
        evidenceNumber: index + 1,
      });
    }
  }
  return all.length > CHAT_HEAD + CHAT_TAIL
    ? [...all.slice(0, CHAT_HEAD), ...all.slice(-CHAT_TAIL)]
    : all;
}

function evidenceEntries(items: readonly EvidenceItem[]): EvidenceEntry[] {
  return items.map((item, index) => ({
    number: index + 1,
    kind: item.kind,
    title: item.title || item.url,
    // The China-time instant, so drafts print the date the user saw.
    capturedAt: validDate(item.capturedAtLocal) ?? item.capturedAt,
    sha256: citedHash(item),
    url: item.url,
  }));
}

/** A recorded complaint as the drafts state it; drafts and unknown channels are left out. */
export function toEarlierComplaint(record: ComplaintRecord): EarlierComplaint | undefined {
  const channel = ChannelId.safeParse(record.channel);
  const sentAt = validDate(record.sentAt);
  if (!channel.success || !sentAt || record.status === 'draft') return undefined;
  return {
    channel: channel.data,
    sentAt,
    ticketNo: record.ticketNo || undefined,
    answered: record.status === 'answered' || record.status === 'closed',
    answerSummary: record.answerSummary || undefined,
    deadline: validDate(record.deadline),
  };
}

/**
 * The DraftInput for `caseId` as of `today` (YYYY-MM-DD, China time). Evidence is
 * numbered 1, 2, 3 … oldest first, exactly as the evidence pack numbers it.
 */
export async function buildDraftInput(
  db: EvidenceDB,
  caseId: string,
  today: string,
): Promise<DraftInput> {
  const { record, read, profile, complaints, chain } = await db.transaction(
    'r',
    [db.cases, db.evidence, db.settings, db.complaints, db.custody],
    async () => ({
      record: await db.cases.get(caseId),
      read: await listEvidence(db, caseId),
      profile: await db.settings.get(PROFILE_SETTING),
      complaints: await db.complaints.where('caseId').equals(caseId).toArray(),
      chain: await listCustody(db, caseId),
    }),
  );
  // The user's corrections (custody entries) win over the facts as read off the page.
  const { byItem } = foldAnnotations(chain);
  const items = read.map((item) => {
    const corrections = byItem.get(item.id)?.corrections;
    return corrections ? { ...item, facts: correctedFacts(item.facts, corrections) } : item;
  });
  if (!record) throw new Error(`case ${caseId} does not exist`);
  const parsedProfile = UserProfile.safeParse(profile?.value ?? {});
  const earlier = complaints
    .map(toEarlierComplaint)
    .filter((c): c is EarlierComplaint => c !== undefined)
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  return DraftInput.parse({
    today,
    case: { ...caseFacts(record), title: record.title },
    platform: platformIdentity(record, items),
    orders: orders(items),
    promises: promises(items),
    chat: chat(items),
    profile: parsedProfile.success ? parsedProfile.data : {},
    evidence: evidenceEntries(items),
    complaints: earlier,
  });
}
