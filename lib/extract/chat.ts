import { isTimeStamp, parseDateTime } from './dates';
import { type SourceMap, sourceOf } from './sources';
import {
  BLOCK_TAGS,
  isHidden,
  isHiddenDeep,
  lineText,
  norm,
  visibleElements,
  visibleText,
} from './text';

export type Side = 'customer' | 'merchant' | 'system';

/** One chat message as contract 1 stores it (`image` marks a picture read by its alt). */
export interface ChatMessage {
  from: Side;
  name?: string;
  at?: string;
  text: string;
  image?: boolean;
}

/** A chat read off a page: its messages (in order) and the elements they came from. */
export interface FoundChat {
  container: Element;
  items: Element[];
  messages: ChatMessage[];
}

const CHAT_CLASS = /msg|message|chat|bubble|dialog|conversation|talk|im-|kefu|speech/i;
const NOT_CHAT =
  /comment|review|evaluat|rating|news|article|faq|question|answer-list|goods|product|order-list|notice-list|breadcrumb|crumb|menu|nav/i;
// A 工单 (support ticket) is a conversation too: replies from the user and from 客服.
const CHAT_WORDS = /客服|聊天|会话|对话|咨询|消息|留言|沟通|私信|联系商家|联系卖家|工单/;
const EN_CHAT_WORDS = /\b(live ?chat|chat|messages|conversation|support ticket)\b/i;
const AVATAR = /avatar|portrait|head-?img|headimg|user-?img|face|photo|profile-pic/i;
const UI_NOISE =
  /^(没有更多(消息|记录|了)?了?|加载中.*|正在加载.*|查看更多(消息)?|加载更多|以下[是为]新消息|以上[是为]历史消息|已读|未读|送达|已送达|发送失败|重新发送|撤回|复制|[-—–\s]+)$|^(已回复|待回复|未回复|(等待|等候)(商家|卖家|客服|店主|掌柜|对方)?(回复|答复|处理)中?[.。…]*)$/;

const CUSTOMER_TOKENS = new Set([
  'right',
  'self',
  'mine',
  'me',
  'my',
  'sent',
  'send',
  'out',
  'outgoing',
  'owner',
  'buyer',
  'customer',
  'client',
  'guest',
  'visitor',
  'user',
  'own',
  'ask',
  'question',
]);
const MERCHANT_TOKENS = new Set([
  'left',
  'other',
  'others',
  'recv',
  'receive',
  'received',
  'in',
  'incoming',
  'agent',
  'service',
  'kefu',
  'kf',
  'staff',
  'seller',
  'shop',
  'merchant',
  'support',
  'admin',
  'cs',
  'server',
  'store',
  'bot',
  'robot',
  'servicer',
  'waiter',
  'answer',
  'reply',
  // The other party of a one-to-one chat (闲鱼-style "peer-av"): the shop the user writes to.
  'peer',
]);
const SYSTEM_TOKENS = new Set([
  'system',
  'sys',
  'notice',
  'notify',
  'tip',
  'tips',
  'hint',
  'center',
  'centre',
  'event',
  'divider',
  'announcement',
  'alert',
]);

function tokensOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function sideOfTokens(tokens: readonly string[]): Side | undefined {
  const sides = new Set<Side>();
  for (const t of tokens) {
    if (SYSTEM_TOKENS.has(t)) sides.add('system');
    else if (CUSTOMER_TOKENS.has(t)) sides.add('customer');
    else if (MERCHANT_TOKENS.has(t)) sides.add('merchant');
  }
  if (sides.has('system')) return 'system';
  return sides.size === 1 ? [...sides][0] : undefined;
}

/** data-role="agent", data-from="me", data-self="true" and the like. */
function sideFromData(item: Element, skip?: ReadonlySet<Element>): Side | undefined {
  for (const el of [item, ...Array.from(item.children).filter((c) => !skip?.has(c))]) {
    for (const attr of Array.from(el.attributes)) {
      if (!attr.name.startsWith('data-') || attr.name === 'data-id') continue;
      const name = attr.name.slice(5);
      if (/^(is-?)?(self|me|mine|own)$/.test(name)) {
        if (attr.value === 'true' || attr.value === '1') return 'customer';
        if (attr.value === 'false' || attr.value === '0') return 'merchant';
      }
      if (!/role|from|sender|type|side|direction|who|author|source|position|owner/.test(name))
        continue;
      const side = sideOfTokens(tokensOf(attr.value));
      if (side) return side;
    }
  }
  return undefined;
}

/**
 * Utility classes (Tailwind, Bootstrap) that place an element's own content: text-center,
 * items-center, justify-center, align-items-center. On the avatar (a circle centring its
 * letter: "flex items-center justify-center") they say nothing of where the message sits.
 */
const CONTENT_UTILITY =
  /^(text|items|justify|place-items|place-content|align-items|justify-content|justify-items)-/;

/** The class words of an element, leaving out the utility class names `skip` matches. */
function classTokens(el: Element, skip?: RegExp): string[] {
  return (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => c && !skip?.test(c))
    .flatMap(tokensOf);
}

/**
 * Side from class names of the item and its direct children. `common` holds the class
 * words every message of the chat has ("cs" of cs-msg / cs-sys): a namespace, no cue.
 * The avatar's utility classes place its letter, not the message: <span class="flex
 * items-center justify-center">我</span> is no centred notice.
 */
function sideFromClasses(
  item: Element,
  common?: ReadonlySet<string>,
  skip?: ReadonlySet<Element>,
): Side | undefined {
  const own = sideOfTokens(
    tokensOf(item.getAttribute('class') ?? '').filter((t) => !common?.has(t)),
  );
  if (own) return own;
  const kids = Array.from(item.children)
    .filter((c) => !skip?.has(c))
    .flatMap((c) => (avatarChild(c, item) ? classTokens(c, CONTENT_UTILITY) : classTokens(c)));
  return sideOfTokens(kids.filter((t) => t !== 'in' && t !== 'out' && t !== 'me' && t !== 'my'));
}

/** Side from computed style: row-reverse / flex-end / text-align right mean "mine". */
function sideFromStyle(item: Element, bubble: Element | undefined): Side | undefined {
  const view = item.ownerDocument.defaultView;
  if (!view) return undefined;
  try {
    for (const el of [item, bubble?.parentElement, bubble]) {
      if (!el || !item.contains(el)) continue;
      const s = view.getComputedStyle(el);
      if (s.flexDirection === 'row-reverse') return 'customer';
      if (/flex-end|^end$|right/.test(s.justifyContent ?? '')) return 'customer';
      // align-items moves the children across the flex line: sideways in a column only (in a
      // row it lines a bubble up with the avatar's bottom).
      const across = !/flex/.test(s.display ?? '') || /column/.test(s.flexDirection ?? '');
      if (
        s.float === 'right' ||
        s.alignSelf === 'flex-end' ||
        (across && s.alignItems === 'flex-end')
      )
        return 'customer';
      if (el === item && (s.textAlign === 'right' || s.textAlign === 'end')) return 'customer';
      if (el === item && (s.justifyContent === 'center' || s.textAlign === 'center'))
        return 'system';
    }
  } catch {
    // No style engine: markup cues only.
  }
  return undefined;
}

/**
 * Side from the layout: where the bubble sits in the message list. Centred bubbles are
 * system lines, right-hand ones the customer's. Undefined without a layout engine.
 */
function sideFromLayout(
  container: Element,
  item: Element,
  bubble: Element | undefined,
  named = false,
): Side | undefined {
  if (!bubble || tableRow(item)) return undefined;
  const c = container.getBoundingClientRect();
  const r = bubble.getBoundingClientRect();
  if (!(c.width > 0) || !(r.width > 0)) return undefined;
  const left = r.left - c.left;
  const right = c.right - r.right;
  // Full-width cards (a ticket's replies) sit on neither side.
  if (left < c.width * 0.05 && right < c.width * 0.05) return undefined;
  if (Math.abs(left - right) <= c.width * 0.05 && left > c.width * 0.1) {
    // A long bubble beside an avatar in a narrow widget sits near the middle too: the
    // avatar's side tells whose it is. A line under a sender's name is nobody's notice.
    const avatar = avatarBox(item);
    if (avatar) {
      const a = avatar.getBoundingClientRect();
      if (a.right <= r.left + 1) return 'merchant';
      if (a.left >= r.right - 1) return 'customer';
    }
    return named ? undefined : 'system';
  }
  return left > right ? 'customer' : 'merchant';
}

/** The sender's picture in an item, when it has a size on the page. */
function avatarBox(item: Element): Element | undefined {
  const boxes = [
    ...Array.from(item.querySelectorAll('img')).filter((img) => isAvatar(img, item)),
    ...Array.from(item.querySelectorAll('*')).filter((e) => avatarClass(e)),
  ];
  return boxes.find((e) => !isHidden(e) && e.getBoundingClientRect().width > 0);
}

/**
 * A row of an exported table (时间 | 发送人 | 内容): two or more cells with text. Its
 * cells are columns, so where the text sits tells nothing of the side.
 */
function tableRow(item: Element): boolean {
  return (
    item.tagName === 'TR' &&
    Array.from(item.children).filter((c) => /^T[DH]$/.test(c.tagName) && lineText(c).trim())
      .length >= 2
  );
}

/** Side from the sender's name: 我/买家 are the customer, 客服/商家 the merchant. */
export function sideFromName(name: string | undefined): Side | undefined {
  if (!name) return undefined;
  const n = norm(name).replace(/\s/g, '');
  if (/^(系统|系统消息|系统通知|系统提示|提示|通知)/.test(n)) return 'system';
  if (
    /^(我|我自己|本人|自己|您|买家|顾客|用户|客户|访客|游客|me|you)$|^(买家|顾客|用户|访客|游客)/i.test(
      n,
    )
  )
    return 'customer';
  if (/客服|商家|店主|掌柜|卖家|售后|官方|管理员|小二|店长|老板|助手|机器人|专员|工号/.test(n))
    return 'merchant';
  return undefined;
}

interface Unit {
  el: Element;
  text: string;
}

/** The text units of an item: elements holding loose text, or leaf elements. */
function unitsOf(el: Element, out: Unit[] = [], skip?: ReadonlySet<Element>): Unit[] {
  if (isHidden(el) || skip?.has(el)) return out;
  const loose = Array.from(el.childNodes).some(
    (n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '',
  );
  const textKids = Array.from(el.children).filter(
    (c) => !isHidden(c) && !skip?.has(c) && lineText(c) !== '',
  );
  if (loose && textKids.some(blockLike)) {
    // Loose text beside a block of its own (<div class="card"><div class="h">…</div>the
    // message</div>, a quote over the reply): each block and each run of text is a unit.
    let run: string[] = [];
    const flush = (): void => {
      const text = run
        .join('')
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .trim();
      if (text) out.push({ el, text });
      run = [];
    };
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === 3) run.push(n.nodeValue ?? '');
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      if (isHidden(c) || skip?.has(c)) continue;
      if (blockLike(c)) {
        flush();
        unitsOf(c, out, skip);
      } else run.push(inlineText(c));
    }
    flush();
    return out;
  }
  if (loose || textKids.length === 0) {
    const text = inlineText(el);
    if (text) out.push({ el, text });
    return out;
  }
  for (const c of textKids) unitsOf(c, out, skip);
  return out;
}

/** Whether an element makes its own line: a block tag, or styled as a block. */
function blockLike(el: Element): boolean {
  if (BLOCK_TAGS.has(el.tagName)) return true;
  try {
    const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? '';
    return /^(block|flex|grid|list-item|table)$/.test(display);
  } catch {
    return false;
  }
}

/** An emoji drawn as a picture in a line of text: <img alt="[捂脸]">. */
const EMOJI_ALT = /^\[[^\]\s]{1,8}\]$/;

/**
 * The visible text of an element, with the alt of each emoji picture in it at its place
 * ("只到账了一个月<img alt="[捂脸]">" reads "只到账了一个月[捂脸]").
 */
function inlineText(el: Element): string {
  const emoji = Array.from(el.querySelectorAll('img')).some(
    (img) => EMOJI_ALT.test(img.getAttribute('alt') ?? '') && !isHidden(img),
  );
  if (!emoji || !visibleText(el) || el.querySelector('div, p, li, table')) return visibleText(el);
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    if (n.nodeType !== 1) return;
    const c = n as Element;
    if (isHidden(c)) return;
    if (c.tagName === 'IMG') {
      const alt = c.getAttribute('alt') ?? '';
      if (EMOJI_ALT.test(alt)) out.push(alt);
      return;
    }
    if (c.tagName === 'BR') out.push('\n');
    for (const k of Array.from(c.childNodes)) walk(k);
  };
  walk(el);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** An avatar box by class: "avatar", "headimg", or the short "av"/"ava" ("im-av", "peer-av"). */
function avatarClass(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  return AVATAR.test(cls) || tokensOf(cls).some((t) => t === 'av' || t === 'ava');
}

function inAvatar(el: Element, item: Element): boolean {
  for (let e: Element | null = el; e && e !== item.parentElement; e = e.parentElement) {
    if (avatarClass(e)) return true;
  }
  return false;
}

/**
 * An avatar drawn as text in a box with no class naming it (Tailwind's <span class="w-9 h-9
 * rounded-full …">我</span>, "客服", "橙"): a leaf at either end of the row holding a bare role
 * word or one or two letters, beside a block holding the message. A box classed as the name
 * (<p class="nick">我</p>) is the sender's name, and a word run into the line
 * (<span>我</span><span>：你好</span>) no avatar.
 */
function textAvatar(el: Element, item: Element): boolean {
  if (el.parentElement !== item || el.children.length) return false;
  if (NAME_CLASS.test(el.getAttribute('class') ?? '')) return false;
  const kids = Array.from(item.children).filter((c) => !isHidden(c));
  if (kids.length < 2 || (el !== kids[0] && el !== kids[kids.length - 1])) return false;
  const word = norm(lineText(el)).replace(/\s/g, '');
  if (!ROLE_WORD.test(word) && (!word || word.length > 2 || /^[\d\p{P}\p{S}]+$/u.test(word)))
    return false;
  // The block beside it holds the message, not a time alone: <div>好</div><div>10:03</div>
  // is a one-word message over its time.
  return kids.some(
    (c) =>
      c !== el &&
      blockLike(c) &&
      (c.querySelector('img') !== null ||
        visibleText(c)
          .split('\n')
          .some((line) => line.trim() !== '' && !hasTimeStamp(line.trim()))),
  );
}

/**
 * A text avatar holding a bare role word ("我", "客服"; not a name with a role in it, "星河客服"):
 * it names the side, and it is neither the sender's name nor the text.
 */
function roleAvatar(el: Element, item: Element): boolean {
  if (!textAvatar(el, item)) return false;
  const word = norm(lineText(el)).replace(/\s/g, '');
  const side = ROLE_WORD.test(word) ? roleLabel(word) : undefined;
  return Boolean(side && side !== 'system');
}

/** Whether a child of the row is the sender's picture: by class, an avatar image, or text. */
function avatarChild(el: Element, item: Element): boolean {
  return avatarClass(el) || (el.tagName === 'IMG' && isAvatar(el, item)) || textAvatar(el, item);
}

/**
 * The caption of a message board's entry ("我的留言", "商家回复", "客服答复"): the side
 * it names; the board shows no sender names.
 */
const ROLE_CAPTION =
  /^(?:(我的?|买家|顾客|用户|客户)的?(留言|提问|咨询|问题|反馈|追问|追评)|(商家|卖家|客服|店主|掌柜|官方|管理员|售后)的?(回复|答复|回答|解答|留言))$/;

/** A label set in brackets ("【买家留言】", "[客服]"): the words inside. */
function unbracket(text: string): string {
  const t = norm(text).replace(/\s/g, '');
  const m = /^[【[〔「(（<《]([^【[〔「(（<《】\]〕」)）>》]+)[】\]〕」)）>》]$/.exec(t);
  return m?.[1] ?? t;
}

function roleCaption(text: string): Side | undefined {
  const label = unbracket(text);
  // "您 10:21:40": the page speaking to its reader, the customer; a role, not a name.
  if (/^(您|你)$/.test(label)) return 'customer';
  const m = ROLE_CAPTION.exec(label);
  if (!m) return undefined;
  return m[1] ? 'customer' : 'merchant';
}

/**
 * A role word with the sender's name in brackets ("客服(小雨)", "客服【小雨】"), or a name
 * with its role in brackets ("小雨(客服)"): the side the role names and the bare name.
 */
function bracketedName(text: string): { badge: Side; name: string } | undefined {
  const m = /^(.{1,16}?)\s*[(（【[〔「]\s*([^()（）【】[\]〔〕「」]{1,16}?)\s*[)）】\]〕」]$/.exec(
    norm(text).trim(),
  );
  if (!m?.[1] || !m[2]) return undefined;
  const before = roleLabel(m[1]);
  const inside = roleLabel(m[2]);
  if (before && before !== 'system' && !inside) return { badge: before, name: m[2].trim() };
  if (inside && inside !== 'system' && !before) return { badge: inside, name: m[1].trim() };
  return undefined;
}

/** A bare role word, no name in it ("客服小蓝" is a name): 我, 卖家, 客服, You. */
const ROLE_WORD =
  /^(我|本人|您|你|买家|顾客|用户|客户|访客|游客|卖家|商家|客服|店主|掌柜|售后|官方|管理员|me|you)$/i;

/** A role word on its own ("我", "客服", "用户"): a label naming the side, not a message. */
function roleLabel(text: string): Side | undefined {
  const t = norm(text).replace(/\s/g, '');
  return t.length <= 4 ? sideFromName(t) : undefined;
}

/**
 * Whether a picture failed to load on a laid-out page: the browser draws its alt text in
 * its place, in a box of the text's size ("兑换失败截图" in 106×21), not the picture's.
 */
function brokenImage(img: Element): boolean {
  const el = img as HTMLImageElement;
  return (
    img.tagName === 'IMG' &&
    el.complete === true &&
    el.naturalWidth === 0 &&
    img.getBoundingClientRect().width > 0
  );
}

/**
 * Size in CSS pixels from the attribute, else from the page's style ("36px"); none from
 * the style of a picture that failed to load (its box is its alt text's).
 */
function imageSize(img: Element, dim: 'width' | 'height'): number {
  const attr = Number(img.getAttribute(dim) ?? 0);
  if (attr) return attr;
  if (brokenImage(img)) return 0;
  try {
    const css = img.ownerDocument.defaultView?.getComputedStyle(img)[dim] ?? '';
    return /^[\d.]+px$/.test(css) ? Number.parseFloat(css) : 0;
  } catch {
    return 0;
  }
}

/**
 * Whether an image is the sender's picture: inside an avatar box, named so by class,
 * icon-sized, or with a bare role word as alt (<img alt="我">, <img alt="客服">).
 */
function isAvatar(img: Element, item: Element): boolean {
  if (inAvatar(img, item)) return true;
  if (tokensOf(img.getAttribute('class') ?? '').some((t) => t === 'av' || t === 'head'))
    return true;
  const alt = img.getAttribute('alt') ?? '';
  if (/头像|avatar|logo|icon/i.test(alt) || roleLabel(alt)) return true;
  const w = imageSize(img, 'width');
  const h = imageSize(img, 'height');
  return Boolean((w && w <= 48) || (h && h <= 48));
}

/**
 * Side from what the reader sees beside the message: an avatar whose alt (or text) is a role word,
 * or a role badge before the sender's name (<span class="tag">客服</span>阿月).
 */
function sideFromLabels(
  item: Element,
  badge: Side | undefined,
  skip?: ReadonlySet<Element>,
): Side | undefined {
  if (badge) return badge;
  for (const img of Array.from(item.querySelectorAll('img'))) {
    if (inSkipped(img, skip)) continue;
    const side = isAvatar(img, item) ? roleLabel(img.getAttribute('alt') ?? '') : undefined;
    if (side) return side;
  }
  // An avatar drawn as text: <div class="im-av">我</div>, or a role word at the row's edge.
  for (const el of Array.from(item.querySelectorAll('*'))) {
    if (inSkipped(el, skip) || el.querySelector('img')) continue;
    if (!avatarClass(el) && !roleAvatar(el, item)) continue;
    const side = roleLabel(lineText(el));
    if (side) return side;
  }
  return undefined;
}

/**
 * The sender an avatar names by its alt text (<img class="avatar" alt="阿杰卡券">): not a role
 * word (我, 客服), not a generic caption (头像, avatar), not a file name.
 */
function avatarName(item: Element, skip?: ReadonlySet<Element>): string | undefined {
  for (const img of Array.from(item.querySelectorAll('img'))) {
    if (inSkipped(img, skip) || isHidden(img) || !isAvatar(img, item)) continue;
    // The sender's picture by class, or a small picture at the edge of the row; not a
    // sticker or emoji inside the bubble (<img alt="[微笑]">).
    const kids = Array.from(item.children);
    const edge = img.parentElement === item && (img === kids[0] || img === kids[kids.length - 1]);
    if (!edge && !inAvatar(img, item)) continue;
    const alt = norm(img.getAttribute('alt') ?? '').trim();
    if (
      !alt ||
      alt.length > 24 ||
      roleLabel(alt) ||
      sideFromName(alt) ||
      /^[[【(（]|表情|图标|头像|图片|图像|照片|avatar|logo|icon|image|img|photo|picture|\.(png|jpe?g|gif|webp|svg)$/i.test(
        alt,
      ) ||
      /^[\d\s\p{P}\p{S}]+$/u.test(alt)
    )
      return undefined;
    return alt;
  }
  return undefined;
}

const NAME_CLASS = /name|nick|sender|author|user|from|who|title/i;
/** A chat time stamp: 14:03, 今天 14:03, 11-19 14:03, 11月19日 16:20, 2026-11-19 16:20:05. */
const CHAT_STAMP = String.raw`(?:今天|昨天|前天|星期.|周.)?\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?(?:\d{1,2}[-/]\d{1,2}\s+|\d{1,2}月\d{1,2}日\s*)?(?:上午|下午|晚上|凌晨|早上|中午)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?`;
/** A time told relative to the capture: 刚刚, 3分钟前, 2小时前. */
const AGO_STAMP = String.raw`刚刚|\d{1,3}\s*(?:秒|分钟|小时)前`;
// "阿杰 14:03", "七七 · 11月19日 16:20", "Mia · 9:44 PM", "小白 3分钟前": a sender, maybe a
// separator, then the time.
const TIME_TAIL = new RegExp(
  String.raw`^(.{1,24}?)\s*[·•・|\-—–]?\s+(${CHAT_STAMP}|${AGO_STAMP})$`,
);
// "今天 10:45 本次会话已结束": a notice that starts with its time.
const TIME_HEAD = new RegExp(String.raw`^(${CHAT_STAMP})\s+(\S[\s\S]*)$`);
/**
 * "我：你好", "阿杰: 在的": a sender, a colon, the message. The sender holds no sentence
 * punctuation: "您已进入人工服务，当前客服：小橙" is a notice naming the agent, not 小橙's line.
 */
const INLINE_SPEAKER = /^([^:：\s，。！？；,!?;]{1,16})\s*[:：]\s*([\s\S]+)$/;
/** "客服 橙子：在的": a role word, the sender's name, a colon, the message. */
const ROLE_SPEAKER =
  /^((?:客服|商家|卖家|店主|掌柜|售后|管理员|官方|买家|顾客|用户|客户)\s+[^:：\s]{1,16})\s*[:：]\s*(\S[\s\S]*)$/;

/** A name part that ends in a clock time ("工作时间 9:00"): the start of a range, no sender. */
const RANGE_START = /\d{1,2}:\d{2}(:\d{2})?\s*(至|到|~|～)?$/;

/**
 * A sender before a time ("阿杰 14:03"): the name and the time. A date run into the name
 * ("用户2026-11-20 11:32:06") is the time's; a clock time before it makes a range
 * ("在线时间 09:00 - 23:30"), no stamp at all.
 */
function tailStamp(text: string): { name: string; timeText: string } | undefined {
  const tail = TIME_TAIL.exec(norm(text));
  if (!tail?.[1] || !tail[2] || !isTimeStamp(tail[2])) return undefined;
  let name = tail[1].trim();
  let timeText = tail[2];
  if (RANGE_START.test(name)) return undefined;
  const date = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|今天|昨天|前天)$/.exec(name);
  if (date?.[1] && !/[-/.月]\d{1,2}\s/.test(timeText) && isTimeStamp(`${date[1]} ${timeText}`)) {
    timeText = `${date[1]} ${timeText}`;
    name = name.slice(0, -date[1].length).trim();
  }
  return { name, timeText };
}

/** Whether a short text is a time stamp, or a sender followed by one ("阿杰 14:03"). */
function hasTimeStamp(text: string): boolean {
  return isTimeStamp(text) || Boolean(tailStamp(text));
}

/** A line that opens with its time ("今天 10:45 本次会话已结束"): the time and the rest. */
function leadingTime(text: string): { timeText: string; text: string } | undefined {
  // The raw text, not its normalised form: the message keeps its full-width punctuation.
  const head = TIME_HEAD.exec(text.trim());
  if (!head?.[1] || !head[2] || !isTimeStamp(head[1])) return undefined;
  return { timeText: head[1], text: head[2] };
}

/**
 * A header line holding the sender and the time: "阿杰 14:03", or a name beside a time
 * element that the page sets apart by style alone (<span class="t">…</span>, floated,
 * no space in the text between them).
 */
function nameAndTime(u: Unit): { name: string; timeText: string } | undefined {
  if (u.text.length > 50) return undefined;
  for (const c of Array.from(u.el.querySelectorAll('*'))) {
    const stamp = lineText(c);
    if (!stamp || !isTimeStamp(stamp)) continue;
    if (!u.text.startsWith(stamp) && !u.text.endsWith(stamp)) return undefined;
    const name = u.text.replace(stamp, '').trim();
    return name && name.length <= 24 ? { name, timeText: stamp } : undefined;
  }
  // A name element run into its time (<b>林深</b>09:02:20, <span class="role">用户</span>2026-…).
  for (const c of Array.from(u.el.children)) {
    const own = lineText(c).trim();
    if (!own || own.length > 24) continue;
    const text = u.text.trim();
    const rest = text.startsWith(own)
      ? text.slice(own.length).trim()
      : text.endsWith(own)
        ? text.slice(0, -own.length).trim()
        : '';
    if (rest && isTimeStamp(rest) && !isTimeStamp(own)) return { name: own, timeText: rest };
  }
  const tail = tailStamp(u.text);
  return tail?.name ? tail : undefined;
}

/**
 * Whether two elements share a line: a name beside its time in a header, not the
 * message bubble below the time (both children of one block, each its own line).
 */
function sameLine(a: Unit, b: Unit): boolean {
  const parent = a.el.parentElement;
  if (!parent || parent !== b.el.parentElement) return false;
  return visibleText(parent)
    .split('\n')
    .some((line) => line.includes(a.text) && line.includes(b.text));
}

/**
 * A role badge before or after the sender's name (<span class="role">用户</span>lin0428,
 * 阿宁<span class="role">客服</span>): the side it names and the name without it. Plain text ("客服 小美") is left whole.
 */
function splitBadge(el: Element, name: string): { badge?: Side; name: string } {
  for (const c of Array.from(el.querySelectorAll('*'))) {
    const label = norm(lineText(c));
    const side = label ? roleLabel(label) : undefined;
    if (!side || name.length <= label.length) continue;
    if (name.startsWith(label)) return { badge: side, name: name.slice(label.length).trim() };
    // A tag after the name (chenxi0815<span class="role">用户</span>).
    if (name.endsWith(label)) return { badge: side, name: name.slice(0, -label.length).trim() };
  }
  return { name };
}

function inSkipped(el: Element, skip?: ReadonlySet<Element>): boolean {
  if (!skip?.size) return false;
  for (let e: Element | null = el; e; e = e.parentElement) if (skip.has(e)) return true;
  return false;
}

/** A time followed by the message's delivery state ("10:39 AM · Read", "14:03 已读"). */
const DELIVERY_STATE = /\s*[·•|]?\s*(read|seen|delivered|sent|已读|未读|已送达|送达|已发送)$/i;

/** The time stamp a short line is, once a trailing delivery state is left off. */
function stampOf(text: string): string | undefined {
  if (isTimeStamp(text)) return text;
  const bare = norm(text).replace(DELIVERY_STATE, '');
  return bare !== norm(text) && isTimeStamp(bare) ? bare : undefined;
}

/** A day heading of a thread with no digits: "Today", "昨天". Days back from the capture. */
const DAYS_BACK = ['今天', '昨天', '前天'];
const BARE_CLOCK = /^(上午|中午|下午|晚上|凌晨|早上|AM|PM)?\s*\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM)?$/i;
const DAY_WORD = new Map([
  ['today', 0],
  ['今天', 0],
  ['yesterday', 1],
  ['昨天', 1],
  ['前天', 2],
]);

/**
 * A line that opens with a time element run into its text
 * (<span><span class="time">19:58</span>客服 阿杰 已接入会话</span>): the time and the
 * rest as units of their own. Only when the line is all the item holds: beside other
 * lines it is a "time name" header, which nameAndTime reads.
 */
function splitLeadingTimes(units: Unit[]): Unit[] {
  const only = units.length === 1 ? units[0] : undefined;
  if (!only) return units;
  const kids = Array.from(only.el.children);
  for (const c of kids) {
    const stamp = lineText(c).trim();
    if (!stamp || !isTimeStamp(stamp)) continue;
    const rest = only.text.trim();
    if (rest.length === stamp.length) return units;
    if (rest.startsWith(stamp))
      return [
        { el: c, text: stamp },
        { el: only.el, text: rest.slice(stamp.length).trim() },
      ];
    // Or closes with it: "Chat started<time>10:38 AM</time>".
    if (rest.endsWith(stamp) && c === kids[kids.length - 1])
      return [
        { el: only.el, text: rest.slice(0, -stamp.length).trim() },
        { el: c, text: stamp },
      ];
    return units;
  }
  return units;
}

/** The headline of an order card posted in a chat: the order's new status. */
const ORDER_STATUS =
  /已拍下|待付款|已付款|已支付|待发货|已发货|待收货|确认收货|已收货|已签收|交易成功|交易完成|交易关闭|订单已|退款成功|已退款|申请退款|待评价/;
const CARD_CLASS = /card|order|trade/i;

/**
 * An order card in the thread (闲鱼's "买家已付款，待卖家发货" over the goods, price and a
 * 查看详情 link): a system message whose text is the headline alone.
 */
function orderCardHeadline(item: Element, units: Unit[]): string | undefined {
  const head = units[0];
  if (units.length < 3 || !head || head.text.length > 30 || !ORDER_STATUS.test(head.text))
    return undefined;
  if (!CARD_CLASS.test(item.getAttribute('class') ?? '')) return undefined;
  const rest = units.slice(1).map((u) => norm(u.text));
  return rest.some((t) => /^查看(详情|订单)|[¥￥]\s*\d/.test(t)) ? head.text : undefined;
}

/**
 * An order number label, with a colon ("订单号：QY2612…") or a space before the number
 * itself ("订单编号 3928461057203846172", as second-hand platforms print it).
 */
const ORDER_NO = /订单(号|编号)\s*[:：]|订单(号|编号)\s+[A-Za-z]{0,4}\d{8,}/;

/**
 * The order card a chat shows (sent by the buyer to say which order is asked about: the
 * goods, 订单号, 实付, 状态), when the item holds nothing else: the page's order, no
 * message. An element classed as a card, order or goods box holding an order number
 * label and a price.
 */
function chatOrderCard(item: Element): Element | undefined {
  for (const el of [item, ...Array.from(item.querySelectorAll('*'))]) {
    if (!/card|order|goods|trade/i.test(el.getAttribute('class') ?? '')) continue;
    const text = norm(lineText(el));
    if (ORDER_NO.test(text) && /[¥￥]\s*\d|实付|金额/.test(text)) return el;
  }
  return undefined;
}

const ATTACH_CLASS = new Set(['attach', 'attachment', 'attachments', 'file', 'files', 'enclosure']);
/** A file name, maybe after a clip or 附件 and before its size: "📎 error.png（214 KB）". */
const FILE_CHIP =
  /^(?:📎|🔗|\[附件\]|附件\s*[:：]?)?\s*[^\s/\\:：]{1,80}\.(?:png|jpe?g|gif|webp|bmp|heic|pdf|zip|rar|7z|txt|log|docx?|xlsx?|csv|mp4|mov|avi)\s*(?:[(（]\s*[\d.]+\s*[KMG]?B\s*[)）])?(?:\s*(?:下载|查看|预览))?$/i;

/** An attachment chip: a file name (and size) alone, or a line in a box classed as a file. */
function attachmentChip(u: Unit): boolean {
  const text = norm(u.text);
  if (FILE_CHIP.test(text)) return true;
  if (text.length > 60 || !/\.[a-z0-9]{2,4}\b|[KMG]B\b/i.test(text)) return false;
  for (let e: Element | null = u.el; e && e.tagName !== 'BODY'; e = e.parentElement)
    if (tokensOf(e.getAttribute('class') ?? '').some((t) => ATTACH_CLASS.has(t))) return true;
  return false;
}

/**
 * A card of linked questions (猜你想问 over three links): a widget offering questions to
 * ask, no message. Two or more links, and at most a short heading besides.
 */
function questionCard(units: Unit[]): boolean {
  const linked = units.filter((u) => u.el.closest('a[href]'));
  const other = units.filter((u) => !linked.includes(u));
  return (
    linked.length >= 2 &&
    other.length <= 1 &&
    other.every((u) => norm(u.text).length <= 8 && !isTimeStamp(u.text))
  );
}

/** Whether a unit sits in a quote of an earlier message (<div class="quote">小北：…</div>). */
function quoted(u: Unit, item: Element): boolean {
  for (let e: Element | null = u.el; e && e !== item; e = e.parentElement)
    if (e.tagName === 'BLOCKQUOTE' || QUOTE.test(e.getAttribute('class') ?? '')) return true;
  return false;
}

/** The units of a reply without the earlier message it quotes above its own text. */
function unquoted(units: Unit[], item: Element): Unit[] {
  const own = units.filter((u) => !quoted(u, item));
  return own.length && own.length < units.length ? own : units;
}

/** A file's name alone: "付款截图.pdf". */
const FILE_NAME =
  /^[^\s/\\:：]{1,80}\.(?:png|jpe?g|gif|webp|bmp|heic|pdf|zip|rar|7z|txt|log|docx?|xlsx?|csv|mp4|mov|avi)$/i;

/**
 * A file message (a box classed as a file holding its name, type icon, size and 下载): the
 * name alone; the rest of the box is no text.
 */
function fileCard(units: Unit[], item: Element): Unit[] {
  for (const u of units) {
    if (!FILE_NAME.test(norm(u.text))) continue;
    for (let e: Element | null = u.el; e && e !== item; e = e.parentElement) {
      if (!tokensOf(e.getAttribute('class') ?? '').some((t) => ATTACH_CLASS.has(t))) continue;
      const box = e;
      return units.filter((o) => o === u || !box.contains(o.el));
    }
  }
  return units;
}

interface Parsed {
  card?: boolean;
  /** A "Today" / "昨天" heading: the days back from the capture it stands for. */
  dayBack?: number;
  name?: string;
  badge?: Side;
  timeText?: string;
  text: string;
  /** The bubbles grouped under one header, each a message of its own. */
  parts?: string[];
  image: boolean;
  bubble?: Element;
  separator: boolean;
}

/**
 * Splits an item into name, time, content (and picture alt text). `skip` holds nested
 * messages (a reply inside the message it answers) that are read on their own.
 */
function parseItem(item: Element, skip?: ReadonlySet<Element>): Parsed | undefined {
  const units = fileCard(
    unquoted(
      splitLeadingTimes(
        unitsOf(item, [], skip).filter(
          (u) => !inAvatar(u.el, item) && !roleAvatar(u.el, item) && !UI_NOISE.test(norm(u.text)),
        ),
      ),
      item,
    ),
    item,
  );
  if (questionCard(units)) return undefined;
  const dayBack =
    units.length === 1 ? DAY_WORD.get(norm(units[0]?.text ?? '').toLowerCase()) : undefined;
  if (dayBack !== undefined) return { text: '', dayBack, image: false, separator: true };
  const headline = orderCardHeadline(item, units);
  if (headline) return { card: true, text: headline, image: false, separator: false };
  const orderCard = chatOrderCard(item);
  if (orderCard && units.every((u) => orderCard.contains(u.el))) return undefined;
  const images = Array.from(item.querySelectorAll('img')).filter(
    (img) => !isHidden(img) && !isAvatar(img, item) && !inSkipped(img, skip),
  );
  let name: Unit | undefined;
  let nameText: string | undefined;
  let time: Unit | undefined;
  let timeText: string | undefined;
  const rest: Unit[] = [];
  for (const u of units) {
    const stamp = time ? undefined : stampOf(u.text);
    if (stamp) {
      time = u;
      timeText = stamp;
      continue;
    }
    // "name time" is a header only when something else (text or a picture) is the message.
    const header = !time && (units.length > 1 || images.length) ? nameAndTime(u) : undefined;
    if (header) {
      time = u;
      timeText = header.timeText;
      name = u;
      nameText = header.name;
      continue;
    }
    rest.push(u);
  }
  if (!name) {
    const byClass = rest.find(
      (u) => NAME_CLASS.test(u.el.getAttribute('class') ?? '') && u.text.length <= 24,
    );
    // A role badge before the name on the time's line ("客服 青禾 17:05" in three spans)
    // gives way to the name beside it.
    const onLine = time ? rest.filter((u) => u.text.length <= 24 && sameLine(u, time)) : [];
    const besideTime =
      onLine.length >= 2 && roleLabel(onLine[0]?.text ?? '') && rest.length > 2
        ? (onLine.find((u) => !roleLabel(u.text)) ?? onLine[0])
        : onLine[0];
    const first = rest.length >= 2 && (rest[0]?.text.length ?? 99) <= 24 ? rest[0] : undefined;
    name = byClass ?? besideTime ?? first;
    nameText = name?.text;
  }
  const badged = name && nameText ? splitBadge(name.el, nameText) : undefined;
  if (badged) nameText = badged.name;
  // A role word alone in its own tag on the time's line (<span class="role">用户</span>2026-…):
  // a badge naming the side, no sender's name.
  let headBadge: Side | undefined;
  if (name && name === time && nameText && !badged?.badge) {
    const label = nameText;
    const role = roleLabel(label);
    if (
      role &&
      role !== 'system' &&
      Array.from(name.el.children).some((c) => norm(lineText(c)).trim() === label)
    ) {
      headBadge = role;
      nameText = undefined;
      name = undefined;
    }
  }
  // A "name time" line that opens with a role word ("我 · 2026-…", "You · 9:41 PM",
  // "客服 · 秋秋 · 2026-…", "商家回复 · 小南 …"): the word names the side; what follows it, if
  // anything, is the name.
  if (name && name === time && nameText && !badged?.badge && !headBadge) {
    const parts = nameText.split(/\s*[·•・|｜]\s*/).filter(Boolean);
    const first = parts[0] ?? '';
    const role = (ROLE_WORD.test(first) ? roleLabel(first) : undefined) ?? roleCaption(first);
    if (role && role !== 'system') {
      headBadge = role;
      nameText = parts.slice(1).join(' ') || undefined;
      if (!nameText) name = undefined;
    }
  }
  // Avatars drawn as text repeat (part of) the sender's name: "林" beside "林先生".
  let content = rest.filter(
    (u) =>
      u !== name && !(nameText && u.text.length <= nameText.length && nameText.includes(u.text)),
  );
  // An initial avatar opening the row (<span class="init">我</span>, "M"): one or two
  // letters in a box of their own before the message, no text of it.
  if (content.length > 1) {
    const initial = (u: Unit): boolean =>
      u.el === item.firstElementChild &&
      u.el.children.length === 0 &&
      norm(u.text).trim().length <= 2 &&
      !/^[\d\p{P}\p{S}]+$/u.test(norm(u.text).trim());
    const body = content.filter((u) => !initial(u));
    if (body.length) content = body;
  }
  // A role badge of its own beside the sender's name or the time (<span class="r-name">青禾</span>
  // <span class="role">客服</span><span class="r-time">…</span>): the side, not the message.
  let rowBadge: Side | undefined;
  const heads: Element[] = [name, time].flatMap((u) =>
    u?.el.parentElement ? [u.el.parentElement] : [],
  );
  const badges = nameText
    ? content.filter(
        (u) =>
          roleLabel(u.text) && heads.some((h) => h === u.el.parentElement) && !heads.includes(u.el),
      )
    : [];
  if (badges.length === 1 && content.length > 1) {
    rowBadge = roleLabel(badges[0]?.text ?? '');
    content = content.filter((u) => !badges.includes(u));
  }
  // A file chip under the message ("📎 redeem_error.png（214 KB）"): an attachment, not its text.
  if (content.length > 1) {
    const body = content.filter((u) => !attachmentChip(u));
    if (body.length) content = body;
  }
  let text = content.map((u) => u.text).join('\n');
  // Bubbles grouped under one "name time" header (<div class="gh">云朵 昨天 22:10</div> then
  // two <div class="one">): each bubble is a message of its own, sent at the header's time.
  const group = content[0]?.el.parentElement;
  const grouped =
    content.length >= 2 &&
    time &&
    group &&
    time.el.parentElement === group &&
    content.every(
      (u) =>
        u.el !== group &&
        u.el.parentElement === group &&
        u.el.getAttribute('class') &&
        shapeOf(u.el) === shapeOf(content[0]?.el as Element),
    ) &&
    new Set(content.map((u) => u.el)).size === content.length;
  const caption = text && nameText ? roleCaption(nameText) : undefined;
  if (caption) nameText = undefined;
  // "客服(小雨)": the role word gives the side, the name is the one in brackets.
  const roleNamed = text && nameText && !caption ? bracketedName(nameText) : undefined;
  if (roleNamed) nameText = roleNamed.name;
  let image = false;
  if (!text && images.length) {
    // A picture is quoted by its alt text; one without alt has nothing to quote.
    const alts = images.map((img) => img.getAttribute('alt')?.trim() ?? '').filter(Boolean);
    if (!alts.length) return undefined;
    text = alts.join('\n');
    image = true;
  }
  if (!text && !nameText && time) return { text: '', timeText, image: false, separator: true };
  let bubbleEl: Element | undefined =
    content.length === 1 ? content[0]?.el : (images[0] ?? content[0]?.el);
  if (!text && nameText && name && name !== time) {
    // A single line is the message itself, not a sender.
    text = nameText;
    bubbleEl = name.el;
    nameText = undefined;
    name = undefined;
  }
  if (!text) return undefined;
  let speakerBadge: Side | undefined;
  const line = content.length === 1 ? content[0] : undefined;
  if (!nameText && line) {
    const speaker = inlineSpeaker(line, text, Boolean(time));
    if (speaker) {
      nameText = speaker.name;
      speakerBadge = speaker.badge;
      text = speaker.text;
    }
  }
  const bubble = bubbleEl;
  return {
    ...(nameText ? { name: bareName(nameText.trim()) } : {}),
    ...(caption
      ? { badge: caption }
      : roleNamed
        ? { badge: roleNamed.badge }
        : speakerBadge
          ? { badge: speakerBadge }
          : nameText && badged?.badge
            ? { badge: badged.badge }
            : nameText && rowBadge
              ? { badge: rowBadge }
              : headBadge
                ? { badge: headBadge }
                : {}),
    ...(timeText ? { timeText } : {}),
    text,
    ...(grouped && !image ? { parts: content.map((u) => u.text) } : {}),
    image,
    ...(bubble ? { bubble } : {}),
    separator: false,
  };
}

/**
 * A sender's name without what the page hangs on it: a corp tag ("林夕@拾月数卡") or the
 * account number in brackets ("晚星(1527384960)").
 */
function bareName(name: string): string {
  const bare = name
    .replace(/\s*[(（]\s*\d{5,12}\s*[)）]$/, '')
    .replace(/\s*[@＠][^\s@＠]{1,16}$/, '')
    .trim();
  return bare || name;
}

/** What follows a speaker and its colon ("：你好", ": hi"): the message text. */
const AFTER_COLON = /^\s*[:：]\s*(\S[\s\S]*)$/;

/**
 * A line that opens with its speaker and a colon: an element of its own
 * (<span class="who">顾客 momo_2233</span>：你好), or plain text ("客服 橙子：在的",
 * "我：你好"; a plain name only with a role word or a time beside it). A role word
 * before the name (顾客, 客服) names the side and is no part of the name; a bare 系统
 * is the system's line, with no name.
 */
function inlineSpeaker(
  u: Unit,
  text: string,
  timed: boolean,
): { name?: string; badge?: Side; text: string } | undefined {
  let label: string | undefined;
  let body: string | undefined;
  for (const c of Array.from(u.el.querySelectorAll('*'))) {
    const own = norm(lineText(c)).trim();
    if (!own || own.length > 24 || isTimeStamp(own) || !text.startsWith(own)) continue;
    const after = AFTER_COLON.exec(text.slice(own.length));
    if (after?.[1]) {
      label = own;
      body = after[1];
    }
    break;
  }
  if (!label) {
    const role = ROLE_SPEAKER.exec(text);
    const plain = role ? undefined : INLINE_SPEAKER.exec(text);
    const m = role ?? plain;
    if (!m?.[1] || !m[2] || (plain && !sideFromName(m[1]) && !timed)) return undefined;
    label = m[1];
    body = m[2];
  }
  if (!body) return undefined;
  const role = ROLE_PREFIX.exec(label);
  if (role?.[1] && role[2]) {
    const badge = sideFromName(role[1]);
    return { name: role[2].trim(), ...(badge ? { badge } : {}), text: body.trim() };
  }
  if (roleLabel(label) === 'system') return { badge: 'system', text: body.trim() };
  return { name: label, text: body.trim() };
}

/** A log line that opens with a time element run into its text (<em>[11-20 09:01]</em> 我：…). */
function timeFirst(el: Element): boolean {
  const lead = el.firstElementChild;
  const stamp = lead ? lineText(lead).trim() : '';
  const text = lineText(el).trim();
  return (
    stamp.length > 0 &&
    stamp.length <= 30 &&
    /\d:\d\d/.test(stamp) &&
    isTimeStamp(stamp) &&
    text.startsWith(stamp) &&
    text.length > stamp.length
  );
}

function messageLike(el: Element): boolean {
  const text = lineText(el);
  if (!text && !el.querySelector('img')) return false;
  if (text.length > 3000) return false;
  // A page section (a goods grid, a side column of boxes) holds many headed blocks; one
  // message holds a heading at most.
  if (el.querySelectorAll('h1, h2, h3, h4, h5, h6').length >= 2) return false;
  if (CHAT_CLASS.test(el.getAttribute('class') ?? '')) return true;
  if (sideFromData(el) || sideFromClasses(el)) return true;
  if (timeFirst(el)) return true;
  // A card holding a table of fields (订单编号 | LM2026…, a 卡号 | 卡密 | 提取时间 table) is a
  // record of the page: its times are field values, and it is no message.
  if ([el, ...Array.from(el.querySelectorAll('table, dl'))].some(fieldTable)) return false;
  return unitsOf(el).some(
    (u) =>
      (u.text.length <= 50 && hasTimeStamp(u.text)) || (u.text.length <= 80 && leadingTime(u.text)),
  );
}

/** Class words of a message bubble: msg, message, bubble. */
const BUBBLE_WORDS = new Set(['msg', 'message', 'bubble', 'bub']);

/**
 * Whether the rows of a list are drawn as a chat's bubbles: three or more of them (and
 * half the rows or more) hold a box classed as the message (<div class="line mine"><div
 * class="av"></div><div class="msg">你好</div></div>), and their sides differ: some are
 * the reader's (mine, self, row-reverse), others are not. A one-to-one chat in a mobile
 * app's web view has no title or heading that says "客服" or "聊天", only its bubbles.
 */
function bubbleRows(items: readonly Element[]): boolean {
  const rows = items.filter((item) =>
    Array.from(item.querySelectorAll('*')).some((e) =>
      tokensOf(e.getAttribute('class') ?? '').some((t) => BUBBLE_WORDS.has(t)),
    ),
  );
  if (rows.length < 3 || rows.length * 2 < items.length) return false;
  const sides = rows.map(rowSide);
  return sides.includes('customer') && sides.some((s) => s !== 'customer' && s !== 'system');
}

function chatCue(doc: Document, container: Element, items?: readonly Element[]): boolean {
  for (let e: Element | null = container; e; e = e.parentElement) {
    const names = `${e.id} ${e.getAttribute('class') ?? ''}`;
    if (NOT_CHAT.test(names)) return false;
    // "kf" is 客服 (kefu) cut short: kf-widget, kf-body.
    if (
      CHAT_CLASS.test(names) ||
      /kefu|service|im\b/i.test(names) ||
      tokensOf(names).includes('kf')
    )
      return true;
    // A widget labelled for screen readers: role="log", aria-label="Chat with 礼卡铺".
    const label = e.getAttribute('aria-label') ?? '';
    if (e.getAttribute('role') === 'log' || EN_CHAT_WORDS.test(label) || CHAT_WORDS.test(label))
      return true;
  }
  if (composerCue(container) || (items && bubbleRows(items))) return true;
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3, h4, [class*="title" i]'))
    .map((h) => lineText(h))
    .join(' ');
  const named = `${doc.title} ${headings}`;
  return CHAT_WORDS.test(named) || EN_CHAT_WORDS.test(named);
}

/** The input box of a chat window: "请输入消息，按 Enter 发送", "Compose your message…". */
const COMPOSER =
  /请?输入.{0,6}(消息|内容)|按\s*enter\s*发送|\b(type|compose|write|enter|send)\s+(a|your)\s+(message|reply)/i;

/**
 * Whether the message list has a chat's input box after it (in the widget that holds it):
 * a field or a short line inviting the reader to type a message.
 */
function composerCue(container: Element): boolean {
  let e: Element | null = container;
  for (let level = 0; e && level < 3 && e.tagName !== 'BODY'; level++, e = e.parentElement) {
    for (let next = e.nextElementSibling; next; next = next.nextElementSibling) {
      // The input bar itself, not a part of the page that holds a widget further on.
      if (isHidden(next) || lineText(next).length > 80) continue;
      const fields = Array.from(next.querySelectorAll('textarea, input'));
      if (fields.some((f) => COMPOSER.test(f.getAttribute('placeholder') ?? ''))) return true;
      const leaves = [next, ...Array.from(next.querySelectorAll('*'))].filter(
        (c) => c.children.length === 0,
      );
      if (leaves.some((c) => lineText(c).length <= 40 && COMPOSER.test(lineText(c)))) return true;
    }
  }
  return false;
}

const shapeOf = (el: Element): string => `${el.tagName} ${norm(el.getAttribute('class') ?? '')}`;

/**
 * Whether an element is one message of a list rather than the list: it sits among
 * two or more siblings of its own shape that look like messages, and its own parts
 * (head, body, nested reply) are each of a different shape.
 */
function oneOfList(el: Element, likes: Element[]): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  const shape = shapeOf(el);
  const alike = Array.from(parent.children).filter((c) => shapeOf(c) === shape);
  if (alike.length < 2 || !alike.every(messageLike)) return false;
  return new Set(likes.map(shapeOf)).size === likes.length;
}

/**
 * A side the row itself shows before it is parsed: data and class words, a role word
 * in its avatar ("我"), or a style that pushes it to one side.
 */
function rowSide(row: Element): Side | undefined {
  return (
    sideFromData(row) ??
    sideFromClasses(row) ??
    sideFromLabels(row, undefined) ??
    sideFromStyle(row, undefined)
  );
}

/**
 * The message-like kids of a list, with rows drawn as bubbles on two sides added: three
 * or more rows of one shape (tag and first class word) holding no link list or form, of
 * which two or more show a side and the rest show none or another (a mobile chat whose
 * own bubbles are pushed right, the agent's left, with no times in them; its times sit
 * on dividers between the rows).
 */
function twoSidedRows(kids: Element[], likes: Element[]): Element[] {
  if (likes.length >= kids.length * 0.5 || kids.length > 400) return likes;
  const base = (el: Element) =>
    `${el.tagName} ${tokensOf(el.getAttribute('class') ?? '')[0] ?? ''}`;
  const groups = new Map<string, Element[]>();
  for (const k of kids) {
    if (likes.includes(k)) continue;
    const key = base(k);
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  const added = new Set<Element>();
  for (const rows of groups.values()) {
    if (rows.length < 3) continue;
    const plain = rows.every((r) => {
      const text = lineText(r).trim();
      const linked = Array.from(r.querySelectorAll('a'))
        .map((a) => lineText(a).trim())
        .join('');
      return (
        text.length > 0 &&
        text.length <= 500 &&
        linked.length < text.length / 2 &&
        !r.querySelector('textarea, input, button, select, form, table, ul, ol, h1, h2, h3')
      );
    });
    if (!plain) continue;
    const sides = rows.map(rowSide);
    const cued = sides.filter(Boolean);
    if (cued.length >= 2 && new Set(sides).size >= 2) for (const r of rows) added.add(r);
  }
  return added.size ? kids.filter((k) => likes.includes(k) || added.has(k)) : likes;
}

/** The list element whose children look most like chat messages. */
function findContainer(doc: Document): { container: Element; items: Element[] } | undefined {
  let best: { container: Element; items: Element[]; score: number } | undefined;
  for (const el of visibleElements(doc)) {
    const kids = Array.from(el.children).filter((c) => !isHidden(c));
    if (kids.length < 2) continue;
    const likes = twoSidedRows(kids, kids.filter(messageLike));
    if (likes.length < 2 || likes.length < kids.length * 0.5 || oneOfList(el, likes)) continue;
    // Between lists of as many messages, the one whose items are drawn as messages (a
    // side or chat class) beats the page's boxes that merely hold times.
    const drawn = likes.filter(
      (l) =>
        CHAT_CLASS.test(l.getAttribute('class') ?? '') || sideFromData(l) || sideFromClasses(l),
    ).length;
    const score = likes.length + (0.9 * drawn) / likes.length;
    if (!best || score > best.score) best = { container: el, items: trimmed(kids, likes), score };
  }
  return best;
}

/**
 * A table (or definition list) of label and value pairs: two or more rows of two or more
 * cells with text, or two or more dt/dd pairs. A record's fields, not one message.
 */
function fieldTable(el: Element): boolean {
  if (el.tagName === 'DL') return el.querySelectorAll('dt').length >= 2;
  if (el.tagName !== 'TABLE') return false;
  const rows = Array.from(el.querySelectorAll('tr')).filter(
    (r) =>
      Array.from(r.children).filter((c) => /^T[DH]$/.test(c.tagName) && lineText(c).trim())
        .length >= 2,
  );
  return rows.length >= 2;
}

/**
 * The run of items from the first message-like one to the last: a ticket's heading
 * card and breadcrumb before the replies, or its reply form after them, are no messages.
 * Rows drawn like two or more messages (same tag, same first class word) stay in the run: the
 * other side's bubble with no cue of its own ("row" beside "row me"), and so do order cards
 * and day headings; an input box does not.
 */
function trimmed(kids: Element[], all: Element[]): Element[] {
  // A table of fields at either end (工单编号 | 状态 | 提交时间 over a ticket's replies) is its
  // header, no message: holding a time makes it look like one.
  const likes = [...all];
  const fields = (el: Element | undefined): boolean =>
    Boolean(el && fieldTable(el) && !likes.some((l) => l !== el && l.tagName === el.tagName));
  while (likes.length > 2 && fields(likes[0])) likes.shift();
  while (likes.length > 2 && fields(likes[likes.length - 1])) likes.pop();
  let first = kids.indexOf(likes[0] as Element);
  let last = kids.indexOf(likes[likes.length - 1] as Element);
  const base = (el: Element | undefined) => tokensOf(el?.getAttribute('class') ?? '')[0];
  const alike = (k: Element | undefined): boolean => {
    const word = base(k);
    return (
      Boolean(k && word) &&
      likes.filter((l) => l.tagName === k?.tagName && base(l) === word).length >= 2 &&
      !k?.querySelector('textarea, input, button, select, form') &&
      lineText(k as Element) !== ''
    );
  };
  // An order card posted at either end of the thread is one of its messages too, and a
  // "Today" heading over the first message dates the bare times below it.
  const card = (k: Element | undefined): boolean =>
    Boolean(
      k && (DAY_WORD.has(norm(lineText(k)).toLowerCase()) || orderCardHeadline(k, unitsOf(k))),
    );
  // A short line of another shape with a row drawn like the messages beyond it is in the
  // thread too: a recall notice (<div class="sysline">对方已撤回一条消息</div>) before the
  // agent's last bubble, a row with no side of its own that only its shape keeps in the run.
  // An input bar, a link list or a picture is no such line.
  const between = (k: Element | undefined, beyond: Element | undefined): boolean =>
    Boolean(
      k &&
        alike(beyond) &&
        lineText(k).trim() !== '' &&
        lineText(k).length <= 60 &&
        !k.querySelector('textarea, input, button, select, form, a, img'),
    );
  while (
    alike(kids[first - 1]) ||
    card(kids[first - 1]) ||
    between(kids[first - 1], kids[first - 2])
  )
    first--;
  while (alike(kids[last + 1]) || card(kids[last + 1]) || between(kids[last + 1], kids[last + 2]))
    last++;
  return kids.slice(first, last + 1);
}

/**
 * The chat on a page, message by message in page order: who sent each (from the
 * layout when the page is rendered, else data attributes, class names, styles and
 * the sender's name), the name, the time resolved against `capturedAt` in `zone`, the text, and
 * pictures by their alt text. Undefined when the page shows no chat (news lists,
 * reviews and order lists have dates but no sides).
 */
export function findChat(doc: Document, capturedAt: string, zone?: number): FoundChat | undefined {
  return (
    forumChat(doc, capturedAt, zone) ??
    bubbleChat(doc, capturedAt, zone) ??
    transcriptChat(doc, capturedAt, zone)
  );
}

/** "发表于 2026-11-18 20:06", "回复于 昨天 16:05": when a forum post went up. */
const POSTED = new RegExp(
  String.raw`(?:发表于|发布于|回复于|发表时间|回复时间|发帖时间|posted\s+(?:on|at))\s*[:：]?\s*(${CHAT_STAMP})`,
  'gi',
);
/** Floor labels of a thread: 楼主, 沙发, 板凳, 地板, 5#, 12楼. */
const FLOOR = /^(楼主|沙发|板凳|地板|\d{1,5}\s*[#楼])$/;
const AUTHOR_CLASS = /(^|[\s_-])(authi|author|poster|user-?name|username|nick(-?name)?)($|[\s_-])/i;
const BODY_CLASS =
  /(^|[\s_-])(t_f|postmessage|post-?(content|body|text|message)|message|content|reply-?content|entry-?content)($|[\s_-])/i;
const PROFILE_LINK = /space|profile|member|user|\/u\//i;
const POST_NOISE = /sign|pstatus|status|quote|action|toolbar|(^|[\s_-])po($|[\s_-])/i;
const EDIT_NOTE = /^(本帖最后由.*编辑|最后编辑于.*|.*编辑于\s*\S+\s*\S*)$/;
const MERCHANT_BADGE = /商家|官方|客服|卖家|店主|掌柜/;

function postedMarks(el: Element): string[] {
  return [...lineText(el).matchAll(POSTED)].map((m) => m[1] ?? '').filter(isTimeStamp);
}

/** Short leaf labels of a post (楼主, 认证商家, 商家回复) outside its body. */
function postLabels(item: Element, body: Element | undefined): string[] {
  return Array.from(item.querySelectorAll('*'))
    .filter((e) => e.children.length === 0 && !body?.contains(e) && !isHidden(e))
    .map((e) => norm(lineText(e)))
    .filter((t) => t && t.length <= 6);
}

interface Post {
  item: Element;
  author?: string;
  at?: string;
  text: string;
  merchantCue: boolean;
  starterCue: boolean;
  namedBody: boolean;
}

function readPost(item: Element, capturedAt: string, zone?: number): Post | undefined {
  const stamp = postedMarks(item)[0];
  const at = stamp ? parseDateTime(stamp, capturedAt, zone) : undefined;
  const all = Array.from(item.querySelectorAll('*')).filter((e) => !isHiddenDeep(e));
  const authorEl =
    all.find((e) => AUTHOR_CLASS.test(e.getAttribute('class') ?? '') && lineText(e)) ??
    all.find((e) => e.tagName === 'A' && PROFILE_LINK.test(e.getAttribute('href') ?? ''));
  const authorText = authorEl
    ? lineText(authorEl.querySelector('a[href]') ?? authorEl).trim()
    : undefined;
  const author = authorText && authorText.length <= 24 ? authorText : undefined;
  // A wrapper named "content" that also holds the post's header is not its body.
  let body = all.find(
    (e) =>
      BODY_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.id}`) &&
      lineText(e) &&
      !postedMarks(e).length,
  );
  let text = body ? visibleText(body) : '';
  const namedBody = Boolean(text);
  if (!text) {
    // No body by name: the longest line that is no header, signature or edit note.
    const units = unitsOf(item).filter((u) => {
      const t = norm(u.text);
      if (EDIT_NOTE.test(t) || postedMarks(u.el).length || (author && t.startsWith(author)))
        return false;
      for (let e: Element | null = u.el; e && e !== item; e = e.parentElement)
        if (POST_NOISE.test(e.getAttribute('class') ?? '')) return false;
      return true;
    });
    const longest = units.sort((a, b) => b.text.length - a.text.length)[0];
    body = longest?.el;
    text = longest?.text ?? '';
  }
  if (!text) return undefined;
  const labels = postLabels(item, body);
  return {
    item,
    ...(author ? { author } : {}),
    ...(at ? { at } : {}),
    text,
    merchantCue: [...labels, author ?? ''].some((l) => MERCHANT_BADGE.test(l)),
    starterCue: labels.includes('楼主'),
    namedBody,
  };
}

/**
 * A forum thread (Discuz and the like): posts each marked "发表于 time", with the
 * author's sidebar, signature, edit note and action links around the post's body. The
 * thread starter (楼主) is the customer; posts the site marks as a shop's (认证商家,
 * 商家回复, 官方) are the merchant's; other posters count as customers, unless only the
 * starter and one other poster take part and nobody is marked: then that one is the
 * shop answering.
 */
function forumChat(doc: Document, capturedAt: string, zone?: number): FoundChat | undefined {
  if (!doc.body || postedMarks(doc.body).length < 2) return undefined;
  let best: { container: Element; items: Element[] } | undefined;
  for (const el of visibleElements(doc)) {
    const posts = Array.from(el.children).filter(
      (c) => !isHidden(c) && postedMarks(c).length === 1,
    );
    if (posts.length >= 2 && (!best || posts.length >= best.items.length))
      best = { container: el, items: posts };
  }
  if (!best) return undefined;
  const { container } = best;
  const posts = best.items
    .map((item) => readPost(item, capturedAt, zone))
    .filter((p): p is Post => Boolean(p));
  if (posts.length < 2) return undefined;
  // A thread shows its floors (楼主, 沙发, 5#); without them, every post must have a body
  // by name and sit in no comment or review list.
  const floors = posts.some((p) => p.starterCue) || best.items.some(floorLabel);
  let listed = false;
  for (let e: Element | null = container; e; e = e.parentElement)
    listed ||= NOT_CHAT.test(`${e.id} ${e.getAttribute('class') ?? ''}`);
  if (!floors && (listed || posts.some((p) => !p.namedBody))) return undefined;
  const starter = posts[0]?.author;
  const authors = new Set(posts.map((p) => p.author));
  const marked = posts.some((p) => p.merchantCue);
  const messages = posts.map((p): ChatMessage => {
    const mine = p.starterCue || (starter !== undefined && p.author === starter);
    const from: Side = mine
      ? 'customer'
      : p.merchantCue || (!marked && authors.size === 2)
        ? 'merchant'
        : 'customer';
    return {
      from,
      ...(p.author ? { name: p.author } : {}),
      ...(p.at ? { at: p.at } : {}),
      text: p.text,
    };
  });
  return { container, items: posts.map((p) => p.item), messages };
}

function floorLabel(item: Element): boolean {
  return Array.from(item.querySelectorAll('*')).some(
    (e) => e.children.length === 0 && FLOOR.test(norm(lineText(e))),
  );
}

const QUOTE = /quote|cite|refer/i;

/**
 * The messages an item holds: itself, and replies nested in it that carry their own
 * time and text (a 留言 board: "我的留言 time text" holding "商家回复 time text"). Each
 * later time climbs to the largest block that does not hold the item's first time;
 * quoted messages (引用) stay part of the message that quotes them.
 */
function partsOf(item: Element): Array<{ el: Element; skip?: Set<Element> }> {
  const stamps = unitsOf(item).filter((u) => u.text.length <= 50 && hasTimeStamp(u.text));
  const first = stamps[0];
  if (!first || stamps.length < 2) return [{ el: item }];
  const blocks = new Set<Element>();
  for (const stamp of stamps.slice(1)) {
    let e = stamp.el;
    while (e.parentElement && e.parentElement !== item && !e.parentElement.contains(first.el))
      e = e.parentElement;
    if (e === stamp.el || e.contains(first.el) || e.parentElement !== item) continue;
    if (e.tagName === 'BLOCKQUOTE' || QUOTE.test(e.getAttribute('class') ?? '')) continue;
    const body = unitsOf(e).filter((u) => !hasTimeStamp(u.text) && !UI_NOISE.test(norm(u.text)));
    if (body.length) blocks.add(e);
  }
  if (!blocks.size) return [{ el: item }];
  return [{ el: item, skip: blocks }, ...[...blocks].flatMap(partsOf)];
}

/** A row holding a sender's "time name" (or "name time") line and nothing else. */
function senderLine(item: Element): boolean {
  if (item.querySelector('img')) return false;
  const t = norm(lineText(item));
  const m = t.length <= 60 ? (HEADER_TIME_NAME.exec(t) ?? HEADER_NAME_TIME.exec(t)) : null;
  const name = m ? (HEADER_TIME_NAME.test(t) ? m[2] : m[1]) : undefined;
  return Boolean(
    name &&
      !/\s|[，。！？,.!?]/.test(name) &&
      !/^(今天|昨天|前天|星期|周|日期|\d)/.test(name) &&
      !isTimeStamp(name),
  );
}

/** A chat drawn as one element per message (bubbles, rows, list items). */
function bubbleChat(doc: Document, capturedAt: string, zone?: number): FoundChat | undefined {
  const found = findContainer(doc);
  if (!found || !chatCue(doc, found.container, found.items)) return undefined;
  // Rows that hold only a sender's "time name" line ("2026-11-25 21:03:11 晚星(1527384960)")
  // with the text in the row after: an export laid out line by line, read as text.
  const headerRows = found.items.filter((item, k) => {
    const next = found.items[k + 1];
    return (
      senderLine(item) &&
      next &&
      !senderLine(next) &&
      !unitsOf(next).some((u) => u.text.length <= 50 && hasTimeStamp(u.text))
    );
  }).length;
  if (headerRows >= 2 && headerRows * 4 >= found.items.length) return undefined;
  const messages: ChatMessage[] = [];
  const items: Element[] = [];
  const cued: Array<Side | undefined> = [];
  const timed: boolean[] = [];
  let separatorAt: string | undefined;
  // The day a heading names ("Today", "昨天", "2026-11-20"): the day of bare times below it.
  let day: string | undefined;
  const classWords = found.items.map((i) => new Set(tokensOf(i.getAttribute('class') ?? '')));
  const common = new Set(
    found.items.length >= 3
      ? [...(classWords[0] ?? [])].filter((t) => classWords.every((w) => w.has(t)))
      : [],
  );
  for (const { el: item, skip } of found.items.flatMap(partsOf)) {
    const parsed = parseItem(item, skip);
    if (!parsed) continue;
    const stamp =
      day && parsed.timeText && BARE_CLOCK.test(norm(parsed.timeText))
        ? `${day} ${parsed.timeText}`
        : parsed.timeText;
    const at = stamp ? parseDateTime(stamp, capturedAt, zone) : undefined;
    if (parsed.separator) {
      separatorAt = at;
      if (parsed.dayBack !== undefined)
        day = parseDateTime(`${DAYS_BACK[parsed.dayBack]} 00:00`, capturedAt, zone)?.slice(0, 10);
      else if (at?.length === 10) day = at;
      continue;
    }
    // Layout decides between left and right; a class that names the side settles what
    // layout cannot: a notice (class "sys") drawn full width, a short bubble that sits
    // near the middle of a narrow widget.
    const byClass = sideFromClasses(item, common, skip);
    const byLayout = sideFromLayout(found.container, item, parsed.bubble, Boolean(parsed.name));
    const side = parsed.card
      ? 'system'
      : (sideFromData(item, skip) ??
        sideFromLabels(item, parsed.badge, skip) ??
        (byClass === 'system' || (byClass && byLayout === 'system') ? byClass : undefined) ??
        byLayout ??
        byClass ??
        sideFromStyle(item, parsed.bubble) ??
        sideFromName(parsed.name));
    cued.push(side);
    const notice =
      !at && !parsed.name ? systemNotice(parsed.text, side, capturedAt, zone) : undefined;
    const when =
      at ?? notice?.at ?? (separatorAt && separatorAt.length > 10 ? separatorAt : undefined);
    // An export's 发送人 column says 系统 for the system's rows: a role, not a name.
    // A message with no sender line of its own is named by its avatar's alt, if any.
    const name =
      parsed.name && !(tableRow(item) && roleLabel(parsed.name) === 'system')
        ? parsed.name
        : parsed.name || parsed.card
          ? undefined
          : avatarName(item, skip);
    const texts = !notice && parsed.parts ? parsed.parts : [notice?.text ?? parsed.text];
    texts.forEach((text, k) => {
      if (k) cued.push(side);
      timed.push(Boolean(when));
      messages.push({
        from: notice ? 'system' : (side ?? 'merchant'),
        ...(name ? { name } : {}),
        ...(when ? { at: when } : {}),
        text,
        ...(parsed.image ? { image: true } : {}),
      });
      items.push(item);
    });
  }
  dropEndTips(items, messages, cued, timed);
  const known = cued.filter(Boolean).length;
  if (messages.length < 2 || known < 2) return undefined;
  fillSidesByShape(items, messages, cued);
  fillSidesByName(messages, cued);
  const unnamed = messages.filter((m) => m.from === 'merchant' && !m.name);
  const peer =
    unnamed.length && !messages.some((m) => m.from === 'merchant' && m.name)
      ? (headerAgent(found.container) ?? peerName(found.container))
      : undefined;
  if (peer) {
    messages.forEach((m, i) => {
      const { from, ...rest } = m;
      if (unnamed.includes(m)) messages[i] = { from, name: peer, ...rest };
    });
  }
  return { container: found.container, items, messages };
}

/**
 * A tip under (or over) a thread whose every message carries its own time ("该工单已关闭，
 * 如仍有问题请重新提交工单"): an untimed system line drawn unlike any message, the page
 * speaking to its reader, no message. Removed from all four lists in place.
 */
function dropEndTips(
  items: Element[],
  messages: ChatMessage[],
  cued: Array<Side | undefined>,
  timed: boolean[],
): void {
  const shape = (el: Element): string =>
    `${el.tagName} ${tokensOf(el.getAttribute('class') ?? '')[0] ?? ''}`;
  const lone = (i: number): boolean => {
    const el = items[i];
    if (!el || timed[i] || messages[i]?.from !== 'system') return false;
    const others = items.filter((_, j) => j !== i);
    return (
      others.length >= 3 &&
      others.every((o, j) => shape(o) !== shape(el) && timed[j < i ? j : j + 1])
    );
  };
  for (const i of [items.length - 1, 0]) {
    if (!lone(i)) continue;
    items.splice(i, 1);
    messages.splice(i, 1);
    cued.splice(i, 1);
    timed.splice(i, 1);
  }
}

const PEER_CLASS = new Set(['peer', 'nick', 'nickname', 'contact', 'target', 'friend', 'partner']);
const HEADER_CLASS = new Set([
  'header',
  'head',
  'nav',
  'navbar',
  'top',
  'topbar',
  'titlebar',
  'bar',
]);

/** The text an element holds itself, without that of its children ("数码小铺子<small>…</small>"). */
function ownText(el: Element): string {
  const own = Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue ?? '')
    .join(' ');
  return norm(own).trim() || (el.children.length ? '' : norm(lineText(el)).trim());
}

/**
 * The other party named in the header of a one-to-one chat (<div class="im-nav"><div
 * class="peer">数码小铺子</div>): an element before the message list, in a header or nav
 * bar, whose class calls it the peer, contact or nickname. The shop the user writes to,
 * so the name of the merchant's messages that carry none of their own.
 */
function peerName(container: Element): string | undefined {
  for (let e: Element | null = container; e?.parentElement; e = e.parentElement) {
    for (let prev = e.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHidden(prev)) continue;
      for (const c of [prev, ...Array.from(prev.querySelectorAll('*'))]) {
        if (!tokensOf(c.getAttribute('class') ?? '').some((t) => PEER_CLASS.has(t))) continue;
        let header = false;
        for (let a: Element | null = c; a && a !== prev.parentElement; a = a.parentElement)
          header ||= tokensOf(a.getAttribute('class') ?? '').some((t) => HEADER_CLASS.has(t));
        const name = ownText(c);
        if (
          header &&
          !isHidden(c) &&
          name.length >= 2 &&
          name.length <= 24 &&
          !/^\d+$/.test(name) &&
          !sideFromName(name) &&
          !CHAT_WORDS.test(name)
        )
          return name;
      }
    }
  }
  return undefined;
}

/** Class words of the element that names the agent: agent-name, kf-nick, service-name. */
const AGENT_WORDS = new Set([
  'agent',
  'kefu',
  'kf',
  'service',
  'servicer',
  'staff',
  'cs',
  'waiter',
  'support',
  'operator',
]);
const NAME_WORDS = new Set(['name', 'nick', 'nickname']);
/**
 * A header line naming the agent after a role word: "客服 小满", "客服小满为您服务",
 * "当前客服：小满", "客服 小美(工号 XD-027)为您服务 · 工作时间 9:00-23:00".
 */
const AGENT_INTRO =
  /^(?:当前|专属|人工|售后|值班)?客服(?:专员)?\s*[:：]?\s*[「【“"]?([^\s:：·•|｜,，。!！(（「【“"」】”]{1,12}?)[」】”"]?\s*(?:[(（][^)）]{0,20}[)）])?\s*(?:(?:正在|很高兴)?为您服务|在线|已接入|接待中)?\s*(?:[·•|｜,，].*)?$/;
/** Words that follow 客服 without naming anyone: 客服中心, 客服热线, 客服在线. */
const NOT_AGENT =
  /^(中心|热线|电话|系统|工作|在线|离线|忙碌|繁忙|团队|部门?|助手|机器人|小助手|入口|服务|qq|微信|邮箱|\d+)|^(已|正在|暂|未|不|请|将|会|为|您|稍|马上|忙|休息|下线|上线|接入|输入|回复)|[…。.!！?？]/i;

function agentNameOk(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 12 &&
    !/^[\d\s\p{P}\p{S}]+$/u.test(name) &&
    !NOT_AGENT.test(name) &&
    !sideFromName(name) &&
    !CHAT_WORDS.test(name)
  );
}

/**
 * The one agent a chat window's header names, above the message list: an element classed
 * as the agent's name (<div class="agent-name">小满</div>) or a role word and a name
 * ("客服 小满", "客服小满为您服务"). The merchant's messages that carry no name of their own
 * are that agent's. A header showing only the shop ("云帆卡盟 · 官方客服") names nobody.
 */
function headerAgent(container: Element): string | undefined {
  const names = new Set<string>();
  let level = 0;
  for (let e: Element | null = container; e?.parentElement; e = e.parentElement, level++) {
    for (let prev = e.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHidden(prev)) continue;
      const header = (el: Element): boolean => {
        for (let a: Element | null = el; a && a !== prev.parentElement; a = a.parentElement)
          if (
            a.tagName === 'HEADER' ||
            tokensOf(a.getAttribute('class') ?? '').some((t) => HEADER_CLASS.has(t))
          )
            return true;
        return false;
      };
      for (const c of [prev, ...Array.from(prev.querySelectorAll('*'))]) {
        if (isHidden(c)) continue;
        const inHeader = header(c);
        const words = tokensOf(c.getAttribute('class') ?? '');
        if (
          inHeader &&
          words.some((t) => AGENT_WORDS.has(t)) &&
          words.some((t) => NAME_WORDS.has(t))
        ) {
          const name = ownText(c);
          if (agentNameOk(name)) names.add(name);
        }
        // A role word and a name ("客服 豆豆") needs no header class right above the list.
        if (c.children.length || (!inHeader && level > 1)) continue;
        // The leaf's own line, else the line it sits on: "客服 <b>小满</b> 为您服务".
        for (const line of [lineText(c), lineText(c.parentElement ?? c)]) {
          const t = norm(line).trim();
          const m = t.length <= 60 ? AGENT_INTRO.exec(t) : undefined;
          if (m?.[1] && agentNameOk(m[1])) {
            names.add(m[1]);
            break;
          }
        }
      }
    }
    if (names.size) break;
  }
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * A system line that opens with its time ("今天 10:45 本次会话已结束"): the time is the
 * message's `at`, the rest its text. Only for lines cued as system or not cued at all:
 * a sender's own message keeps a time it quotes.
 */
function systemNotice(
  text: string,
  side: Side | undefined,
  capturedAt: string,
  zone?: number,
): { at: string; text: string } | undefined {
  if (side && side !== 'system') return undefined;
  const lead = leadingTime(text);
  const at = lead ? parseDateTime(lead.timeText, capturedAt, zone) : undefined;
  return lead && at ? { at, text: lead.text } : undefined;
}

const STAMP =
  /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}:\d{2})/;
const HEADER_NAME_TIME = new RegExp(`^(\\S(?:.{0,22}?\\S)?)\\s+${STAMP.source}$`);
const HEADER_TIME_NAME = new RegExp(`^${STAMP.source}\\s+(\\S(?:.{0,22}\\S)?)$`);
const SYSTEM_LINE = /^[-—–=]{1,4}\s*(.+?)\s*[-—–=]{1,4}$/;
/**
 * A log line holding the whole message: "[13:02:11] 我：你好", "2026-11-20 13:02 客服 阿杰: 在的".
 * The time (in brackets or not) comes first, then the sender and a colon.
 */
const LOG_LINE = new RegExp(
  String.raw`^[\[【(（]?\s*(${STAMP.source.slice(1, -1)}|\d{1,2}:\d{2})\s*[\]】)）]?\s*([^:：\s][^:：]{0,23}?)\s*[:：]\s*(\S[\s\S]*)$`,
);
/** A role word before the sender's name in a log ("客服 阿杰"): the side and the name. */
const ROLE_PREFIX = /^(客服|商家|卖家|店主|掌柜|售后|管理员|官方|买家|顾客|用户|客户)\s+(\S.*)$/;

/** A date on its own ("2026-11-20", "—— 2026年11月20日 星期五 ——"): the day it names. */
function dayHeader(text: string, capturedAt: string, zone?: number): string | undefined {
  const t = norm(text).replace(/\s*(星期.|周.)$/, '');
  if (!/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(t)) return undefined;
  const day = parseDateTime(t, capturedAt, zone);
  return day?.length === 10 ? day : undefined;
}

/** Sender label of a log line: its side, and the name to keep (none for 我 / 系统). */
function logSpeaker(label: string): { side?: Side; name?: string } {
  const role = ROLE_PREFIX.exec(label.trim());
  if (role?.[1] && role[2]) return { side: sideFromName(role[1]), name: role[2].trim() };
  const side = sideFromName(label);
  return roleLabel(label) ? { side } : { ...(side ? { side } : {}), name: label.trim() };
}

/**
 * A chat kept as plain text (an exported log in a <pre> or a read-only <textarea>, a
 * ticket's history): blocks of "name time" (or "time name") then the message lines,
 * log lines "[time] name：text", "—— time notice ——" system lines and "—— date ——"
 * headers that date the bare times below them. Sides come from the names: 客服… is the
 * merchant, the other speaker the customer. Needs three or more messages from two
 * speakers and a chat cue on the page.
 */
function transcriptChat(doc: Document, capturedAt: string, zone?: number): FoundChat | undefined {
  for (const el of Array.from(doc.querySelectorAll('pre, textarea, code, div, p, td'))) {
    if (isHidden(el) || el.querySelector('pre, textarea, div, p, td, table')) continue;
    const lines =
      el.tagName === 'TEXTAREA'
        ? ((el as HTMLTextAreaElement).value || el.textContent || '').split('\n')
        : (el.tagName === 'PRE' ? (el.textContent ?? '') : visibleText(el)).split('\n');
    const messages = readTranscript(lines, capturedAt, zone, false);
    if (!messages || !chatCue(doc, el)) continue;
    return { container: el, items: messages.map(() => el), messages };
  }
  // An export laid out one line per block (<div class="line">time name</div><div
  // class="body">text</div>): the lines of the block holding the most messages, the
  // innermost one of those.
  let best: { el: Element; messages: ChatMessage[] } | undefined;
  for (const el of Array.from(doc.querySelectorAll('body, div, section, article, main'))) {
    if (isHidden(el) || !el.querySelector('div, p')) continue;
    const messages = readTranscript(visibleText(el).split('\n'), capturedAt, zone, true);
    if (messages && (!best || messages.length >= best.messages.length)) best = { el, messages };
  }
  if (!best || !chatCue(doc, best.el)) return undefined;
  const { el, messages } = best;
  return { container: el, items: messages.map(() => el), messages };
}

/** An export's header naming the other party: "消息对象:南栀售后". */
const PEER_LINE = /^(?:消息对象|聊天对象|对话对象|联系人)\s*[:：]\s*(\S.{0,23})$/;

/**
 * The messages of a chat kept as text lines, or undefined when they do not make one
 * (three or more messages from two speakers). `strict` (lines gathered from a page's
 * blocks): the speakers' labels are no field labels (下单时间 2026-…) and each of two
 * speakers sends two or more messages.
 */
function readTranscript(
  lines: string[],
  capturedAt: string,
  zone: number | undefined,
  strict: boolean,
): ChatMessage[] | undefined {
  const messages: ChatMessage[] = [];
  const speakers = new Set<string>();
  let current: ChatMessage | undefined;
  let day: string | undefined;
  let peer: string | undefined;
  const timeOf = (stamp: string): string | undefined =>
    parseDateTime(
      day && /^\d{1,2}:\d{2}(:\d{2})?$/.test(stamp) ? `${day} ${stamp}` : stamp,
      capturedAt,
      zone,
    );
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    // Rules of "=====" or "-----" alone are dividers of an export, no message.
    if (/^[-—–=_*~\s]+$/.test(line)) {
      current = undefined;
      continue;
    }
    const other = messages.length ? undefined : PEER_LINE.exec(norm(line));
    if (other?.[1]) {
      peer = other[1].trim();
      continue;
    }
    const system = SYSTEM_LINE.exec(line);
    const header = dayHeader(
      (system?.[1] ?? line).replace(/^日期\s*[:：]\s*/, ''),
      capturedAt,
      zone,
    );
    if (header) {
      day = header;
      current = undefined;
      continue;
    }
    if (system?.[1]) {
      const stamp = STAMP.exec(system[1]);
      const text = system[1].replace(STAMP, '').trim();
      const at = stamp?.[1] ? timeOf(stamp[1]) : undefined;
      current = undefined;
      if (text) messages.push({ from: 'system', ...(at ? { at } : {}), text });
      continue;
    }
    const log = LOG_LINE.exec(line);
    if (log?.[1] && log[2] && log[3] && !/[。，！？,.!?]/.test(log[2])) {
      const at = timeOf(log[1]);
      const who = logSpeaker(log[2]);
      speakers.add(log[2].trim());
      current = {
        from: who.side ?? 'customer',
        ...(who.name ? { name: bareName(who.name) } : {}),
        ...(at ? { at } : {}),
        text: log[3].trim(),
      };
      messages.push(current);
      continue;
    }
    const head = HEADER_NAME_TIME.exec(line);
    const headTimeFirst = head ? null : HEADER_TIME_NAME.exec(line);
    const label = head?.[1] ?? headTimeFirst?.[2];
    const stamp = head?.[2] ?? headTimeFirst?.[1];
    if (
      label &&
      stamp &&
      !/[。，！？,.!?]$/.test(label) &&
      !(strict && /时间|日期|[:：]$/.test(label))
    ) {
      const at = timeOf(stamp);
      const name = bareName(label);
      speakers.add(name);
      current = { from: sideFromName(name) ?? 'customer', name, ...(at ? { at } : {}), text: '' };
      messages.push(current);
      continue;
    }
    if (current) current.text = current.text ? `${current.text}\n${line}` : line;
  }
  const spoken = messages.filter((m) => m.from !== 'system' && m.text);
  if (spoken.length < 3 || messages.some((m) => m.from !== 'system' && !m.text)) return undefined;
  if (speakers.size < 2) return undefined;
  if (strict) {
    const counts = new Map<string, number>();
    for (const m of spoken) counts.set(m.name ?? '', (counts.get(m.name ?? '') ?? 0) + 1);
    if (counts.size !== 2 || [...counts.values()].some((n) => n < 2)) return undefined;
  }
  // The party the export is with (消息对象) is the shop; the other speaker the customer.
  if (peer && speakers.has(bareName(peer)))
    for (const m of messages)
      if (m.from !== 'system' && m.name)
        m.from = m.name === bareName(peer) ? 'merchant' : (sideFromName(m.name) ?? 'customer');
  return messages;
}

/**
 * Rows drawn alike (tag and first class word) of which some carry one party's modifier and
 * the rest none (<div class="row row-self"> beside <div class="row">): the plain rows are
 * the other party's. The page marks one side and leaves the other as the default; with no
 * layout to read, a sender's name must not make that default the reader's. Only for rows
 * with no side of their own, when two or more rows of the shape show one party by their
 * markup or style and none shows the other.
 */
function fillSidesByShape(
  items: readonly Element[],
  messages: ChatMessage[],
  cued: Array<Side | undefined>,
): void {
  const shape = (el: Element): string =>
    `${el.tagName} ${tokensOf(el.getAttribute('class') ?? '')[0] ?? ''}`;
  const marks = new Map<Element, Side | undefined>();
  const parties = new Map<string, Side[]>();
  for (const item of new Set(items)) {
    const side = rowSide(item);
    marks.set(item, side);
    if (side === 'customer' || side === 'merchant')
      parties.set(shape(item), [...(parties.get(shape(item)) ?? []), side]);
  }
  items.forEach((item, i) => {
    const m = messages[i];
    if (cued[i] || !m || marks.get(item) || !tokensOf(item.getAttribute('class') ?? '').length)
      return;
    const seen = parties.get(shape(item)) ?? [];
    if (seen.length < 2 || new Set(seen).size !== 1) return;
    const other: Side = seen[0] === 'customer' ? 'merchant' : 'customer';
    cued[i] = other;
    m.from = other;
  });
}

/** Messages without a side take the side of another message from the same sender. */
function fillSidesByName(messages: ChatMessage[], cued: ReadonlyArray<Side | undefined>): void {
  const byName = new Map<string, Side>();
  messages.forEach((m, i) => {
    const side = cued[i];
    if (side && m.name) byName.set(m.name, side);
  });
  messages.forEach((m, i) => {
    if (cued[i]) return;
    const side = m.name ? byName.get(m.name) : undefined;
    if (side) m.from = side;
    else if (!m.name && !m.at) m.from = 'system';
    else if (m.name && [...byName.values()].includes('merchant') && !byName.has(m.name))
      m.from = 'customer';
  });
}

/** Records where each message came from. */
export function chatSources(chat: FoundChat, sources: SourceMap): void {
  chat.items.forEach((item, i) => {
    sources[`chat.messages.${i}`] = sourceOf(item);
  });
}
