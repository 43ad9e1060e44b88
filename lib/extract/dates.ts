import { norm } from './text';

/** Offset of the pages' own clock unless they say otherwise: Asia/Shanghai, no DST. */
const SHANGHAI_MINUTES = 8 * 60;
const DAY_MS = 86_400_000;

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Wall-clock time at `offset` minutes as ISO 8601 with that offset. */
function iso(w: Wall, offset: number): string {
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${offsetText(offset)}`;
}

function wallAt(ms: number, offset: number): Wall {
  const d = new Date(ms + offset * 60_000);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

function msOf(w: Wall, offset: number): number {
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - offset * 60_000;
}

function valid(w: Wall): boolean {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > 31) return false;
  if (w.h > 23 || w.mi > 59 || w.s > 59) return false;
  const probe = new Date(Date.UTC(w.y, w.mo - 1, w.d));
  return probe.getUTCDate() === w.d;
}

const TIME = String.raw`(上午|中午|下午|晚上|凌晨|早上|AM|PM)?\s*(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*分?(?:\s*[:分]\s*(\d{1,2})\s*秒?)?(?:\s*(AM|PM))?`;
const FULL = new RegExp(
  String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|星期.|周.)?\s*${TIME})?`,
  'i',
);
const MONTH_DAY = new RegExp(
  String.raw`(?<![\d.:-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s+${TIME}`,
  'i',
);
const MONTH_DAY_CN = new RegExp(String.raw`(?<!\d)(\d{1,2})月(\d{1,2})日\s*(?:${TIME})?`, 'i');
const RELATIVE_DAY = new RegExp(String.raw`(今天|今日|昨天|昨日|前天)\s*${TIME}`, 'i');
const WEEKDAY = new RegExp(String.raw`(?:星期|周|礼拜)([一二三四五六日天])\s*${TIME}`, 'i');
const BARE_TIME = new RegExp(`^${TIME}$`, 'i');
const AGO = /^(刚刚|(\d+)\s*(秒|分钟|小时)前)$/;

/** Offset in minutes of an IANA zone ("Asia/Tokyo") at `atMs`, through Intl (no data shipped). */
function ianaOffset(zone: string, atMs: number): number | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(Number.isNaN(atMs) ? 0 : atMs))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name === 'GMT') return 0;
    const m = name ? /^GMT([+-])(\d{2}):(\d{2})$/.exec(name) : null;
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
  } catch {
    return undefined;
  }
}

const CN_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * Statements of a time zone, each with the offset it names: "UTC+8", "GMT+08:00",
 * 北京时间 / 东八区 / 香港时间 / 台北时间 (+8), 日本时间 (+9), "服务器时间（UTC）", IANA names.
 */
const ZONE_STATEMENTS: ReadonlyArray<
  [RegExp, (m: RegExpExecArray, atMs: number) => number | undefined]
> = [
  [
    /(?<![A-Za-z])(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i,
    (m) => (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)),
  ],
  [
    /(?<![A-Za-z])((?:Asia|Europe|America|Africa|Australia|Pacific|Atlantic|Indian|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)/,
    (m, at) => ianaOffset(m[1] ?? '', at),
  ],
  [
    /(?:北京|上海|中国标准|中国|香港|台北|台湾|澳门|新加坡|马来西亚|菲律宾)时间|中原标准时间|东八区/,
    () => 480,
  ],
  [/(?:日本|东京|韩国|首尔)(?:标准)?时间|(?<![A-Za-z])(?:JST|KST)(?![A-Za-z])|东九区/, () => 540],
  [
    /(?<![\u4e00-\u9fff])([东西])(十[一二]|[一二三四五六七八九十]|\d{1,2})区/,
    (m) => {
      const n = /\d/.test(m[2] ?? '') ? Number(m[2]) : CN_NUMBERS.indexOf(m[2] ?? '');
      return n > 0 && n <= 12 ? (m[1] === '西' ? -60 : 60) * n : undefined;
    },
  ],
  [
    /(?<![A-Za-z/])(?:UTC|GMT)(?![A-Za-z0-9_/+-])(?!\s*[+-]\s*\d)|协调世界时|格林尼?治(?:标准)?时间|世界标准时间|零时区/i,
    () => 0,
  ],
];

/**
 * The UTC offset (minutes) the first time-zone statement in `text` names, or undefined
 * when it names none. `atMs` picks the offset of IANA zones with daylight saving.
 */
export function zoneOffset(text: string, atMs = Date.now()): number | undefined {
  const t = norm(text);
  let best: { at: number; offset: number } | undefined;
  for (const [re, offsetOf] of ZONE_STATEMENTS) {
    const m = re.exec(t);
    if (!m || (best && m.index >= best.at)) continue;
    const offset = offsetOf(m, atMs);
    if (offset !== undefined) best = { at: m.index, offset };
  }
  return best?.offset;
}

/**
 * The page's own time zone (minutes east of UTC) from a statement in its text ("北京时间",
 * "服务器时间（UTC）", "日本时间", "GMT+8", "Asia/Tokyo"), else Asia/Shanghai's +8.
 */
export function pageZone(text: string, capturedAt: string): number {
  return zoneOffset(text.slice(0, 200_000), Date.parse(capturedAt)) ?? SHANGHAI_MINUTES;
}

function hour24(marker: string | undefined, h: number, suffix?: string): number {
  const m = (marker ?? suffix ?? '').toUpperCase();
  if ((m === '下午' || m === '晚上' || m === 'PM') && h < 12) return h + 12;
  if (m === '中午' && h < 11) return h + 12;
  if ((m === '凌晨' || m === 'AM' || m === '上午' || m === '早上') && h === 12) return 0;
  return h;
}

function timeParts(g: RegExpExecArray, at: number): { h: number; mi: number; s: number } {
  return {
    h: hour24(g[at], Number(g[at + 1]), g[at + 4]),
    mi: Number(g[at + 2]),
    s: g[at + 3] ? Number(g[at + 3]) : 0,
  };
}

const WEEKDAYS = '日一二三四五六';

/**
 * A date and time read off a page as ISO 8601 with the page's offset: the zone the
 * text itself names ("UTC+9", "日本时间"), else `zone` (minutes east of UTC; the page's
 * statement from `pageZone`, Asia/Shanghai's +08:00 by default). Absolute forms (2026-11-02 14:03:05,
 * 2026/11/02 14:03, 2026年11月2日 14:03), forms without a year (11-02 14:03) and
 * relative ones (今天 14:03, 昨天 09:12, 周一 10:00, a bare 14:03, 5分钟前) resolve against
 * `capturedAt`. A bare time later than the capture is taken as yesterday's. A date
 * without a time gives just the date (YYYY-MM-DD).
 */
export function parseDateTime(
  text: string,
  capturedAt: string,
  zone: number = SHANGHAI_MINUTES,
): string | undefined {
  const t = norm(text);
  const nowMs = Date.parse(capturedAt);
  const offset = zoneOffset(t, nowMs) ?? zone;
  const now = wallAt(Number.isNaN(nowMs) ? 0 : nowMs, offset);

  const full = FULL.exec(t);
  if (full) {
    const date = { y: Number(full[1]), mo: Number(full[2]), d: Number(full[3]) };
    if (!full[5]) {
      const w = { ...date, h: 0, mi: 0, s: 0 };
      return valid(w) ? `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}` : undefined;
    }
    const w = { ...date, ...timeParts(full, 4) };
    return valid(w) ? iso(w, offset) : undefined;
  }

  const md = MONTH_DAY.exec(t) ?? MONTH_DAY_CN.exec(t);
  if (md) {
    const time = md[4] ? timeParts(md, 3) : { h: 0, mi: 0, s: 0 };
    const w = { y: now.y, mo: Number(md[1]), d: Number(md[2]), ...time };
    // A date shown without its year is this year's, unless that lies in the future.
    if (msOf(w, offset) > nowMs + DAY_MS) w.y -= 1;
    if (!valid(w)) return undefined;
    return md[4] ? iso(w, offset) : `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`;
  }

  const rel = RELATIVE_DAY.exec(t);
  if (rel) {
    const back = /昨/.test(rel[1] ?? '') ? 1 : rel[1] === '前天' ? 2 : 0;
    return onDayBefore(now, back, timeParts(rel, 2), offset);
  }

  const wd = WEEKDAY.exec(t);
  if (wd) {
    const target = WEEKDAYS.indexOf(wd[1] === '天' ? '日' : (wd[1] ?? ''));
    const today = new Date(Date.UTC(now.y, now.mo - 1, now.d)).getUTCDay();
    // Chat apps show a weekday for the past week only, never for today.
    const back = (today - target + 7) % 7 || 7;
    return onDayBefore(now, back, timeParts(wd, 2), offset);
  }

  const bare = BARE_TIME.exec(t);
  if (bare) {
    const time = timeParts(bare, 1);
    const sameDay = onDayBefore(now, 0, time, offset);
    if (!sameDay) return undefined;
    // "23:50" read at 00:10 is from yesterday: chat lists show bare times for today only.
    return Date.parse(sameDay) > nowMs + 60_000 ? onDayBefore(now, 1, time, offset) : sameDay;
  }

  const ago = AGO.exec(t);
  if (ago && !Number.isNaN(nowMs)) {
    const n = Number(ago[2] ?? 0);
    const unit = ago[3] === '小时' ? 3_600_000 : ago[3] === '分钟' ? 60_000 : 1000;
    return iso(wallAt(nowMs - n * unit, offset), offset);
  }
  return undefined;
}

function onDayBefore(
  now: Wall,
  back: number,
  time: { h: number; mi: number; s: number },
  offset: number,
): string | undefined {
  const day = new Date(Date.UTC(now.y, now.mo - 1, now.d) - back * DAY_MS);
  const w = {
    y: day.getUTCFullYear(),
    mo: day.getUTCMonth() + 1,
    d: day.getUTCDate(),
    ...time,
  };
  return valid(w) ? iso(w, offset) : undefined;
}

/** Whether a whole (short) text is a time stamp as chat and order pages show them. */
export function isTimeStamp(text: string): boolean {
  const t = norm(text);
  if (t.length > 40 || (!/\d/.test(t) && !/刚刚/.test(t))) return false;
  const stripped = t.replace(/[\s\-—–()[\]【】]/g, '');
  if (
    !/^[\d:/.年月日时分秒今天昨前周星期礼拜一二三四五六日上下中晚凌早午AMPTamp刚分钟小时前后,]+$/.test(
      stripped,
    )
  )
    return false;
  return parseDateTime(t, new Date().toISOString()) !== undefined;
}
