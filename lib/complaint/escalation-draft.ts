/** The draft for the next rung of the ladder, stating the complaints left unanswered. */
import { draftComplaint, type DraftOptions } from './draft';
import type { ComplaintDraft } from './draft-types';
import { type EscalationStep, type LadderOptions, nextEscalation } from './escalation';
import { DraftInput, type DraftInputDraft } from './input';

export interface Escalation {
  step: EscalationStep;
  /** Present when the step is to escalate (or to start). */
  draft?: ComplaintDraft;
}

/** The next step at `now` and, when there is a channel to go to, its draft. */
export function draftEscalation(
  input: DraftInputDraft | DraftInput,
  now: string,
  options: LadderOptions & DraftOptions = {},
): Escalation {
  const parsed = DraftInput.parse(input);
  const step = nextEscalation(parsed, now, options);
  if (step.kind === 'escalate' || step.kind === 'start') {
    return { step, draft: draftComplaint(parsed, step.channel, options) };
  }
  return { step };
}
