/**
 * 全国12315平台 (domain-complaints.md §3): 投诉 and 举报 are separate sections because one
 * submission mixing both is handled as two (总局令第121号 第9条).
 */
import { formatCnDate } from '../calendar-date';
import { ACCEPTANCE_WORKING_DAYS, MEDIATION_DAYS, acceptanceDeadline } from '../deadlines';
import type { ChannelDraftSpec, DraftSection } from '../draft-types';
import { claimsText, factsText, field, orBlank, respondentName, siteLabel } from '../draft-parts';
import { refusals12315 } from '../eligibility';
import type { LegalRefId } from '../legal-refs';
import { formatYuan } from '../money';
import type { DraftContext } from './context';

/** The violations a 举报 can point to, from what the case shows. */
function reportLeads(ctx: DraftContext): string[] {
  const { input } = ctx;
  const leads: string[] = [];
  if (input.platform.licenceDisplayed === false) {
    // 电子商务法 第15条, 网络交易监督管理办法 第12条: the homepage must show the licence.
    leads.push(
      `${siteLabel(input)}首页未公示营业执照信息或其链接，涉嫌违反《电子商务法》第15条、《网络交易监督管理办法》第12条。`,
    );
  }
  if (input.case.merchantDeceived) {
    const promise = input.promises[0];
    leads.push(
      `经营者涉嫌以虚假承诺欺骗消费者${input.case.deceitDetails ? `：${input.case.deceitDetails}` : ''}${
        promise ? `（页面承诺“${promise.text}”，证据${promise.evidence.number}）` : ''
      }，请依法调查。`,
    );
  }
  return leads;
}

/** Drafts the 12315 submission: the 投诉 (mediation request) and, separately, any 举报 leads. */
export function draft12315(ctx: DraftContext): ChannelDraftSpec {
  const { input, claims } = ctx;
  const order = input.orders[0];
  const refusals = refusals12315(input);
  const blocked = refusals.some((r) => r.reason !== 'handled-elsewhere');
  const leads = reportLeads(ctx);
  const acceptance = acceptanceDeadline(input.today);

  const fields = [
    // 121号令 第10条: name, phone, mailing address; respondent's name and address; demand; facts.
    field('name', '投诉人姓名', input.profile.name),
    field('phone', '手机号码', input.profile.phone),
    field('address', '通讯地址', input.profile.address),
    field('respondent', '被投诉方名称', respondentName(input)),
    field(
      'respondentAddress',
      '被投诉方地址',
      input.platform.address,
      '见网站的营业执照公示，或在国家企业信用信息公示系统 gsxt.gov.cn 查询',
    ),
    field(
      'creditCode',
      '统一社会信用代码',
      input.platform.creditCode,
      '见网站的营业执照公示，或在 gsxt.gov.cn 查询',
    ),
    field(
      'shop',
      '网店名称及网址',
      input.platform.name && input.platform.url
        ? `${input.platform.name} ${input.platform.url}`
        : (input.platform.name ?? input.platform.url),
    ),
    field('purchaseDate', '购买日期', order?.placedAt && formatCnDate(order.placedAt)),
    field('product', '商品名称', order?.product),
    field('amount', '金额', order?.amount === undefined ? undefined : formatYuan(order.amount)),
    field('orderId', '订单号', order?.orderId),
  ];

  const legalRefs: LegalRefId[] = [
    'samr-9',
    'samr-10',
    'samr-13',
    'samr-15',
    'samr-23',
    'samr-16',
    'samr-42',
  ];
  const sections: DraftSection[] = [];
  if (blocked) {
    sections.push({
      heading: '投诉请求',
      body: `本案不宜提交投诉：${refusals.map((r) => r.text).join('')}`,
    });
  } else {
    sections.push(
      { heading: '投诉请求', body: claimsText(claims) },
      { heading: '事实与理由', body: factsText(input) },
    );
  }
  sections.push({
    heading: '举报线索',
    body:
      leads.length > 0
        ? leads.join('\n')
        : '暂无举报线索（如网站未公示营业执照、存在虚假宣传，可在此单独举报；举报用于查处违法行为，不解决个人退款）。',
  });
  if (leads.length > 0 && input.platform.licenceDisplayed === false) legalRefs.push('ecl-15');
  if (input.case.merchantDeceived) legalRefs.push('cpl-20');
  // The 投诉请求 asks for three times the price (or offers it as the alternative): cite
  // its basis, 消费者权益保护法 第55条, as the court draft does.
  if (!blocked && claims.claims.some((c) => c.kind === 'fraud-compensation'))
    legalRefs.push('cpl-55');
  sections.push(
    {
      heading: '管辖',
      body: `由被投诉方登记地的县级市场监管部门处理；平台内商家由其公示地址或平台登记地的部门处理（第13条）。被投诉方登记地址：${orBlank(input.platform.address, '被投诉方地址')}。`,
    },
    {
      heading: '时限',
      // 121号令 第15条 (7 working days), 第22–23条 (60 days), doc §3.
      body: [
        `市场监管部门应在收到投诉后${ACCEPTANCE_WORKING_DAYS}个工作日内决定是否受理（第15条）。如今天（${formatCnDate(input.today)}）提交，应在${formatCnDate(acceptance.date)}前作出决定${
          acceptance.estimated
            ? '（该年度的法定节假日安排尚未公布，此日期按周一至周五估算）'
            : '（已按法定节假日和调休计算）'
        }。`,
        `受理后${MEDIATION_DAYS}日内未达成调解协议的，终止调解，检测鉴定时间不计入（第22条、第23条）。`,
      ].join('\n'),
    },
    {
      heading: '注意',
      body: '12315只受理为生活消费需要的投诉，自知道权益受损之日起超过三年的不予受理（第16条）。提交的证据须为原件：伪造、变造证据的将移送公安机关（第42条）；证据包中的哈希值可证明材料未被修改。',
    },
  );

  const missing: string[] = [];
  if (input.case.purpose === 'unknown') missing.push('购买用途（自用还是转售）');
  if (!order?.placedAt && !input.case.harmKnownAt) missing.push('知道权益受损的日期');
  return {
    title: '全国12315平台投诉（附举报线索）',
    fields,
    sections,
    legalRefs,
    refusals,
    missing,
    estimated: acceptance.estimated,
    warnings: refusals.map((r) => r.text),
    evidenceKinds: 'all',
  };
}
