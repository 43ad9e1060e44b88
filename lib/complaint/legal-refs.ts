/**
 * Every legal reference a draft may print, each with what it says in our own words.
 *
 * Source of truth: /work/shared/docs/domain-complaints.md ("the doc" below). Each entry's
 * comment names the section of the doc it comes from. Nothing the doc marks UNVERIFIED is
 * here. Drafts refer to these by id so a test can check that every citation is known.
 */
export interface LegalRef {
  id: LegalRefId;
  /** How the draft cites it, e.g. `电子商务法 第59条`. */
  cite: string;
  /** What the draft relies on it for. */
  point: string;
}

const REFS = {
  // doc §1 Platform, "Law to cite".
  'ecl-59': {
    cite: '《电子商务法》第59条',
    point: '电子商务经营者应当建立便捷、有效的投诉举报机制，并及时受理并处理投诉',
  },
  'ecl-62': {
    cite: '《电子商务法》第62条',
    point: '发生争议时，电子商务经营者应当提供原始合同和交易记录，不能提供的应承担相应后果',
  },
  'ecl-31': {
    cite: '《电子商务法》第31条',
    point: '平台应保存交易信息，保存时间自交易完成之日起不少于三年',
  },
  'cpl-44': {
    cite: '《消费者权益保护法》第44条',
    point: '网络交易平台不能提供销售者真实名称、地址和有效联系方式的，消费者可以要求平台赔偿',
  },
  'ecl-38': {
    cite: '《电子商务法》第38条',
    point: '平台知道或应当知道平台内经营者侵害消费者权益而未采取必要措施的，依法承担责任',
  },
  'cpl-26': {
    cite: '《消费者权益保护法》第26条',
    point: '经营者以格式条款排除或限制消费者权利的（如“卡密售出概不退换”），该内容无效',
  },
  'ecl-49': {
    cite: '《电子商务法》第49条',
    point: '约定消费者支付价款后合同不成立的格式条款无效',
  },
  // doc "Substantive law for claims".
  'cpl-55': {
    cite: '《消费者权益保护法》第55条',
    point: '经营者有欺诈行为的，应按消费者要求增加赔偿，金额为价款的三倍，不足五百元的为五百元',
  },
  'cpl-20': {
    cite: '《消费者权益保护法》第20条',
    point: '经营者应当向消费者提供有关商品的真实、全面的信息',
  },
  'cpl-39': {
    cite: '《消费者权益保护法》第39条',
    point: '消费争议可以协商和解、请求消费者协会调解、向有关行政部门投诉、依约仲裁或向法院起诉',
  },
  'ecl-15': {
    cite: '《电子商务法》第15条、《网络交易监督管理办法》第12条',
    point: '网络经营者应在首页显著位置持续公示营业执照信息或其链接',
  },
  // doc table row 2 and §3: acceptance decision within 7 working days.
  'cpl-46': {
    cite: '《消费者权益保护法》第46条',
    point: '有关行政部门应当自收到消费者投诉之日起七个工作日内予以处理并告知消费者',
  },
  // doc §3, 市场监督管理投诉举报处理办法 (总局令第121号), in force from 2026-04-15.
  'samr-9': {
    cite: '《市场监督管理投诉举报处理办法》第9条',
    point: '同时提出投诉和举报的，按投诉和举报分别处理',
  },
  'samr-10': {
    cite: '《市场监督管理投诉举报处理办法》第10条',
    point: '投诉应提供投诉人姓名、电话、通讯地址，被投诉人名称和地址，具体诉求及相关事实',
  },
  'samr-13': {
    cite: '《市场监督管理投诉举报处理办法》第13条',
    point:
      '投诉由被投诉人登记地的县级市场监管部门处理；平台内经营者由其公示地址或平台登记地的部门处理',
  },
  'samr-15': {
    cite: '《市场监督管理投诉举报处理办法》第15条',
    point: '市场监管部门应自收到投诉之日起7个工作日内作出是否受理的决定',
  },
  'samr-16': {
    cite: '《市场监督管理投诉举报处理办法》第16条',
    point:
      '不属于为生活消费需要、自知道或应当知道权益受损之日起超过三年、材料不全或不实等情形的投诉不予受理',
  },
  'samr-23': {
    cite: '《市场监督管理投诉举报处理办法》第22条、第23条',
    point: '自受理之日起60日内未达成调解协议的，终止调解（检测鉴定时间不计入）',
  },
  'samr-42': {
    cite: '《市场监督管理投诉举报处理办法》第42条',
    point: '伪造、变造证据的，移送公安机关处理',
  },
  // doc §6 Police.
  'fraud-threshold': {
    cite: '法释〔2011〕7号 第1条',
    point:
      '诈骗公私财物“数额较大”的起点为三千元至一万元，由各省确定；电信网络诈骗以三千元为起点；低于起点的一般作为行政违法处理',
  },
  // doc §7 Court.
  'cpl-124': {
    cite: '《民事诉讼法》第124条',
    point: '起诉状应写明当事人信息、诉讼请求和所根据的事实与理由、证据和证据来源、证人姓名和住所',
  },
  'cpl-24': {
    cite: '《民事诉讼法》第24条',
    point: '因合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖',
  },
  'jud-20': {
    cite: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第20条',
    point: '以信息网络方式订立买卖合同、通过信息网络交付标的的，以买受人住所地为合同履行地',
  },
  'jud-31': {
    cite: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第31条',
    point: '经营者以格式条款约定管辖而未采取合理方式提请消费者注意的，消费者可主张该条款无效',
  },
  'cpl-16': {
    cite: '《民事诉讼法》第16条',
    point: '通过信息网络平台在线进行的民事诉讼活动，与线下诉讼活动具有同等法律效力',
  },
  'cpl-165': {
    cite: '《民事诉讼法》第165条',
    point:
      '标的额为各省上年度就业人员年平均工资百分之五十以下的简单金钱给付案件适用小额诉讼程序，一审终审；双方约定的可至二倍',
  },
  'civ-188': {
    cite: '《民法典》第188条',
    point: '诉讼时效期间为三年，自知道或应当知道权利受到损害以及义务人之日起计算',
  },
  // doc "Electronic evidence".
  'evid-14': {
    cite: '《最高人民法院关于民事诉讼证据的若干规定》第14条',
    point: '网页、即时通信记录、交易记录、图片等属于电子数据',
  },
  'evid-94': {
    cite: '《最高人民法院关于民事诉讼证据的若干规定》第94条',
    point: '由中立第三方平台提供或在正常业务活动中形成的电子数据，可推定为真实',
  },
  'inet-11': {
    cite: '《最高人民法院关于互联网法院审理案件若干问题的规定》第11条',
    point: '通过电子签名、可信时间戳、哈希值校验等技术手段固定并能够验证的电子数据，应予确认',
  },
} as const satisfies Record<string, Omit<LegalRef, 'id'>>;

export type LegalRefId = keyof typeof REFS;

/** The reference with its citation and point. */
export function legalRef(id: LegalRefId): LegalRef {
  return { id, ...REFS[id] };
}

/** All known references (tests check every draft only cites these). */
export const LEGAL_REF_IDS = Object.keys(REFS) as LegalRefId[];
