/** Complaints to the payment channel: WeChat Pay, Alipay, the issuing bank (domain-complaints.md §2). */
import { formatCnDateTime } from '../calendar-date';
import type { ChannelDraftSpec } from '../draft-types';
import {
  blank,
  demandLine,
  disputeText,
  earlierComplaintsText,
  evidenceCite,
  field,
  orBlank,
  ordersText,
  respondentName,
} from '../draft-parts';
import { formatYuan } from '../money';
import { paymentChannelOf } from '../payment-channel';
import type { DraftContext } from './context';
import type { OrderInput } from '../input';

function paidWith(
  ctx: DraftContext,
  channel: 'wechat-pay' | 'alipay' | 'bank',
): OrderInput | undefined {
  return (
    ctx.input.orders.find((o) => paymentChannelOf(o.paymentMethod) === channel) ??
    ctx.input.orders[0]
  );
}

function shortDescription(ctx: DraftContext): string {
  const { input } = ctx;
  const parts = [
    `在${orBlank(input.platform.name ?? input.platform.url, '网站名称')}购买虚拟商品，${disputeText(input.case.disputeType)}。`,
  ];
  if (input.case.description) parts.push(input.case.description);
  const promise = input.promises[0];
  if (promise) parts.push(`商家页面承诺“${promise.text}”（证据${promise.evidence.number}）。`);
  const earlier = earlierComplaintsText(input);
  if (earlier) parts.push(earlier.replace(/\n/g, ''));
  return parts.join('');
}

function refundAmount(ctx: DraftContext): string | undefined {
  const refund = ctx.claims.claims.find((c) => c.kind === 'refund');
  return refund?.amount === undefined ? undefined : formatYuan(refund.amount);
}

/** WeChat Pay: 账单 → 交易详情 → 对订单有疑惑 → 投诉商家. */
export function draftWechatPay(ctx: DraftContext): ChannelDraftSpec {
  const order = paidWith(ctx, 'wechat-pay');
  const evidence = ctx.input.evidence.filter(
    (e) => e.kind === 'payment' || e.kind === 'order' || e.kind === 'chat',
  );
  return {
    title: '微信支付投诉商家',
    fields: [
      field('problemType', '问题类型', disputeText(ctx.input.case.disputeType)),
      field('description', '问题描述', shortDescription(ctx)),
      field('refund', '申请退款金额', refundAmount(ctx)),
      field(
        'images',
        '图片凭证',
        evidence.length ? evidenceCite(evidence.map((e) => e.number)) : undefined,
        '截图：账单详情、订单页、聊天记录',
      ),
      field('phone', '联系电话', ctx.input.profile.phone),
    ],
    sections: [
      { heading: '入口', body: '微信账单 → 该笔交易的交易详情 → 对订单有疑惑 → 投诉商家。' },
      {
        heading: '交易信息',
        body: order
          ? `交易单号${orBlank(order.tradeNo, '交易单号')}，商户单号${orBlank(order.merchantOrderNo, '商户单号')}，金额${order.amount === undefined ? blank('金额') : formatYuan(order.amount)}`
          : blank('交易信息'),
      },
      { heading: '订单', body: ordersText(ctx.input) },
      { heading: '诉求', body: demandLine(ctx.claims) },
    ],
    legalRefs: [],
    warnings: [
      // doc §2: third-party reports of WeChat's merchant rule; say "usually".
      '据第三方转述，商户通常约1天内回复、约3天内处理完毕，这不是微信支付的承诺。',
      '通过小程序购买的（小程序交易保障），商家处理阶段在48小时后结束。',
      // doc §2: the window after payment is UNVERIFIED.
      '可投诉的时间范围请以微信支付页面为准，尽早投诉。',
    ],
    evidenceKinds: ['payment', 'order', 'chat'],
  };
}

/** Alipay's 投诉商家: path and windows are unverified, so the draft gives the usual fields only. */
export function draftAlipay(ctx: DraftContext): ChannelDraftSpec {
  const order = paidWith(ctx, 'alipay');
  return {
    title: '支付宝投诉商家',
    fields: [
      field('tradeNo', '交易号', order?.tradeNo, '支付宝账单 → 交易详情'),
      field('merchantOrderNo', '商户订单号', order?.merchantOrderNo),
      field('merchant', '商家全称', respondentName(ctx.input), '账单详情中显示的收款方全称'),
      field('amount', '金额', order?.amount === undefined ? undefined : formatYuan(order.amount)),
      field('time', '交易时间', order?.placedAt && formatCnDateTime(order.placedAt)),
      field('reason', '投诉原因', disputeText(ctx.input.case.disputeType)),
      field('description', '问题描述', shortDescription(ctx)),
      field('refund', '退款金额', refundAmount(ctx)),
      field(
        'images',
        '图片凭证',
        ctx.input.evidence.length
          ? evidenceCite(
              ctx.input.evidence.filter((e) => e.kind !== 'licence').map((e) => e.number),
            )
          : undefined,
      ),
    ],
    sections: [
      {
        heading: '入口',
        body: '在支付宝账单中找到该笔交易，按页面提示投诉商家（具体入口以支付宝页面为准）。',
      },
      { heading: '订单', body: ordersText(ctx.input) },
      { heading: '诉求', body: demandLine(ctx.claims) },
    ],
    legalRefs: [],
    // doc §2: Alipay's consumer path, windows and merchant deadline are UNVERIFIED.
    warnings: ['支付宝投诉的时限和商家处理期限未经核实，请以支付宝页面说明为准，尽早提交。'],
    evidenceKinds: ['payment', 'order', 'chat'],
  };
}

/** A bank-card dispute (争议交易): the windows are unverified, so the draft says to call at once. */
export function draftBank(ctx: DraftContext): ChannelDraftSpec {
  const order = paidWith(ctx, 'bank');
  return {
    title: '银行卡争议交易申请',
    fields: [
      field('cardholder', '持卡人姓名', ctx.input.profile.name),
      field('phone', '联系电话', ctx.input.profile.phone),
      field('time', '交易时间', order?.placedAt && formatCnDateTime(order.placedAt)),
      field(
        'amount',
        '交易金额',
        order?.amount === undefined ? undefined : formatYuan(order.amount),
      ),
      field('merchant', '商户名称', respondentName(ctx.input), '银行账单上显示的商户名称'),
      field('tradeNo', '交易流水号', order?.tradeNo),
      field('reason', '争议原因', disputeText(ctx.input.case.disputeType)),
      field('description', '情况说明', shortDescription(ctx)),
    ],
    sections: [
      { heading: '订单', body: ordersText(ctx.input) },
      { heading: '诉求', body: demandLine(ctx.claims) },
    ],
    legalRefs: [],
    warnings: [
      // doc §2: dispute windows (often quoted 120–180 days) are UNVERIFIED.
      '争议交易（拒付）的申请时限未经核实，请立即联系发卡银行确认。',
      '如果是对银行或支付机构本身的服务不满，可拨打人民银行金融消费权益保护咨询投诉电话12363。',
    ],
    evidenceKinds: ['payment', 'order', 'chat'],
  };
}
