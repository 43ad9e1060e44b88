/** 12321 (中国互联网协会, for MIIT): reporting a fraudulent site (domain-complaints.md §5). */
import type { ChannelDraftSpec } from '../draft-types';
import { disputeText, evidenceCite, field } from '../draft-parts';
import type { DraftContext } from './context';

/** Drafts the report of the site: full URL, what is harmful, how it was reached. */
export function draft12321({ input }: DraftContext): ChannelDraftSpec {
  const site = input.platform;
  const promise = input.promises[0];
  const content = [
    `该网站销售虚拟商品，${disputeText(input.case.disputeType)}。`,
    input.case.deceitDetails ?? '',
    promise ? `页面承诺“${promise.text}”（证据${promise.evidence.number}）。` : '',
    site.icp ? `页面标示的ICP备案号为${site.icp}。` : '页面未见ICP备案号。',
  ].join('');
  const evidence = input.evidence.filter((e) => e.kind !== 'payment');
  return {
    title: '12321 网站举报',
    fields: [
      field('url', '网址（完整URL）', site.url),
      field('content', '有害内容描述', content),
      field('howReached', '如何到达该网站', input.case.howSiteWasReached),
      field(
        'evidence',
        '截图证据',
        evidence.length ? evidenceCite(evidence.map((e) => e.number)) : undefined,
      ),
      field('phone', '联系电话', input.profile.phone),
    ],
    sections: [],
    legalRefs: [],
    warnings: [
      '12321受理的是对欺诈网站的举报，不负责调解退款；追回款项请同时使用支付渠道、12315或法院。',
      '网站内容违法的，也可向12377（违法和不良信息举报中心）举报。',
    ],
    evidenceKinds: ['promise', 'licence', 'order', 'chat', 'other'],
  };
}
