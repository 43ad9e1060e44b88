/** The shape of a drafted complaint (★ Contract 4 return value). */
import type { PageKind } from '../extract/facts';
import type { ChannelId } from './channels';
import type { ClaimSet } from './claims';
import type { Refusal } from './eligibility';
import type { LegalRef, LegalRefId } from './legal-refs';

/** One field of the channel's form, in form order; `value` absent means still missing. */
export interface DraftField {
  key: string;
  label: string;
  value?: string;
  missing: boolean;
  /** Where to find the value, or why it matters. */
  hint?: string;
}

export interface DraftSection {
  heading: string;
  body: string;
}

/** An evidence item the draft relies on, as the catalogue numbers it. */
export interface EvidenceUse {
  number: number;
  kind: PageKind;
  title: string;
  capturedAt: string;
  sha256: string;
}

export interface ComplaintDraft {
  channel: ChannelId;
  channelName: string;
  title: string;
  fields: DraftField[];
  sections: DraftSection[];
  /** The whole draft as one document. */
  text: string;
  legalRefs: LegalRef[];
  evidence: EvidenceUse[];
  claims: ClaimSet;
  /** Labels of everything still unknown, fields first. */
  missing: string[];
  warnings: string[];
  /** Grounds on which the channel would refuse (12315). */
  refusals: Refusal[];
  /** True when a deadline in the draft was estimated Monday–Friday. */
  estimated: boolean;
}

/** What a channel module returns; `draftComplaint` assembles the rest. */
export interface ChannelDraftSpec {
  title: string;
  fields: DraftField[];
  sections: DraftSection[];
  legalRefs: LegalRefId[];
  warnings?: string[];
  /** Extra missing items not shown as fields. */
  missing?: string[];
  /** The kinds of evidence to attach besides those the text cites; 'all' for the full list. */
  evidenceKinds: readonly PageKind[] | 'all';
  refusals?: Refusal[];
  estimated?: boolean;
  /** Leave out the automatic 法律依据 and 证据清单 sections (the court draft writes its own). */
  omitLegalSection?: boolean;
}
