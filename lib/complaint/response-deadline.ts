/**
 * When to expect an answer from each channel, for the reminder and the escalation ladder.
 * Only 12315 has a statutory period; for the others the doc either reports a practice
 * ("usually") or knows none, and the user picks the date (a default is offered).
 */
import { addDays, addHoursChina, chinaDate, endOfChinaDay, formatCnDate } from './calendar-date';
import type { ChannelId } from './channels';
import { ACCEPTANCE_WORKING_DAYS, acceptanceDeadline } from './deadlines';
import type { LegalRefId } from './legal-refs';

export type DeadlineBasis = 'statutory' | 'practice' | 'user' | 'none';

export interface ResponseDeadline {
  /** The instant after which an answer is overdue (`+08:00`); absent when none applies. */
  due?: string;
  basis: DeadlineBasis;
  /** True when counted Monday–Friday for a year the holiday calendar does not cover. */
  estimated: boolean;
  explanation: string;
  legalRef?: LegalRefId;
}

/** The platform's reply deadline when the user sets none (issue 6: 48 h by default). */
export const DEFAULT_PLATFORM_HOURS = 48;
/** A follow-up reminder for channels with no known deadline; not a legal period. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** WeChat Pay merchants usually finish within about 3 days (doc §2, third-party report). */
const WECHAT_USUAL_DAYS = 3;
/** Police normally decide within 3 days whether to open a case (doc §6). */
const POLICE_USUAL_DAYS = 3;

export interface DeadlineOptions {
  /** Hours the platform is given to answer; 48 by default. */
  platformHours?: number;
  /** A deadline the user chose for this complaint; it wins over any default. */
  userDeadline?: string;
}

/** The answer deadline for a complaint sent on `sentAt` through `channel`. */
export function responseDeadline(
  channel: ChannelId,
  sentAt: string,
  options: DeadlineOptions = {},
): ResponseDeadline {
  if (channel === '12315') {
    // 121号令 第15条: acceptance decision within 7 working days of receipt.
    const d = acceptanceDeadline(sentAt);
    return {
      due: endOfChinaDay(d.date),
      basis: 'statutory',
      estimated: d.estimated,
      explanation: `市场监管部门应在收到投诉后${ACCEPTANCE_WORKING_DAYS}个工作日内决定是否受理，即${formatCnDate(d.date)}前${
        d.estimated ? '（该年度节假日安排尚未公布，按周一至周五估算）' : ''
      }。`,
      legalRef: 'samr-15',
    };
  }
  if (options.userDeadline) {
    return {
      due: /^\d{4}-\d{2}-\d{2}$/.test(options.userDeadline)
        ? endOfChinaDay(options.userDeadline)
        : addHoursChina(options.userDeadline, 0),
      basis: 'user',
      estimated: false,
      explanation: `您设定的答复期限：${formatCnDate(options.userDeadline)}。`,
    };
  }
  switch (channel) {
    case 'platform': {
      const hours = options.platformHours ?? DEFAULT_PLATFORM_HOURS;
      return {
        due: addHoursChina(sentAt, hours),
        basis: 'user',
        estimated: false,
        // No statutory deadline exists for the platform (doc §1): the user chooses one.
        explanation: `法律未规定平台的答复时限，本草稿给平台${hours}小时答复（可自行调整）。`,
      };
    }
    case 'wechat-pay':
      return {
        due: endOfChinaDay(addDays(chinaDate(sentAt), WECHAT_USUAL_DAYS)),
        basis: 'practice',
        estimated: false,
        // doc §2: third-party reports of WeChat's merchant rule; "usually", not a promise.
        explanation:
          '据第三方转述的微信支付商户规则，商户通常约1天内回复、约3天内处理完毕，并非承诺。',
      };
    case 'police':
      return {
        due: endOfChinaDay(addDays(chinaDate(sentAt), POLICE_USUAL_DAYS)),
        basis: 'practice',
        estimated: false,
        // doc §6: normally 3 days, 7 if leads need checking, up to 30 for complex cases.
        explanation: '公安机关通常在3日内决定是否立案；需要核查线索的可至7日，重大复杂的最长30日。',
      };
    case 'court':
      return { basis: 'none', estimated: false, explanation: '起诉后按法院通知办理。' };
    default:
      return {
        due: endOfChinaDay(addDays(chinaDate(sentAt), DEFAULT_FOLLOW_UP_DAYS)),
        basis: 'user',
        estimated: false,
        explanation: `该渠道没有已核实的答复时限，${DEFAULT_FOLLOW_UP_DAYS}天后提醒您跟进（可自行调整）。`,
      };
  }
}

/** Whether a complaint is past its deadline at `now` without an answer recorded. */
export function isOverdue(deadline: ResponseDeadline, answered: boolean, now: string): boolean {
  if (answered || !deadline.due) return false;
  return Date.parse(now) > Date.parse(deadline.due);
}
