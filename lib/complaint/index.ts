/** Complaint drafts, claims, deadlines, the channel guide and the escalation ladder (issue 6). */
export { CHANNEL_IDS, CHANNELS, type ChannelInfo, ChannelId } from './channels';
export { type Claim, type ClaimSet, computeClaims } from './claims';
export { draftComplaint, type DraftOptions } from './draft';
export type { ComplaintDraft, DraftField, DraftSection, EvidenceUse } from './draft-types';
export { acceptanceDeadline, limitationStatus, mediationEnds } from './deadlines';
export { type Refusal, refusals12315 } from './eligibility';
export { type EscalationStep, nextEscalation, trackComplaints } from './escalation';
export { type ChannelAdvice, type ChannelGuide, recommendChannels } from './guide';
export {
  DraftInput,
  type DraftInputDraft,
  DisputeType,
  EarlierComplaint,
  Purpose,
} from './input';
export { LEGAL_REF_IDS, type LegalRef, legalRef } from './legal-refs';
export {
  DEFAULT_PLATFORM_HOURS,
  type ResponseDeadline,
  responseDeadline,
} from './response-deadline';
export { addWorkingDays, calendarCovers, workdayInfo } from './working-days';
export { draftEscalation, type Escalation } from './escalation-draft';
