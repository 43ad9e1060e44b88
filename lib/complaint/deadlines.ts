/**
 * The statutory periods a draft states, computed for the case. Each constant cites where
 * domain-complaints.md takes it from.
 */
import { addDays, addYears, chinaDate, daysBetween } from './calendar-date';
import type { DraftInput } from './input';
import { addWorkingDays, type WorkingDayDeadline } from './working-days';

/** 12315 decides whether to accept within 7 working days of receipt (121号令 第15条; 消法 第46条). */
export const ACCEPTANCE_WORKING_DAYS = 7;
/** Mediation ends without agreement 60 days after acceptance (121号令 第22–23条). */
export const MEDIATION_DAYS = 60;
/** 12315 refuses after 3 years (121号令 第16条); the limitation period is 3 years (民法典 第188条). */
export const LIMITATION_YEARS = 3;

/** The last day for 12315 to decide whether to accept a complaint received on `receivedOn`. */
export function acceptanceDeadline(receivedOn: string): WorkingDayDeadline {
  return addWorkingDays(chinaDate(receivedOn), ACCEPTANCE_WORKING_DAYS);
}

/** The day 12315 mediation ends if no agreement was reached (lab testing time not counted). */
export function mediationEnds(acceptedOn: string): string {
  return addDays(chinaDate(acceptedOn), MEDIATION_DAYS);
}

/** When the user knew of the harm: as stated, else the earliest order date. */
export function harmKnownDate(input: DraftInput): string | undefined {
  if (input.case.harmKnownAt) return chinaDate(input.case.harmKnownAt);
  const dates = input.orders.flatMap((o) => (o.placedAt ? [chinaDate(o.placedAt)] : []));
  return dates.sort()[0];
}

export interface LimitationStatus {
  knownOn: string;
  /** The last day of the three years. */
  lastDay: string;
  expired: boolean;
  daysLeft: number;
}

/** Where the case stands against the 3-year period, or undefined when no date is known. */
export function limitationStatus(input: DraftInput): LimitationStatus | undefined {
  const knownOn = harmKnownDate(input);
  if (!knownOn) return undefined;
  const lastDay = addYears(knownOn, LIMITATION_YEARS);
  const daysLeft = daysBetween(input.today, lastDay);
  return { knownOn, lastDay, expired: daysLeft < 0, daysLeft };
}
