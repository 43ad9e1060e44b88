import { z } from 'zod';
import { PageKind, PromiseCategory } from '../extract/facts';
import { SHA256_HEX } from '../integrity/sha256';
import { ChannelId } from './channels';

/** A calendar date, `YYYY-MM-DD`, meant in China time. */
export const PlainDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export type PlainDate = z.infer<typeof PlainDate>;

/** A date or an ISO 8601 date-time (with offset or `Z`, as the capture code stores them). */
export const DateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/);

/** What went wrong, in the words of the platform's own complaint form (domain doc §1). */
export const DisputeType = z.enum([
  'not-delivered',
  'invalid-card-key',
  'short-recharge',
  'account-reclaimed',
  'refund-refused',
  'site-vanished',
  'other',
]);
export type DisputeType = z.infer<typeof DisputeType>;

/** 12315 only takes complaints about personal consumption (121号令 第16条), so the draft asks. */
export const Purpose = z.enum(['own-use', 'resale', 'unknown']);
export type Purpose = z.infer<typeof Purpose>;

/** The disputed purchase and how the user sees it. */
export const CaseFacts = z.object({
  title: z.string().optional(),
  disputeType: DisputeType,
  /** The user's own account of what happened; quoted as written. */
  description: z.string().optional(),
  purpose: Purpose,
  /** Yuan in dispute; defaults to the sum of the orders' amounts. */
  amountInDispute: z.number().nonnegative().optional(),
  /** When the user knew (or should have known) of the harm; defaults to the earliest order. */
  harmKnownAt: DateOrDateTime.optional(),
  /** The user says the merchant deceived them (the only trigger for 消费者权益保护法 第55条). */
  merchantDeceived: z.boolean(),
  deceitDetails: z.string().optional(),
  /** How the user reached the site (12321 asks for it). */
  howSiteWasReached: z.string().optional(),
  /** What was agreed or refused when the user talked to the merchant. */
  negotiation: z.string().optional(),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

/** Who sold: from the site's licence display, footer and contacts (Contract 1 `site`). */
export const PlatformIdentity = z.object({
  name: z.string().optional(),
  url: z.string().optional(),
  company: z.string().optional(),
  creditCode: z.string().optional(),
  icp: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  contacts: z.array(z.string()).default([]),
  /** A third-party seller's shop on the platform, when there is one. */
  sellerName: z.string().optional(),
  /** Payee name and account, QQ, WeChat: what the police ask for. */
  payeeAccounts: z.array(z.string()).default([]),
  /** Whether the site shows its business licence; `false` is a 举报 point. */
  licenceDisplayed: z.boolean().optional(),
});
export type PlatformIdentity = z.infer<typeof PlatformIdentity>;

/** One order, as Contract 1 `order` reads it, plus what ties it to the evidence. */
export const OrderInput = z.object({
  orderId: z.string().optional(),
  amount: z.number().nonnegative().optional(),
  placedAt: DateOrDateTime.optional(),
  product: z.string().optional(),
  quantity: z.number().optional(),
  rechargeAccount: z.string().optional(),
  cardKeys: z.array(z.string()).default([]),
  paymentMethod: z.string().optional(),
  /** The payment company's transaction number (交易单号), not the order id. */
  tradeNo: z.string().optional(),
  /** The merchant's order number as the payment bill shows it (商户单号). */
  merchantOrderNo: z.string().optional(),
  /** Evidence item numbers showing this order or its payment. */
  evidence: z.array(z.number().int().positive()).default([]),
});
export type OrderInput = z.infer<typeof OrderInput>;

/** A reference to an evidence item by its catalogue number and hash. */
export const EvidenceRef = z.object({
  number: z.number().int().positive(),
  sha256: z.string().regex(SHA256_HEX),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** A promise the platform made (假一赔十, 24小时到账...), with the capture that shows it. */
export const PromiseInput = z.object({
  text: z.string().min(1),
  category: PromiseCategory,
  evidence: EvidenceRef,
});
export type PromiseInput = z.infer<typeof PromiseInput>;

/** A chat message worth quoting. */
export const ChatExcerpt = z.object({
  from: z.enum(['customer', 'merchant', 'system']),
  name: z.string().optional(),
  at: DateOrDateTime.optional(),
  text: z.string(),
  evidenceNumber: z.number().int().positive().optional(),
});
export type ChatExcerpt = z.infer<typeof ChatExcerpt>;

/** The user, as the workspace profile holds them. Court and police drafts need the most. */
export const UserProfile = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  idNumber: z.string().optional(),
  sex: z.enum(['男', '女']).optional(),
  birthDate: PlainDate.optional(),
  ethnicity: z.string().optional(),
  occupation: z.string().optional(),
  employer: z.string().optional(),
  /** Province and city of residence: small claims limits and the internet courts depend on them. */
  province: z.string().optional(),
  city: z.string().optional(),
  /** The user's account on the platform. */
  platformAccount: z.string().optional(),
});
export type UserProfile = z.infer<typeof UserProfile>;

/** One evidence item as the catalogue (证据目录) numbers it. */
export const EvidenceEntry = z.object({
  number: z.number().int().positive(),
  kind: PageKind,
  title: z.string(),
  capturedAt: DateOrDateTime,
  sha256: z.string().regex(SHA256_HEX),
  url: z.string().optional(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

/** A complaint the user already sent (ComplaintRecord with status sent/answered). */
export const EarlierComplaint = z.object({
  channel: ChannelId,
  sentAt: DateOrDateTime,
  ticketNo: z.string().optional(),
  answered: z.boolean(),
  answerSummary: z.string().optional(),
  /** The reply deadline the user chose (platform and channels without a rule). */
  deadline: DateOrDateTime.optional(),
});
export type EarlierComplaint = z.infer<typeof EarlierComplaint>;

/** Everything a draft is made from. Built from the Dexie records and Contract 1 facts. */
export const DraftInput = z.object({
  today: PlainDate,
  case: CaseFacts,
  platform: PlatformIdentity,
  orders: z.array(OrderInput).default([]),
  promises: z.array(PromiseInput).default([]),
  chat: z.array(ChatExcerpt).default([]),
  profile: UserProfile,
  evidence: z.array(EvidenceEntry).default([]),
  complaints: z.array(EarlierComplaint).default([]),
});
/** The parsed input (defaults applied). */
export type DraftInput = z.infer<typeof DraftInput>;
/** What callers may pass before parsing (lists optional). */
export type DraftInputDraft = z.input<typeof DraftInput>;
