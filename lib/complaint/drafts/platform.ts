/** The platform's own complaint entry (domain-complaints.md §1): always first. */
import { addHoursChina, formatCnDate, formatCnDateTime } from '../calendar-date';
import { formatYuan } from '../money';
import type { ChannelDraftSpec } from '../draft-types';
import {
  claimsText,
  demandLine,
  disputeText,
  factsText,
  field,
  orBlank,
  respondentName,
} from '../draft-parts';
import { DEFAULT_PLATFORM_HOURS } from '../response-deadline';
import type { LegalRefId } from '../legal-refs';
import type { DraftContext } from './context';

/** Drafts the complaint to the platform's customer service. */
export function draftPlatform(
  { input, claims }: DraftContext,
  platformHours = DEFAULT_PLATFORM_HOURS,
): ChannelDraftSpec {
  const order = input.orders[0];
  const thirdParty = input.platform.sellerName !== undefined;
  const replyBy = addHoursChina(`${input.today}T23:59:00+08:00`, platformHours);
  const fields = [
    field('account', '平台账号', input.profile.platformAccount),
    field('contact', '注册手机号或邮箱', input.profile.phone ?? input.profile.email),
    field('orderId', '订单号', order?.orderId),
    field('placedAt', '下单时间', order?.placedAt && formatCnDateTime(order.placedAt)),
    field(
      'product',
      '商品（游戏、面值、充值账号）',
      order && [order.product, order.rechargeAccount].filter(Boolean).join('，'),
    ),
    field('quantity', '数量', order?.quantity?.toString()),
    field('amount', '实付金额', order?.amount === undefined ? undefined : formatYuan(order.amount)),
    field('paymentMethod', '支付方式', order?.paymentMethod),
    field('tradeNo', '支付交易号', order?.tradeNo, '在微信/支付宝账单的交易详情中，不是订单号'),
    field('problem', '问题类型', disputeText(input.case.disputeType)),
    field('description', '问题描述', input.case.description),
    field('demand', '诉求', demandLine(claims)),
  ];

  // 电子商务法 第59条 (complaint mechanism), 第62条 (original records), 第31条 (3-year keeping).
  const legalRefs: LegalRefId[] = ['ecl-59', 'ecl-62', 'ecl-31'];
  const requests = [
    '请提供本订单的原始合同（下单时的商品页面及规则）和完整交易记录，包括发货记录和卡密发放记录（《电子商务法》第62条、第31条）。',
  ];
  if (thirdParty) {
    // 消费者权益保护法 第44条 and 电子商务法 第38条: platform liability for third-party sellers.
    legalRefs.push('cpl-44', 'ecl-38');
    requests.push(
      `本商品由平台内商家“${input.platform.sellerName}”出售。请提供该商家的真实名称、地址和有效联系方式；不能提供的，平台应承担赔偿责任（《消费者权益保护法》第44条）。`,
    );
  }
  if (input.case.disputeType === 'refund-refused') {
    // 消费者权益保护法 第26条: terms like "卡密售出概不退换" are void.
    legalRefs.push('cpl-26');
    requests.push(
      '“卡密售出概不退换”之类排除消费者权利的格式条款无效（《消费者权益保护法》第26条），不能作为拒绝退款的理由。',
    );
  }

  return {
    title: `关于订单${orBlank(order?.orderId, '订单号')}的投诉`,
    fields,
    sections: [
      { heading: '投诉对象', body: orBlank(respondentName(input), '平台名称') },
      { heading: '事实经过', body: factsText(input) },
      { heading: '诉求', body: claimsText(claims) },
      { heading: '请求提供的材料', body: requests.join('\n') },
      {
        heading: '答复期限',
        body: `请于${formatCnDateTime(replyBy)}前书面答复处理结果（依《电子商务法》第59条，平台应及时受理并处理投诉）。逾期未答复的，我将向支付渠道、市场监管部门等投诉，并保留起诉的权利。`,
      },
      {
        heading: '投诉人',
        body: `${orBlank(input.profile.name, '姓名')}，${formatCnDate(input.today)}`,
      },
    ],
    legalRefs,
    evidenceKinds: ['order', 'payment', 'promise', 'chat'],
  };
}
