import type { SourceMap } from './sources';
import { sourceOf } from './sources';
import { inFooter, lineText, norm, type TextLine } from './text';

export type PromiseCategory =
  | 'delivery'
  | 'compensation'
  | 'refund'
  | 'authenticity'
  | 'after-sales'
  | 'other';

/** A promise as read: its exact text, category, the detail line under a headline. */
export interface FoundPromise {
  text: string;
  category: PromiseCategory;
  detail?: string;
  el: Element;
  inFooter: boolean;
}

// Tested in this order: "不到账全额退款" is about refunds, "超时未发货赔付" about compensation.
const CATEGORIES: ReadonlyArray<readonly [PromiseCategory, RegExp]> = [
  [
    'compensation',
    /假一赔|赔付|包赔|赔偿|先行赔|双倍返还|赔[一二三五十百千万\d]|[十百\d]倍(赔|返)/,
  ],
  ['refund', /退款|退回|退还|退换|退货|原路返回|无理由退|包退|全额返还/],
  ['after-sales', /售后|质保|保修|包换|换货|7\s*[×xX*]\s*24|终身客服/],
  ['authenticity', /正品|官方(授权|渠道|直供|正版|货源)|保真|真卡|一手货源|正规渠道|绝无假卡|正版/],
  [
    'delivery',
    /自动发货|秒发|秒到|[秒极快急]速(发货|到账|发卡|充值)|即时发货|即时到账|立即到账|闪电发货|自动发卡|\d+\s*(小时|分钟|秒)内?.{0,6}(发货|到账|发卡|处理|完成|回复)|(100%|百分百|百分之百)\s*到账|包到账|必到账/,
  ],
  ['other', /安全保障|资金安全|担保交易|隐私保护|交易保障|支付保障/],
];
const NOISE =
  /最低价|特惠|优惠|折扣|\d折|限时|热销|爆款|返利|加盟|代理|分站|注册送|秒杀|低至|包邮|新品|抢购|充值赠|满减|券后|活动|双11|双十一|618|大促|促销|福利|专业|领先|首选|第一品牌|欢迎/;
const NEGATIVE = /不支持|不退|不予|概不|恕不|不接受|不提供|无法退|不能退|不包|不保/;
const PROMISE_LABEL =
  /^(?:[\d一二三四五六七八九十]+[.、)）]\s*)?(?:[\p{Script=Han}]{0,6}(?:承诺|保障|服务|说明|须知|规则|政策|条款|特色|优势)\s*[:：])?\s*/u;
const OTHER_LABEL = /^[\p{Script=Han}A-Za-z]{2,10}\s*[:：]/u;

/** The category of a promise clause, or undefined when it promises nothing. */
export function promiseCategory(clause: string): PromiseCategory | undefined {
  const t = norm(clause);
  return CATEGORIES.find(([, cue]) => cue.test(t))?.[0];
}

function isNavigation(el: Element, text: string): boolean {
  if (el.closest('a, button, nav, select, option, label, [role="navigation"], [role="button"]'))
    return true;
  const bare = (t: string) => t.replace(/[\s|/·•,，、-]/g, '');
  const links = bare(
    Array.from(el.querySelectorAll('a'))
      .map((a) => lineText(a))
      .join(''),
  );
  return links.length > 0 && links.length >= bare(text).length - 2;
}

function clausesOf(line: string): string[] {
  const out: string[] = [];
  // Banners and announcements around a promise are marketing, not commitments.
  if (NOISE.test(line)) return out;
  for (const raw of line.split(/[，,。；;！!、\n·•|★☆✓✔√]|\s{2,}/)) {
    const stripped = raw.replace(PROMISE_LABEL, '').trim();
    // Instructions (请…) and how-to steps (①…) are not commitments.
    if (stripped && !/^请|[①-⑩]|^第.步/.test(stripped)) out.push(stripped);
  }
  return out;
}

/**
 * The platform's commitments on a page: each clause that promises delivery, pay-outs,
 * refunds, after-sales service or genuine goods, with its exact text. Links, menus,
 * questions, disclaimers, label values (发货方式：自动发货) and marketing are left out.
 * A headline promise takes the line under it as its detail.
 */
export function findPromises(
  lines: readonly TextLine[],
  isValue: (el: Element) => boolean,
): FoundPromise[] {
  const found: FoundPromise[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    if (/[?？]/.test(line.text) || isValue(line.el) || isNavigation(line.el, line.text)) continue;
    const footer = inFooter(line.el);
    for (const clause of clausesOf(line.text)) {
      if (clause.length < 3 || clause.length > 40 || NEGATIVE.test(clause)) continue;
      // Contact lines (7×24小时服务热线 0571-…) are not promises.
      if (/^(售后|退款|退换货?|赔付|服务)(政策|规则|说明|条款|须知|流程)$/.test(clause)) continue;
      if (OTHER_LABEL.test(clause) || /\d{5,}|热线|电话|QQ|微信/.test(clause)) continue;
      const category = promiseCategory(clause);
      if (!category) continue;
      const key = norm(clause);
      if (seen.has(key)) continue;
      seen.add(key);
      const promise: FoundPromise = { text: clause, category, el: line.el, inFooter: footer };
      // A short headline whose next sibling is a longer sentence: a promise card.
      const next = lines[i + 1];
      if (
        next &&
        clause === line.text.trim() &&
        clause.length <= 14 &&
        next.text.length >= 12 &&
        next.text.length > clause.length + 4 &&
        next.el === line.el.nextElementSibling &&
        (next.el.tagName !== line.el.tagName || next.el.className !== line.el.className)
      ) {
        promise.detail = next.text;
        i++;
      }
      found.push(promise);
    }
  }
  return found;
}

/** Writes promises in contract 1's shape and records where each came from. */
export function promiseFacts(found: readonly FoundPromise[], sources: SourceMap) {
  return found.map((p, i) => {
    sources[`promises.${i}`] = sourceOf(p.el, p.text);
    return { text: p.text, category: p.category, ...(p.detail ? { detail: p.detail } : {}) };
  });
}
