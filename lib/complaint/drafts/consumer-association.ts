/** 消费者协会 / 消保委 mediation (消费者权益保护法 第39条, domain-complaints.md §4). */
import { formatCnDate, formatCnDateTime } from '../calendar-date';
import type { ChannelDraftSpec } from '../draft-types';
import { claimsText, demandLine, factsText, field, orBlank, respondentName } from '../draft-parts';
import { formatYuan } from '../money';
import type { DraftContext } from './context';

/** Drafts the request for mediation to the consumer association. */
export function draftConsumerAssociation({ input, claims }: DraftContext): ChannelDraftSpec {
  const order = input.orders[0];
  return {
    title: '消费投诉调解申请',
    fields: [
      field('name', '投诉人姓名', input.profile.name),
      field('address', '投诉人地址', input.profile.address),
      field('phone', '投诉人电话', input.profile.phone),
      field('respondent', '被投诉方名称', respondentName(input)),
      field('respondentAddress', '被投诉方地址', input.platform.address),
      field('respondentPhone', '被投诉方电话', input.platform.phone ?? input.platform.contacts[0]),
      field('when', '受损害时间', order?.placedAt && formatCnDateTime(order.placedAt)),
      field('where', '地点（网址）', input.platform.url),
      field('course', '经过', input.case.description),
      field('negotiation', '协商情况', input.case.negotiation),
      field('purchaseDate', '购买日期', order?.placedAt && formatCnDate(order.placedAt)),
      field('product', '商品', order?.product),
      field('price', '价格', order?.amount === undefined ? undefined : formatYuan(order.amount)),
      field(
        'receipt',
        '凭证（订单号、支付交易号）',
        order && [order.orderId, order.tradeNo].filter(Boolean).join('，'),
      ),
      field('demand', '诉求', demandLine(claims)),
    ],
    sections: [
      {
        heading: '被投诉方',
        body: `${orBlank(respondentName(input), '被投诉方名称')}，地址：${orBlank(input.platform.address, '被投诉方地址')}`,
      },
      { heading: '事实经过', body: factsText(input) },
      {
        heading: '请求',
        body: `请求贵会依法调解（《消费者权益保护法》第39条），促成对方：\n${claimsText(claims)}`,
      },
    ],
    legalRefs: ['cpl-39'],
    // doc §4: statutory time limits for 消协: none found (UNVERIFIED).
    warnings: [
      '消协调解没有已核实的法定办理时限，请向受理的消协询问进度。',
      '被投诉方无法确定、没有任何证据或已由其他机关处理的投诉，消协一般不受理。',
    ],
    evidenceKinds: 'all',
  };
}
