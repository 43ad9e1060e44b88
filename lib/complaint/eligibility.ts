/**
 * Why 12315 would not accept a complaint (投诉) about this case, before the user tries.
 * 市场监督管理投诉举报处理办法 (总局令第121号) 第16条, per domain-complaints.md §3.
 */
import { formatCnDate } from './calendar-date';
import { limitationStatus } from './deadlines';
import type { DraftInput } from './input';
import type { LegalRefId } from './legal-refs';

export type RefusalReason = 'resale' | 'over-three-years' | 'handled-elsewhere';

export interface Refusal {
  reason: RefusalReason;
  text: string;
  legalRef: LegalRefId;
}

/** The grounds on which 12315 would refuse the 投诉 part; empty when none applies. */
export function refusals12315(input: DraftInput): Refusal[] {
  const out: Refusal[] = [];
  if (input.case.purpose === 'resale') {
    out.push({
      reason: 'resale',
      // 121号令 第16条: not for personal consumption → not accepted.
      text: '本次购买用于转售（代理、分站），不属于为生活消费需要，12315不受理此类投诉；可向法院起诉，违法行为仍可举报。',
      legalRef: 'samr-16',
    });
  }
  const limitation = limitationStatus(input);
  if (limitation?.expired) {
    out.push({
      reason: 'over-three-years',
      // 121号令 第16条: more than 3 years since the consumer knew of the harm.
      text: `自知道权益受损之日（${formatCnDate(limitation.knownOn)}）起已超过三年，12315不受理此投诉。`,
      legalRef: 'samr-16',
    });
  }
  if (input.complaints.some((c) => c.channel === 'court' || c.channel === 'consumer-association')) {
    out.push({
      reason: 'handled-elsewhere',
      // 121号令 第16条: already handled by a court, arbitration, a regulator or 消协.
      text: '此前已向法院或消费者协会提出，如对方已经受理或处理，12315将不再受理同一投诉。',
      legalRef: 'samr-16',
    });
  }
  return out;
}

/** Whether 12315 would refuse outright (the 'handled-elsewhere' ground depends on the other body). */
export function twelve315Refuses(input: DraftInput): boolean {
  return refusals12315(input).some((r) => r.reason !== 'handled-elsewhere');
}
