import { z } from 'zod';

/** ★ Contract 4: the complaint channels, in the usual escalation order of domain-complaints.md. */
export const ChannelId = z.enum([
  'platform',
  'wechat-pay',
  'alipay',
  'bank',
  '12315',
  'consumer-association',
  'heimao',
  '12321',
  'police',
  'court',
]);
export type ChannelId = z.infer<typeof ChannelId>;

export const CHANNEL_IDS: readonly ChannelId[] = ChannelId.options;

/** How the channel takes a complaint: a web form (fields to copy) or a letter/document. */
export type ChannelForm = 'form' | 'letter';

export interface ChannelInfo {
  id: ChannelId;
  /** The name used in drafts, e.g. in "于…向全国12315平台投诉". */
  name: string;
  form: ChannelForm;
  /** Where the user files it; no URL is given where the doc does not name one. */
  where: string;
}

export const CHANNELS: Record<ChannelId, ChannelInfo> = {
  platform: {
    id: 'platform',
    name: '平台客服',
    form: 'letter',
    where: '平台的在线客服、工单或投诉入口',
  },
  'wechat-pay': {
    id: 'wechat-pay',
    name: '微信支付',
    form: 'form',
    where: '微信：账单 → 交易详情 → 对订单有疑惑 → 投诉商家',
  },
  alipay: {
    id: 'alipay',
    name: '支付宝',
    form: 'form',
    where: '支付宝账单中该笔交易的投诉入口（以支付宝页面为准）',
  },
  bank: {
    id: 'bank',
    name: '发卡银行',
    form: 'form',
    where: '发卡银行的客服电话或手机银行',
  },
  '12315': {
    id: '12315',
    name: '全国12315平台',
    form: 'form',
    where: '全国12315平台（网站、小程序或App）',
  },
  'consumer-association': {
    id: 'consumer-association',
    name: '消费者协会',
    form: 'letter',
    where: '当地消费者协会（消保委）',
  },
  heimao: {
    id: 'heimao',
    name: '黑猫投诉',
    form: 'form',
    where: '新浪黑猫投诉',
  },
  '12321': {
    id: '12321',
    name: '12321网络不良与垃圾信息举报受理中心',
    form: 'form',
    where: '12321举报中心网站',
  },
  police: {
    id: 'police',
    name: '公安机关',
    form: 'letter',
    where: '当地派出所或拨打110',
  },
  court: {
    id: 'court',
    name: '人民法院',
    form: 'letter',
    where: '有管辖权的人民法院（可网上立案）',
  },
};
