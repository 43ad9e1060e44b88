/**
 * Complaint drafts saved with the case (ComplaintRecord), and what became of them:
 * sent (with its answer deadline), answered. The reminders read the same records.
 */
import type { EvidenceDB } from '../db/database';
import { appendCustody } from '../db/repo';
import type { ComplaintRecord } from '../db/schema';
import { chinaDate, toChinaIso } from './calendar-date';
import type { ChannelId } from './channels';
import type { ComplaintDraft } from './draft-types';
import { responseDeadline } from './response-deadline';

/** The case's complaints, oldest first. */
export async function listComplaints(db: EvidenceDB, caseId: string): Promise<ComplaintRecord[]> {
  const all = await db.complaints.where('caseId').equals(caseId).toArray();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The form's fields as saved: label → value, in form order, missing ones left out. */
export function draftFields(draft: ComplaintDraft): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of draft.fields) if (f.value !== undefined) fields[f.label] = f.value;
  return fields;
}

export interface SaveDraft {
  caseId: string;
  channel: ChannelId;
  text: string;
  fields: Record<string, string>;
  /** Updates this draft instead of adding one. */
  id?: string;
}

/**
 * Saves a draft (new or edited). A complaint already sent is a record of what was sent
 * and is not rewritten: editing it saves a new draft instead.
 */
export async function saveDraft(
  db: EvidenceDB,
  draft: SaveDraft,
  now: Date,
): Promise<ComplaintRecord> {
  const at = now.toISOString();
  return db.transaction('rw', db.complaints, async () => {
    const existing = draft.id ? await db.complaints.get(draft.id) : undefined;
    if (existing && existing.status === 'draft' && existing.caseId === draft.caseId) {
      const updated = { ...existing, text: draft.text, fields: draft.fields, updatedAt: at };
      await db.complaints.put(updated);
      return updated;
    }
    const record: ComplaintRecord = {
      id: crypto.randomUUID(),
      caseId: draft.caseId,
      channel: draft.channel,
      createdAt: at,
      updatedAt: at,
      status: 'draft',
      text: draft.text,
      fields: draft.fields,
    };
    await db.complaints.add(record);
    return record;
  });
}

export interface SentDetails {
  /** When it was sent: `YYYY-MM-DD` or an ISO date-time. */
  sentAt: string;
  ticketNo?: string;
  /** Hours the platform is given (48 by default). */
  platformHours?: number;
  /** A reply deadline the user chose (`YYYY-MM-DD` or ISO); 12315's statutory one wins. */
  userDeadline?: string;
}

/** A bare date means the user sent it that day; the deadline counts from its start. */
function sentInstant(sentAt: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(sentAt) ? `${sentAt}T00:00:00+08:00` : sentAt;
}

/**
 * What a sent or answered complaint adds to the case's custody log (an `annotate` entry
 * with no evidence id, like case edits): the pack then shows when the user complained
 * and when the channel answered. foldAnnotations skips it, it names no item.
 */
export interface ComplaintEventDetails {
  field: 'complaint';
  event: 'sent' | 'answered';
  complaintId: string;
  channel: string;
  ticketNo?: string;
  /** When it was sent or answered, as the user recorded it. */
  at: string;
}

async function logComplaintEvent(
  db: EvidenceDB,
  record: ComplaintRecord,
  event: ComplaintEventDetails['event'],
  at: string,
  now: Date,
): Promise<void> {
  const details: ComplaintEventDetails = {
    field: 'complaint',
    event,
    complaintId: record.id,
    channel: record.channel,
    at,
  };
  // The hash chain is over canonical JSON: no undefined values.
  if (record.ticketNo) details.ticketNo = record.ticketNo;
  await appendCustody(db, {
    caseId: record.caseId,
    at: now.toISOString(),
    action: 'annotate',
    details: { ...details },
  });
}

/** Records that a complaint was sent and sets its answer deadline (responseDeadline). */
export async function markSent(
  db: EvidenceDB,
  id: string,
  details: SentDetails,
  now: Date,
): Promise<ComplaintRecord> {
  return db.transaction('rw', [db.complaints, db.custody], async () => {
    const record = await db.complaints.get(id);
    if (!record) throw new Error(`complaint ${id} does not exist`);
    const sentAt = sentInstant(details.sentAt);
    if (Number.isNaN(Date.parse(sentAt))) throw new Error(`not a date: ${details.sentAt}`);
    const deadline = responseDeadline(record.channel as ChannelId, sentAt, {
      platformHours: details.platformHours,
      userDeadline: details.userDeadline || undefined,
    });
    const updated: ComplaintRecord = {
      ...record,
      status: 'sent',
      sentAt,
      ticketNo: details.ticketNo?.trim() || undefined,
      deadline: deadline.due,
      platformHours: details.platformHours,
      notifiedAt: undefined,
      updatedAt: now.toISOString(),
    };
    await db.complaints.put(updated);
    await logComplaintEvent(db, updated, 'sent', sentAt, now);
    return updated;
  });
}

/** Records the channel's answer; the reminder for it is then void. */
export async function recordAnswer(
  db: EvidenceDB,
  id: string,
  answer: { answeredAt?: string; summary?: string },
  now: Date,
): Promise<ComplaintRecord> {
  return db.transaction('rw', [db.complaints, db.custody], async () => {
    const record = await db.complaints.get(id);
    if (!record) throw new Error(`complaint ${id} does not exist`);
    const answeredAt = answer.answeredAt || now.toISOString();
    const updated: ComplaintRecord = {
      ...record,
      status: 'answered',
      answeredAt,
      answerSummary: answer.summary?.trim() || undefined,
      updatedAt: now.toISOString(),
    };
    await db.complaints.put(updated);
    await logComplaintEvent(db, updated, 'answered', answeredAt, now);
    return updated;
  });
}

/** Sent complaints with an answer deadline and no answer recorded, in every case. */
export async function awaitingAnswer(db: EvidenceDB): Promise<ComplaintRecord[]> {
  const all = await db.complaints.toArray();
  return all.filter((c) => c.status === 'sent' && c.deadline !== undefined);
}

/** Whether `record` is past its deadline at `now` with no answer recorded. */
export function isPastDeadline(record: ComplaintRecord, now: Date): boolean {
  return (
    record.status === 'sent' &&
    record.deadline !== undefined &&
    now.getTime() > Date.parse(record.deadline)
  );
}

/** Today in China (YYYY-MM-DD). */
export function chinaToday(now: Date): string {
  return chinaDate(toChinaIso(now.getTime()));
}
