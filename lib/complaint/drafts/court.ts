/**
 * The 民事起诉状 in the structure of 民事诉讼法 第124条 (domain-complaints.md §7): parties,
 * 案由, claims, facts and reasons, evidence and its source, jurisdiction, signature.
 */
import { formatCnDate } from '../calendar-date';
import { courtProcedureNotes, jurisdictionReasoning } from '../court-venue';
import { limitationStatus } from '../deadlines';
import type { ChannelDraftSpec } from '../draft-types';
import { blank, claimsText, factsText, field, orBlank, respondentName } from '../draft-parts';
import type { LegalRefId } from '../legal-refs';
import type { DraftContext } from './context';

/** Age in whole years on `today`. */
function ageOn(birthDate: string | undefined, today: string): string | undefined {
  if (!birthDate) return undefined;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return `${age}岁`;
}

/** Drafts the statement of claim (民事起诉状). */
export function draftCourt({ input, claims }: DraftContext): ChannelDraftSpec {
  const p = input.profile;
  const defendant = respondentName(input);
  const limitation = limitationStatus(input);
  const fields = [
    field('plaintiffName', '原告姓名', p.name),
    field('plaintiffSex', '性别', p.sex),
    field(
      'plaintiffAge',
      '年龄（出生日期）',
      p.birthDate && `${ageOn(p.birthDate, input.today)}（${formatCnDate(p.birthDate)}生）`,
    ),
    field('plaintiffEthnicity', '民族', p.ethnicity),
    field('plaintiffOccupation', '职业', p.occupation),
    field('plaintiffEmployer', '工作单位', p.employer),
    field('plaintiffAddress', '住所', p.address),
    field('plaintiffPhone', '联系方式', p.phone),
    field('defendantName', '被告名称', defendant),
    field('defendantAddress', '被告住所地', input.platform.address, '见营业执照公示或 gsxt.gov.cn'),
    field(
      'defendantCreditCode',
      '被告统一社会信用代码',
      input.platform.creditCode,
      '见营业执照公示或 gsxt.gov.cn',
    ),
    field(
      'court',
      '受诉法院',
      undefined,
      '原告住所地的基层人民法院（见“管辖”），或所在城市的互联网法院',
    ),
  ];
  const plaintiff = [
    `原告：${orBlank(p.name, '姓名')}，${orBlank(p.sex, '性别')}，${orBlank(ageOn(p.birthDate, input.today), '年龄')}，${orBlank(p.ethnicity, '民族')}，${orBlank(p.occupation, '职业')}，${orBlank(p.employer, '工作单位')}，住${orBlank(p.address, '住所')}，联系电话${orBlank(p.phone, '联系电话')}。`,
    `被告：${orBlank(defendant, '被告名称')}，住所地${orBlank(input.platform.address, '被告住所地')}，统一社会信用代码${orBlank(input.platform.creditCode, '统一社会信用代码')}。`,
  ].join('\n');

  const reasons: string[] = [
    '原告通过被告经营的网站购买虚拟商品，双方成立信息网络买卖合同关系。原告已足额付款，被告未按约交付有效商品，构成违约，应退还货款。',
  ];
  const legalRefs: LegalRefId[] = [
    'cpl-124',
    'cpl-24',
    'jud-20',
    'jud-31',
    'cpl-16',
    'cpl-165',
    'civ-188',
    'evid-14',
    'evid-94',
    'inet-11',
    'ecl-62',
  ];
  if (input.promises.length > 0) {
    reasons.push('被告在商品页面作出的承诺构成合同内容，被告应按承诺履行。');
  }
  if (claims.claims.some((c) => c.kind === 'fraud-compensation')) {
    // 消费者权益保护法 第55条: only when the user says the merchant deceived them.
    legalRefs.push('cpl-55');
    reasons.push(
      '被告提供商品时存在欺诈行为，依照《消费者权益保护法》第55条，应按价款的三倍增加赔偿，不足五百元的为五百元。',
    );
  }
  reasons.push(
    '被告作为电子商务经营者，应提供本案原始合同和交易记录，不能提供的应承担相应后果（《电子商务法》第62条）。',
  );
  if (limitation) {
    reasons.push(
      limitation.expired
        ? `原告于${formatCnDate(limitation.knownOn)}知道权利受到损害，${blank('按此日期已超过三年诉讼时效（《民法典》第188条），请核实是否存在时效中断事由')}。`
        : `原告于${formatCnDate(limitation.knownOn)}知道权利受到损害，起诉未超过三年诉讼时效（《民法典》第188条）。`,
    );
  }

  const evidenceList = input.evidence.length
    ? input.evidence
        .map(
          (e) =>
            `证据${e.number}：${e.title}（${e.kind}，取证时间${formatCnDate(e.capturedAt)}，SHA-256：${e.sha256}）。来源：原告使用浏览器扩展“卡盟取证”自行截取保存。`,
        )
        .join('\n')
    : blank('证据');

  return {
    title: '民事起诉状',
    fields,
    sections: [
      { heading: '当事人', body: plaintiff },
      { heading: '案由', body: '网络购物合同纠纷（信息网络买卖合同纠纷）' },
      { heading: '诉讼请求', body: `${claimsText(claims)}\n本案诉讼费用由被告承担。` },
      {
        heading: '事实与理由',
        body: `${factsText(input, { self: '原告' })}\n${reasons.join('\n')}`,
      },
      {
        heading: '证据和证据来源、证人姓名和住所',
        body: `${evidenceList}\n以上网页、聊天记录、交易记录属于电子数据（《最高人民法院关于民事诉讼证据的若干规定》第14条），均以哈希值（SHA-256）校验固定，可用证据包中的校验页面复核，取证过程可重现（《最高人民法院关于互联网法院审理案件若干问题的规定》第11条）。由中立第三方平台提供的电子数据可推定为真实（《最高人民法院关于民事诉讼证据的若干规定》第94条），故请求法院责令被告提供本案交易的原始记录，并向支付机构调取支付记录。\n证人：无。`,
      },
      { heading: '管辖', body: jurisdictionReasoning(input) },
      {
        heading: '程序提示（提交前删除）',
        body: [
          '本起诉状按《民事诉讼法》第124条规定的内容撰写：当事人信息、诉讼请求、事实与理由、证据和证据来源。',
          ...courtProcedureNotes(input, claims.total),
        ].join('\n'),
      },
      {
        heading: '落款',
        body: `此致\n${blank('受诉人民法院名称')}\n\n具状人：${orBlank(p.name, '姓名')}（签名）\n${formatCnDate(input.today)}\n\n附：证据目录一份；起诉状副本${blank('按被告人数')}份。`,
      },
    ],
    legalRefs,
    evidenceKinds: 'all',
    omitLegalSection: true,
  };
}
