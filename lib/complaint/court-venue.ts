/**
 * Where to sue and which procedure fits: the buyer's domicile for goods delivered over the
 * network, the internet courts, small claims. Per domain-complaints.md §7.
 */
import type { DraftInput } from './input';
import { formatYuan } from './money';

/** Cities with an internet court (doc §7: 北京, 杭州, 广州). */
export const INTERNET_COURT_CITIES = ['北京', '杭州', '广州'] as const;
export type InternetCourtCity = (typeof INTERNET_COURT_CITIES)[number];

/** The internet court of the buyer's city, if it has one. */
export function internetCourtFor(city: string | undefined): string | undefined {
  const hit = INTERNET_COURT_CITIES.find((c) => city?.startsWith(c));
  return hit ? `${hit}互联网法院` : undefined;
}

/**
 * The jurisdiction reasoning for the 起诉状: defendant's domicile or place of performance
 * (民事诉讼法 第24条); for goods delivered over the network the buyer's domicile is the
 * place of performance (民诉法解释 第20条); an unnoticed standard-form jurisdiction clause
 * can be declared void (民诉法解释 第31条).
 */
export function jurisdictionReasoning(input: DraftInput): string {
  const home = [input.profile.province, input.profile.city].filter(Boolean).join('');
  const where = home || input.profile.address || '原告住所地（待填写）';
  const inet = internetCourtFor(input.profile.city);
  const lines = [
    `本案为通过信息网络订立、并通过信息网络交付标的（卡密/充值）的买卖合同纠纷。合同纠纷由被告住所地或合同履行地人民法院管辖（《民事诉讼法》第24条）；以信息网络方式订立买卖合同、通过信息网络交付标的的，以买受人住所地为合同履行地（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第20条）。原告住所地为${where}，故贵院有管辖权。`,
    '如被告以格式条款约定了其他管辖法院而未以合理方式提请原告注意，原告主张该条款无效（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第31条）。',
  ];
  if (inet) {
    lines.push(
      `原告住所地在${inet.replace('互联网法院', '')}，${inet}审理本市的第一审网络购物合同纠纷。`,
    );
  }
  return lines.join('\n');
}

/** Advice on small claims and internet courts, for the guide and the court draft. */
export function courtProcedureNotes(input: DraftInput, amount: number | undefined): string[] {
  const notes: string[] = [];
  const inet = internetCourtFor(input.profile.city);
  notes.push(
    inet
      ? `您所在城市设有${inet}，网络购物合同纠纷（以及自2025年11月1日起的网络虚拟财产纠纷）可在该院网上起诉。`
      : '北京、杭州、广州设有互联网法院，只审理本市的第一审案件；其他地区向普通人民法院起诉，可网上立案，与线下立案效力相同（《民事诉讼法》第16条）。',
  );
  // 民事诉讼法 第165条: up to 50% of the province's previous-year average annual wage of
  // employed persons; the figure differs by province and year, so none is hard-coded.
  notes.push(
    `小额诉讼：标的额在本省上年度就业人员年平均工资50%以下的简单金钱纠纷可适用小额诉讼程序，一审终审（《民事诉讼法》第165条）。${
      input.profile.province
        ? `请查询${input.profile.province}当前公布的标准`
        : '请填写您所在省份并查询当地当前公布的标准'
    }${amount !== undefined ? `，本案请求金额为${formatYuan(amount)}` : ''}。`,
  );
  return notes;
}
