import { z } from 'zod';
import { DisputeType, PlatformIdentity, Purpose, UserProfile } from '../complaint/input';
import { PageFacts, PageKind } from '../extract/facts';
import { SHA256_HEX } from '../integrity/sha256';

export { CustodyEntry } from '../integrity/custody';

/** A dispute: the evidence and complaints about one purchase (or one platform). */
export const CaseRecord = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['open', 'archived']),
  // What the complaint drafts need to know about the dispute; all optional, filled in
  // the workspace (prefilled from captured facts where possible).
  disputeType: DisputeType.optional(),
  /** 12315 does not take purchases made for resale. */
  purpose: Purpose.optional(),
  /** Yuan. */
  amountInDispute: z.number().nonnegative().optional(),
  platform: PlatformIdentity.optional(),
  // The user's account of the dispute, read by buildDraftInput under the same names as
  // CaseFacts (lib/complaint/input.ts).
  /** What happened, in the user's words; quoted as written. */
  description: z.string().optional(),
  /** Only the user saying so lets a draft claim 消费者权益保护法 第55条 (three times). */
  merchantDeceived: z.boolean().optional(),
  deceitDetails: z.string().optional(),
  /**
   * When the user learned of the harm (`YYYY-MM-DD`): the 3-year limits count from it.
   * buildDraftInput drops a value that is not a date.
   */
  harmKnownAt: z.string().optional(),
  /** What was already tried with the merchant, and what they said. */
  negotiation: z.string().optional(),
  /** How the user reached the site (12321 asks). */
  howSiteWasReached: z.string().optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** What an artifact is. The pack names files after it. */
export const ArtifactRole = z.enum([
  'screenshot-viewport',
  'screenshot-full',
  'screenshot-chat',
  'chat-html',
  'chat-text',
  'screenshot-element',
  'element-html',
  'element-text',
  'selection',
  'render',
  'mhtml',
  'dom',
  'text',
  'facts',
  'meta',
  'imported',
]);
export type ArtifactRole = z.infer<typeof ArtifactRole>;

/** One stored byte sequence of an evidence item; the bytes live in `blobs` under `sha256`. */
export const Artifact = z.object({
  role: ArtifactRole,
  fileName: z.string(),
  sha256: z.string().regex(SHA256_HEX),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
  /** How the bytes were made, e.g. `chrome.tabs.captureVisibleTab`. */
  method: z.string(),
});
export type Artifact = z.infer<typeof Artifact>;

/** One capture (or import). Never edited after it lands; later changes are custody entries. */
export const EvidenceItem = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: PageKind,
  source: z.enum(['capture', 'import']),
  title: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  /** UTC, ISO 8601 with `Z`. */
  capturedAt: z.string(),
  /** The same instant in Asia/Shanghai, ISO 8601 with `+08:00`. */
  capturedAtLocal: z.string(),
  timeZone: z.string(),
  facts: PageFacts,
  artifacts: z.array(Artifact).min(1),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** Artifact bytes, keyed by their SHA-256 so every read can be checked. */
export const BlobRecord = z.object({
  sha256: z.string().regex(SHA256_HEX),
  data: z.instanceof(Blob),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
});
export type BlobRecord = z.infer<typeof BlobRecord>;

/** A complaint draft and what became of it (filled by the complaints issue). */
export const ComplaintRecord = z.object({
  id: z.string(),
  caseId: z.string(),
  channel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['draft', 'sent', 'answered', 'closed']),
  text: z.string(),
  fields: z.record(z.string(), z.string()),
  sentAt: z.string().optional(),
  ticketNo: z.string().optional(),
  /** The instant (+08:00) after which an answer is overdue; set when the complaint is sent. */
  deadline: z.string().optional(),
  /** Hours given to the platform (48 by default), when the user chose them. */
  platformHours: z.number().positive().optional(),
  answeredAt: z.string().optional(),
  answerSummary: z.string().optional(),
  /** When the overdue reminder was shown, so a restart does not show it again. */
  notifiedAt: z.string().optional(),
});
export type ComplaintRecord = z.infer<typeof ComplaintRecord>;

/** Small key/value settings such as the active case. */
export const SettingRecord = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecord>;

/** The user's own details for complaint drafts: kept on this machine, leaves it only inside packs the user exports. */
export { UserProfile };
/** Settings key under which the UserProfile is stored. */
export const PROFILE_SETTING = 'profile';
