/** Reporting fraud to the police (domain-complaints.md §6). */
import { formatCnDate, formatCnDateTime } from '../calendar-date';
import type { ChannelDraftSpec } from '../draft-types';
import { factsText, field, orBlank, siteLabel } from '../draft-parts';
import { fraudThresholdNote, totalLoss } from '../fraud-threshold';
import { formatYuan } from '../money';
import type { DraftContext } from './context';

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Drafts the fraud report (报案材料). */
export function draftPolice({ input }: DraftContext): ChannelDraftSpec {
  const loss = totalLoss(input);
  const payments = input.orders
    .map(
      (o, i) =>
        `${i + 1}. ${o.placedAt ? formatCnDateTime(o.placedAt) : '【待填写：付款时间】'}，${
          o.amount === undefined ? '【待填写：金额】' : formatYuan(o.amount)
        }，${orBlank(o.paymentMethod, '支付方式')}，交易号${orBlank(o.tradeNo, '支付交易号')}`,
    )
    .join('\n');
  const counterparty = [...input.platform.payeeAccounts, ...input.platform.contacts];
  return {
    title: '报案材料',
    fields: [
      field('name', '报案人姓名', input.profile.name),
      field('idNumber', '身份证号', input.profile.idNumber),
      field('phone', '联系电话', input.profile.phone),
      field('address', '住址', input.profile.address),
      field(
        'when',
        '案发时间',
        input.orders[0]?.placedAt && formatCnDateTime(input.orders[0].placedAt),
      ),
      field('url', '网站网址', input.platform.url),
      field('domain', '域名', hostOf(input.platform.url)),
      field(
        'accounts',
        '对方账号（QQ、微信、收款人姓名及账号）',
        counterparty.join('；') || undefined,
      ),
      field('payments', '付款记录（时间、金额、交易号）', payments || undefined),
      field('loss', '损失总额', loss === undefined ? undefined : formatYuan(loss)),
    ],
    sections: [
      {
        heading: '报案事由',
        body: `我在${siteLabel(input)}被骗，${input.case.deceitDetails ?? '对方收款后未交付或交付无效商品，随后失联'}。`,
      },
      { heading: '经过', body: factsText(input) },
      {
        heading: '损失',
        body: `共计损失${loss === undefined ? '【待填写：损失金额】' : formatYuan(loss)}。${fraudThresholdNote(loss)}`,
      },
      {
        heading: '请求',
        // doc §6: ask for a 受案回执; police normally decide within 3 days (7 / 30).
        body: `请求依法受理并立案侦查，并出具受案回执。公安机关通常在3日内决定是否立案；需要核查线索的可至7日，重大复杂的最长30日。\n报案人：${orBlank(input.profile.name, '姓名')}　${formatCnDate(input.today)}`,
      },
    ],
    legalRefs: ['fraud-threshold'],
    warnings: [
      '国家反诈中心App和网络违法犯罪举报网站（cyberpolice.cn）提交的是线索，不能代替到当地公安机关报案。',
    ],
    evidenceKinds: 'all',
  };
}
