import { findCreditCodes } from './credit-code';
import { pick } from './fields';
import type { LabelledValue } from './labels';
import { type SourceMap, sourceOf } from './sources';
import { inFooter, lineText, norm, type TextLine, visibleText } from './text';

/** Contract 1's site identity. */
export interface SiteFacts {
  name?: string;
  icp?: string;
  company?: string;
  creditCode?: string;
  contacts: string[];
}

// ICP numbers use a province's short name; some use the older one (蜀, 滇, 黔, 陇).
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼蜀滇黔陇';
const ICP = new RegExp(
  `([${PROVINCES}])\\s*ICP\\s*备\\s*(\\d{5,12})\\s*号?(?:\\s*-\\s*(\\d{1,3}))?`,
  'i',
);
const ICP_LICENCE = new RegExp(`([${PROVINCES}])\\s*ICP\\s*证\\s*(\\d{5,12})\\s*号?`, 'i');
const COMPANY =
  /(?:[\p{Script=Han}A-Za-z0-9]|[(（][\p{Script=Han}]{2,4}[)）]){2,40}?(?:股份有限公司|有限责任公司|有限公司|网络科技中心|科技中心|工作室|经营部|贸易商行|商行|个体工商户)(?:[(（][\p{Script=Han}]{2,8}[)）])?/u;
const COMPANY_LABEL = [
  /^(运营主体|主办单位|经营主体|公司名称|企业名称|运营单位|运营方|主体名称|所属公司|运营公司|经营者|开办者|网站主办者|主办方|名称|经营者名称|版权所有|运营商)$/,
];
const APP_BANNER = /打开\s*App|下载\s*App|App\s*内/i;
const PLAUSIBLE_CREDIT_CODE =
  /^[1-9ANY][1-9](1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82)\d{4}/;
const CREDIT_LABEL = /^(统一社会信用代码|社会信用代码|信用代码|统一代码)$/;
const COMPANY_LINE =
  /版权所有|copyright|©|运营|主办|ICP|信用代码|营业执照|公司名称|企业名称|经营者|旗下/i;
const GENERIC_WORDS =
  /咨询|客服|详情|订单|查询|登录|注册|中心|列表|记录|帮助|公告|新闻|资讯|设置|支付|账单|确认|结果|会话|消息|对话|聊天|搜索/;
const NAME_SUFFIX =
  /\s+(官方网站|官网|首页|个人账单|欢迎您?|欢迎光临|会员中心|用户中心|售后中心|个人中心|商户中心|帮助中心|客服中心|\S{2,12}(平台|商城|网站))$|(?<=\p{Script=Han})\s+[A-Za-z][A-Za-z0-9 .&'-]{2,30}$/u;
const GENERIC_TITLE =
  /^(首页|主页|登录|注册|订单详情|订单查询|交易详情|账单详情|交易记录|交易记录详情|在线客服|客服|帮助中心|新闻|公告|商品详情|订单|商品列表|全部商品|售后对话|对话|聊天|我的订单)$|^(服务|售后|交易|平台|购物|购买|退款)?(保障|承诺|政策|须知|规则|说明)$/;

/**
 * The company named in a text: within one space-separated chunk (a footer's "极速发卡网
 * 厦门极速网络科技有限公司" is the site, then the company), without what runs into it
 * ("鸿运卡盟版权所有湖南…", "风铃卡铺由青岛…", the site's own name).
 */
function companyIn(text: string, siteName?: string): string | undefined {
  for (const chunk of text.split(/[\s,，;；|｜·•]+/)) {
    const m = COMPANY.exec(chunk);
    if (!m) continue;
    let company = m[0].replace(
      /^(运营主体|主办单位|版权所有|公司名称|企业名称|Copyright|©|\d{4}(-\d{4})?)+/i,
      '',
    );
    const lead = /^.{2,20}?(版权所有|隶属于|归属于|由|是|系)(.{6,})$/u.exec(company);
    if (lead?.[2]) company = lead[2];
    // "支付宝（中国）网络技术有限公司" keeps its brand: a bracket follows it.
    if (
      siteName &&
      company.startsWith(siteName) &&
      company.length >= siteName.length + 6 &&
      !/^[(（]/.test(company.slice(siteName.length))
    ) {
      company = company.slice(siteName.length);
    }
    return company;
  }
  return undefined;
}

/** The site's name: og:site_name, else the title part confirmed by logo or copyright. */
function siteName(
  doc: Document,
  lines: readonly TextLine[],
): { name: string; el?: Element } | undefined {
  const meta = doc
    .querySelector('meta[property="og:site_name"], meta[name="application-name"]')
    ?.getAttribute('content')
    ?.trim();
  if (meta) return { name: meta };
  // A platform's "open the app" banner names the platform ("闲趣 打开App，聊天消息不错过"),
  // above a shop's or a seller's page on it.
  for (const el of Array.from(doc.querySelectorAll('body > div, header, body > section')).slice(
    0,
    4,
  )) {
    if (!APP_BANNER.test(lineText(el))) continue;
    const strong = el.querySelector('b, strong, [class*="name" i], [class*="brand" i]');
    const name = strong ? norm(lineText(strong)) : '';
    if (/^[\p{Script=Han}A-Za-z0-9]{2,10}$/u.test(name) && !GENERIC_WORDS.test(name))
      return { name, el: strong as Element };
  }
  const parts = doc.title
    .split(/\s*[-_|–—·:：]\s*|\s{2,}/)
    .map((p) => withoutServiceSuffix(p.replace(NAME_SUFFIX, '').trim()))
    .filter((p) => p && !GENERIC_TITLE.test(p));
  const logo = doc.querySelector('[class*="logo" i], [id*="logo" i]');
  const logoText = logo
    ? [logo.getAttribute('title'), logo.querySelector('img')?.getAttribute('alt'), lineText(logo)]
        .filter(Boolean)
        .join(' ')
    : '';
  const foot = lines.filter((l) => /©|版权所有|copyright/i.test(l.text)).map((l) => l.text);
  // The brand beside a search box, its name heading a title part ("steam充值卡 - 淘易购搜索").
  const brand = doc.querySelector('[class~="brand" i], [class*="logo" i]');
  const brandText = brand ? norm(lineText(brand)) : '';
  if (
    brandText.length >= 2 &&
    brandText.length <= 10 &&
    parts.some((p) => p.startsWith(brandText) && GENERIC_WORDS.test(p.slice(brandText.length)))
  )
    return { name: brandText, el: brand as Element };
  // "云栈发卡<small>游戏点卡 · 礼品卡 自动发货</small>": the title part the brand opens with.
  const branded = brandText
    ? parts.find((p) => p.length >= 2 && brandText.startsWith(p))
    : undefined;
  if (branded) return { name: branded, el: brand as Element };
  const confirmed = parts.find((p) => logoText.includes(p) || foot.some((f) => f.includes(p)));
  if (confirmed) return { name: confirmed, ...(logo ? { el: logo } : {}) };
  // "明月卡盟 · 客服消息": the part that is not a page's own name.
  const specific = parts.filter((p) => !GENERIC_WORDS.test(p));
  if (specific.length === 1 && parts.length > 1 && specific[0]) return { name: specific[0] };
  if (parts.length && doc.title.match(/[-_|–—·]/)) {
    const last = parts[parts.length - 1];
    if (last) return { name: last };
  }
  // The logo's own words ("微信支付" on a 支付凭证 page), or a header bar's title
  // ("快发88 · 联系客服") when the document title is only the page's name.
  let logoName = logo ? lineText(logo).trim() : '';
  // A logo's short mark ("星桥") beside the full name ("星桥卡券").
  const beside = logo?.nextElementSibling;
  const full = beside ? norm(visibleText(beside).split('\n')[0] ?? '').trim() : '';
  if (logoName.length >= 2 && full.startsWith(logoName) && full.length <= 12) logoName = full;
  if (/^[\p{Script=Han}A-Za-z0-9 ]{2,12}$/u.test(logoName) && !GENERIC_WORDS.test(logoName))
    return { name: logoName, el: logo as Element };
  const bar = doc.querySelector(
    '[class*="nav-bar__title" i], [class*="navbar-title" i], [class*="header-title" i], [class*="head__title" i], [class*="navbar" i] > [class~="title" i], header h1',
  );
  // Its parts: words apart, and each child's own ("栖云卡铺<small>售后对话</small>").
  const barParts = bar
    ? Array.from(bar.childNodes)
        .map((n) => norm(n.nodeType === 1 ? lineText(n) : (n.nodeValue ?? '')))
        .flatMap((t) => t.split(/\s*[·|｜—-]\s*|\s+/))
        .filter(Boolean)
    : [];
  const barName = barParts.filter((p) => p && !GENERIC_WORDS.test(p) && !GENERIC_TITLE.test(p));
  // A bar holding only a name counts when the document title is only the page's name.
  const alone = barParts.length === 1 && parts.length === 0;
  if (
    (barParts.length > 1 || alone) &&
    barName.length === 1 &&
    barName[0] &&
    barName[0].length <= 12
  )
    return { name: barName[0], el: bar as Element };
  // An element named for the shop ("shop", "shop-name", "brand") with a short name.
  for (const el of Array.from(
    doc.querySelectorAll(
      '[class~="shop" i], [class*="shop-name" i], [class*="shopname" i], [class*="store-name" i], [class*="site-name" i], [class*="brand" i], [class$="-shop" i], [class$="__shop" i], [class$="_shop" i]',
    ),
  )) {
    const text = norm(lineText(el));
    if (/^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(text) && !GENERIC_WORDS.test(text))
      return { name: text, el };
    // "星桥卡券 <em>品牌认证</em> ›", "<span class="logo"></span>青柚发卡<span>自动发货</span>":
    // the box's own words, past its badges and arrow.
    const own = norm(
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.nodeValue ?? '')
        .join(' '),
    )
      .replace(/[›>»→]/g, '')
      .trim();
    if (/^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(own) && !GENERIC_WORDS.test(own))
      return { name: own, el };
    // "<span>星桥发卡 · 自动发货</span><span>客服QQ: …</span>": its first part, before the
    // tagline, when the box also holds the service line.
    const first = el.firstElementChild;
    const lead = first ? (norm(lineText(first)).split(/\s*[·|｜]\s*/)[0] ?? '') : '';
    if (
      first &&
      first !== el.lastElementChild &&
      /^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(lead) &&
      !GENERIC_WORDS.test(lead) &&
      !COMPANY.test(lead)
    )
      return { name: lead, el: first };
  }
  // A footer naming the site before its company: "云卡商城 · 苏州云卡电子商务有限公司".
  for (const l of lines) {
    if (!inFooter(l.el) && !COMPANY.test(l.text)) continue;
    const m = /^([\p{Script=Han}A-Za-z0-9]{2,12})\s*[·|｜—-]\s*(.+)$/u.exec(norm(l.text));
    if (m?.[1] && m[2] && COMPANY.test(m[2].replace(/\s+/g, '')) && !COMPANY.test(m[1]))
      return { name: m[1], el: l.el };
  }
  for (const f of foot) {
    const m =
      /(?:©|copyright)\s*(?:\d{4}\s*(?:-\s*\d{4})?)?\s*([\p{Script=Han}A-Za-z0-9]{2,16}?)(?=\s|版权|$)/iu.exec(
        norm(f),
      );
    if (m?.[1] && !COMPANY.test(m[1])) return { name: m[1] };
  }
  // A footer block opening with the name over its contacts and ICP number: "云栖发卡" or
  // "云栖发卡 · 正品卡密自动发货", then 客服微信…, 浙ICP备….
  const opened = new Set<Element>();
  for (const l of lines) {
    // Only the first line of its box.
    if (opened.has(l.el)) continue;
    opened.add(l.el);
    if (!inFooter(l.el) || !ICP_CUE.test(norm(l.el.textContent ?? ''))) continue;
    const first = norm(l.text).split(/\s*[·|｜]\s*/)[0] ?? '';
    if (
      /^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(first) &&
      !GENERIC_WORDS.test(first) &&
      !COMPANY.test(first) &&
      !ICP_CUE.test(first)
    )
      return { name: first, el: l.el };
  }
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && !GENERIC_WORDS.test(only)) return { name: only };
  // A chat's top bar naming whose service it is ("‹ 北辰卡盟客服") under a generic title.
  for (const l of lines.slice(0, 3)) {
    const bar = norm(l.text).replace(/^[‹<←〈]\s*/, '');
    const name = withoutServiceSuffix(bar);
    if (name !== bar && /^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(name)) return { name, el: l.el };
  }
  // A service line signed with the shop's name: "悠乐游戏充值 · 客服热线 400-…",
  // "速达充值 客服在线 8:00-24:00", "橙子卡券官方客服 · 工作时间 …".
  for (const l of lines) {
    const m = SERVICE_SIGNATURE.exec(norm(l.text));
    if (m?.[1] && !GENERIC_WORDS.test(m[1]) && !COMPANY.test(m[1])) return { name: m[1], el: l.el };
  }
  return undefined;
}

const ICP_CUE = /ICP|备案/i;

const SERVICE_SIGNATURE =
  /^([\p{Script=Han}A-Za-z0-9]{2,10}?)(?:官方客服|\s*[·|｜—-]?\s*(?:客服热线|客服电话|客服在线|在线客服|人工客服|客服QQ|客服微信|官方客服|客服(?:工作|服务)时间))/u;

function addContact(out: string[], kind: string, value: string): void {
  const entry = `${kind}: ${value}`;
  if (!out.some((c) => c.endsWith(` ${value}`))) out.push(entry);
}

const BUYER =
  /买家|收货|联系方式|下单|收款方|付款方|您的|预留|充值账号|充值QQ|充入|充值到|查询到|手机号码?[:：]/;

/** Whether an element sits in an order's table or form (订单号 and its fields). */
function orderBox(el: Element): boolean {
  const box = el.closest('table, dl, form, [class*="order" i]');
  if (box && /订单|单号/.test(lineText(box))) return true;
  // Or a box a few levels up that shows an order number (a card of label/value rows).
  let up: Element | null = el.parentElement;
  for (let i = 0; i < 4 && up && up.tagName !== 'BODY'; i++, up = up.parentElement) {
    if (/订单号|订单编号/.test(lineText(up))) return true;
  }
  return false;
}

/** QQ, WeChat, phone and e-mail contacts the site gives for itself (not the buyer's). */
export function findContacts(lines: readonly TextLine[]): string[] {
  const out: string[] = [];
  // "客服QQ：" on a line of its own, the numbers on the lines under it.
  let qqLabel = false;
  for (const { text, el } of lines) {
    const t = norm(text);
    // A footer or licence line speaks for the site: "墨竹卡盟 ｜ QQ 1309548276 ｜ 黑ICP备…".
    const footer = inFooter(el) || /ICP备|©|版权所有/i.test(t);
    if (qqLabel && /^\d{5,11}$/.test(t)) {
      addContact(out, 'QQ', t);
      continue;
    }
    // An order's own table asks the buyer for a 联系QQ: that number is the buyer's.
    const buyerField =
      !footer &&
      /联系QQ|联系电话|联系邮箱/i.test(t) &&
      !/客服|售后|咨询|官方/.test(t) &&
      orderBox(el);
    qqLabel =
      !buyerField && /(QQ|企鹅)(号|号码)?\s*[:：]$/i.test(t) && /客服|联系|售后|咨询/.test(t);
    if (buyerField || BUYER.test(t) || t.includes('*')) continue;
    // "QQ 12345678" alone is as likely the buyer's account: a colon or a service word.
    const service = footer || /客服|联系|咨询|售后|官方|商务|投诉|在线/.test(t);
    for (const m of t.matchAll(/(QQ群|QQ|企鹅)(?:号|客服|号码)?\s*([:：])?\s*(\d{5,11})(?!\d)/gi)) {
      if (m[3] && (m[2] || service))
        addContact(out, m[1]?.toUpperCase() === 'QQ群' ? 'QQ群' : 'QQ', m[3]);
    }
    for (const m of t.matchAll(
      /(?:微信|微信号|VX|WX|V信|weixin|wechat)(?:客服|号)?(?:\s*[:：]\s*|\s+)([A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9})(?![-_A-Za-z0-9])/gi,
    )) {
      if (m[1]) addContact(out, '微信', m[1]);
    }
    for (const m of t.matchAll(
      /(电话|热线|tel|座机|客服|投诉|联系)[^\d\n]{0,8}((?:400|800)[- ]?\d{3,4}[- ]?\d{3,4}|0\d{2,3}-\d{3,4}-\d{4}|0\d{2,3}-?\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)95\d{3}(?!\d))/gi,
    )) {
      if (m[2]) addContact(out, '电话', m[2].replace(/\s/g, '-'));
    }
    if (footer || /邮箱|e-?mail|mail|联系|客服|投诉|商务|反馈|售后|合作/i.test(t)) {
      for (const m of t.matchAll(
        /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
      )) {
        addContact(out, '邮箱', m[0]);
      }
    }
  }
  return out;
}

/**
 * Who runs the site, from footers and licence pages: name, ICP number, company,
 * 统一社会信用代码 (only codes with a valid check character) and contacts.
 */
export function extractSite(
  doc: Document,
  pairs: readonly LabelledValue[],
  lines: readonly TextLine[],
  sources: SourceMap,
): SiteFacts {
  const site: SiteFacts = { contacts: [] };
  const name = siteName(doc, lines);
  if (name) {
    site.name = name.name.replace(NAME_SUFFIX, '').trim() || name.name;
    if (name.el) sources['site.name'] = sourceOf(name.el, name.name);
  }
  for (const line of lines) {
    const t = norm(line.text);
    const icp = ICP.exec(t);
    if (icp) {
      site.icp = `${icp[1]}ICP备${icp[2]}号${icp[3] ? `-${icp[3]}` : ''}`;
      sources['site.icp'] = sourceOf(line.el, line.text);
      break;
    }
  }
  if (!site.icp) {
    const line = lines.find((l) => ICP_LICENCE.test(norm(l.text)));
    const m = line && ICP_LICENCE.exec(norm(line.text));
    if (line && m) {
      site.icp = `${m[1]}ICP证${m[2]}号`;
      sources['site.icp'] = sourceOf(line.el, line.text);
    }
  }
  const labelled = pick(pairs, [CREDIT_LABEL], (v) => findCreditCodes(v)[0]);
  if (labelled) {
    site.creditCode = labelled.value;
    sources['site.creditCode'] = sourceOf(labelled.from.el, labelled.from.value);
  } else {
    for (const line of lines) {
      // An order or payment number of 18 characters may pass the check by chance.
      if (/订单|单号|流水|编号|卡号|卡密/.test(line.text)) continue;
      // Unlabelled, a code must also look like one: a registering authority and kind
      // (91, 92, 93, 12, 52…) and a region code of a real province (11–65, 71, 81, 82).
      const code = findCreditCodes(line.text).find((c) => PLAUSIBLE_CREDIT_CODE.test(c));
      if (code) {
        site.creditCode = code;
        sources['site.creditCode'] = sourceOf(line.el, line.text);
        break;
      }
    }
  }
  const company = pick(pairs, COMPANY_LABEL, (v) => companyIn(v, site.name));
  if (company) {
    site.company = company.value;
    sources['site.company'] = sourceOf(company.from.el, company.from.value);
  } else {
    const line = lines.find(
      (l) =>
        (COMPANY_LINE.test(l.text) || inFooter(l.el)) &&
        companyIn(l.text, site.name) &&
        !/收款|付款|对方/.test(l.text),
    );
    const value = line && companyIn(line.text, site.name);
    if (line && value) {
      site.company = value;
      sources['site.company'] = sourceOf(line.el, line.text);
    }
  }
  // Contacts in a table or list ("联系电话" beside its number) read as one line each.
  const contactPairs = pairs
    .filter((p) => /电话|热线|QQ|微信|邮箱|mail|联系方式|商务合作/i.test(p.label) && !p.inline)
    // An order's 联系邮箱 / 联系QQ is what the buyer gave.
    .filter(
      (p) => !(/^联系(邮箱|QQ|电话|方式)$/i.test(p.label) && !inFooter(p.el) && orderBox(p.el)),
    )
    .map((p) => ({ text: `${p.label}：${p.value}`, el: p.el }));
  site.contacts = findContacts([...lines, ...contactPairs]);
  return site;
}

/** "拾月数卡客服" -> "拾月数卡"; "联系客服", "在线客服" stay (a page's name, no shop's). */
function withoutServiceSuffix(part: string): string {
  const m = /^(\S{2,12}?)(官方客服|在线客服|客服)$/.exec(part);
  if (
    !m?.[1] ||
    /^(联系|在线|人工|官方|智能|专属|售后|我的|咨询)$/.test(m[1]) ||
    GENERIC_WORDS.test(m[1])
  )
    return part;
  return m[1];
}
