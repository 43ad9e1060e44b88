/**
 * The escalation ladder: when a complaint passes its answer deadline with no answer
 * recorded, the next channel to try. Pure; the reminders (chrome.alarms) call it later.
 */
import type { ChannelId } from './channels';
import { recommendChannels } from './guide';
import type { DraftInput, EarlierComplaint } from './input';
import { isOverdue, type ResponseDeadline, responseDeadline } from './response-deadline';

export interface TrackedComplaint {
  complaint: EarlierComplaint;
  deadline: ResponseDeadline;
  overdue: boolean;
}

export type EscalationStep =
  /** Nothing sent yet: begin with the guide's first channel. */
  | { kind: 'start'; channel: ChannelId }
  /** Complaints are still within their deadline. */
  | { kind: 'wait'; until: string; pending: TrackedComplaint[] }
  /** Something is overdue: go to `channel`, stating the unanswered complaints. */
  | { kind: 'escalate'; channel: ChannelId; unanswered: TrackedComplaint[] }
  /** Every complaint was answered; the user decides whether the answer is enough. */
  | { kind: 'answered' }
  /** Every recommended channel has been used. */
  | { kind: 'exhausted'; unanswered: TrackedComplaint[] };

export interface LadderOptions {
  /** Hours the platform is given; 48 by default. */
  platformHours?: number;
}

/** Each sent complaint with its deadline and whether it is overdue at `now`. */
export function trackComplaints(
  complaints: readonly EarlierComplaint[],
  now: string,
  options: LadderOptions = {},
): TrackedComplaint[] {
  return complaints.map((complaint) => {
    const deadline = responseDeadline(complaint.channel, complaint.sentAt, {
      platformHours: options.platformHours,
      userDeadline: complaint.deadline,
    });
    return { complaint, deadline, overdue: isOverdue(deadline, complaint.answered, now) };
  });
}

/** The next step of the ladder for the case at instant `now` (ISO 8601). */
export function nextEscalation(
  input: DraftInput,
  now: string,
  options: LadderOptions = {},
): EscalationStep {
  const guide = recommendChannels(input, now);
  const tracked = trackComplaints(input.complaints, now, options);
  if (tracked.length === 0) {
    const first = guide.recommended[0];
    return first
      ? { kind: 'start', channel: first.channel }
      : { kind: 'exhausted', unanswered: [] };
  }
  const unanswered = tracked.filter((t) => t.overdue);
  const pending = tracked.filter((t) => !t.complaint.answered && !t.overdue && t.deadline.due);
  if (unanswered.length === 0) {
    if (pending.length === 0) return { kind: 'answered' };
    const until = pending
      .map((t) => t.deadline.due ?? '')
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] as string;
    return { kind: 'wait', until, pending };
  }
  const used = new Set(input.complaints.map((c) => c.channel));
  const next = guide.recommended.find((a) => !used.has(a.channel));
  return next
    ? { kind: 'escalate', channel: next.channel, unanswered }
    : { kind: 'exhausted', unanswered };
}
