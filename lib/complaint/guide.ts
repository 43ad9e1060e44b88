/**
 * The channel guide: where to go for this case, in what order, and why. A pure function
 * of the case; the user can always pick any channel regardless.
 */
import { formatCnDate } from './calendar-date';
import { CHANNELS, type ChannelId } from './channels';
import { computeClaims } from './claims';
import { courtProcedureNotes } from './court-venue';
import { limitationStatus } from './deadlines';
import { twelve315Refuses, refusals12315 } from './eligibility';
import { fraudThresholdNote, totalLoss } from './fraud-threshold';
import type { DraftInput, EarlierComplaint } from './input';
import { paymentChannels } from './payment-channel';
import { isOverdue, responseDeadline } from './response-deadline';

export type ComplaintState = 'not-sent' | 'waiting' | 'overdue' | 'answered';

export interface ChannelAdvice {
  channel: ChannelId;
  name: string;
  reason: string;
  caution?: string;
  /** What became of complaints already sent through this channel. */
  state: ComplaintState;
}

export interface ChannelGuide {
  recommended: ChannelAdvice[];
  notRecommended: { channel: ChannelId; reason: string }[];
  notes: string[];
}

/** The state of the latest complaint sent through `channel`, as of `now`. */
export function channelState(
  complaints: readonly EarlierComplaint[],
  channel: ChannelId,
  now: string,
): ComplaintState {
  const sent = complaints.filter((c) => c.channel === channel);
  if (sent.length === 0) return 'not-sent';
  if (sent.some((c) => c.answered)) return 'answered';
  const overdue = sent.some((c) =>
    isOverdue(responseDeadline(c.channel, c.sentAt, { userDeadline: c.deadline }), false, now),
  );
  return overdue ? 'overdue' : 'waiting';
}

/** Recommends channels for the case, in the order to try them. `now` defaults to the end of `today`. */
export function recommendChannels(
  input: DraftInput,
  now = `${input.today}T23:59:59+08:00`,
): ChannelGuide {
  const recommended: ChannelAdvice[] = [];
  const notRecommended: ChannelGuide['notRecommended'] = [];
  const notes: string[] = [];
  const { disputeType, purpose, merchantDeceived } = input.case;
  const vanished = disputeType === 'site-vanished';
  const resale = purpose === 'resale';
  const add = (channel: ChannelId, reason: string, caution?: string) =>
    recommended.push({
      channel,
      name: CHANNELS[channel].name,
      reason,
      caution,
      state: channelState(input.complaints, channel, now),
    });

  if (vanished) {
    notRecommended.push({
      channel: 'platform',
      reason: '网站已无法访问或联系，无法向其投诉；如仍有客服联系方式，可先留言并保存记录。',
    });
  } else {
    // doc §1: always first; its written reply or silence is evidence for later channels.
    add('platform', '先向平台书面投诉：它的答复或不答复本身就是后续渠道的证据。');
  }

  const payments = paymentChannels(input);
  const payReason = vanished
    ? '网站已消失，尽快通过支付渠道投诉商户，争取冻结或追回款项。'
    : '商家拖延或拒绝时，向付款渠道投诉商户，请支付机构介入。';
  if (payments.length > 0) {
    for (const ch of payments)
      add(ch, payReason, ch === 'bank' ? '发卡行受理争议交易的时限请立即向银行确认。' : undefined);
  } else {
    notes.push('订单的支付方式未知：请补充，向对应的微信支付、支付宝或发卡银行投诉。');
  }

  if (resale) {
    // 121号令 第16条: not for personal consumption → 12315 does not accept the 投诉.
    notRecommended.push({
      channel: '12315',
      reason:
        '用于转售（代理、分站）的购买不属于生活消费，12315不受理投诉；平台有未亮照等违法行为的，仍可单独举报。',
    });
    notRecommended.push({
      channel: 'consumer-association',
      reason: '消协调解的是消费者的消费纠纷；转售用途请考虑向法院起诉。',
    });
  } else if (twelve315Refuses(input)) {
    notRecommended.push({
      channel: '12315',
      reason: refusals12315(input)
        .map((r) => r.text)
        .join(''),
    });
  } else {
    add(
      '12315',
      '向市场监管部门投诉（请求调解）；平台未公示营业执照、虚假宣传等违法行为可同时举报，两者分开处理。',
      purpose === 'unknown' ? '请先确认是否为自用：为转售购买的，12315不受理投诉。' : undefined,
    );
    add('consumer-association', '请求消费者协会调解。', '消协调解没有已核实的法定时限。');
  }

  add(
    'heimao',
    '公开投诉，借助舆论压力促使商家处理。',
    '黑猫投诉的内容公开可见：提交前请遮盖手机号、身份证号、住址、卡密和支付单号。',
  );

  if (vanished || merchantDeceived) {
    add('12321', '举报欺诈网站（网址、内容、如何进入该网站）；该渠道不负责调解退款。');
    add(
      'police',
      '网站卷款消失或以虚假发货等方式骗取钱款的，属于诈骗线索，可报警并请求出具受案回执。',
      fraudThresholdNote(totalLoss(input)),
    );
  }

  const claims = computeClaims(input);
  const limitation = limitationStatus(input);
  add(
    'court',
    resale
      ? '转售用途不能向12315投诉，可直接向法院起诉（网络购物合同纠纷）。'
      : '其他渠道没有结果时向法院起诉；主张欺诈三倍赔偿须由法院认定。',
    limitation
      ? limitation.expired
        ? `自${formatCnDate(limitation.knownOn)}起已超过三年诉讼时效（《民法典》第188条），对方可提出时效抗辩。`
        : `诉讼时效三年，至${formatCnDate(limitation.lastDay)}届满（《民法典》第188条）；每次投诉的回执请保存，可能构成时效中断的证据。`
      : undefined,
  );
  notes.push(...courtProcedureNotes(input, claims.total));

  return { recommended, notRecommended, notes };
}
