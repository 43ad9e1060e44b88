import type { LabelledValue } from './labels';
import { BLOCK_TAGS, isHidden, labelKey, lineText, norm } from './text';

/** One delivered card: its number (卡号) when shown, and its secret (卡密, code, CDK). */
export interface Card {
  number?: string;
  secret: string;
  el: Element;
}

/**
 * A card as `cardKeys` lists it: the secret, after its number when the page shows one
 * ("卡号 1611230118407725 密码 2746…" -> "1611230118407725 2746…"): a point card needs
 * both to be redeemed, and both are what the user quotes in a complaint.
 */
export function cardKey(card: Pick<Card, 'number' | 'secret'>): string {
  return card.number ? `${card.number} ${card.secret}` : card.secret;
}

/** Labels of a card secret or a code that works on its own. */
export const SECRET_LABEL =
  /^(卡密|卡密信息|卡密内容|密码|卡号密码|卡密码|兑换码|激活码|CDK|CDKEY|CD-KEY|充值码|券码|提货码|序列号|密钥|产品密钥|激活密钥|商品密钥|软件密钥|KEY|授权码|卡券|充值卡密|礼品码|礼品卡密|核销码|验证码券|卡券码)$/i;
const NUMBER_LABEL = /^(卡号|卡号码|充值卡号)$/;
/** A delivered account (账号交易): its login, kept only together with its password. */
const ACCOUNT_LABEL = /^(登录账号|登录帐号|游戏账号|游戏帐号|账号|帐号)$/;
const PASSWORD_LABEL = /^(登录密码|账号密码|帐号密码|游戏密码|密码)$/;
/** A delivered account as one line: login----password (an e-mail login has @ and dots). */
const ACCOUNT_LINE = /^[\w.@+]{3,64}-{2,}[\x21-\x7e]{4,64}$/;
const KEY_TOKEN = /^(?=.*[A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9_\-=+/]{5,63}$/;
const NOISE = /复制|一键复制|点击复制|查看|已使用|未使用|正常|使用说明/g;

/** The key-looking tokens in a value ("K7QM-3XPA 复制" -> ["K7QM-3XPA"]). */
export function keyTokens(value: string): string[] {
  return norm(value.replace(NOISE, ' '))
    .split(/[\s,，;；|]+/)
    .filter(
      (t) =>
        ACCOUNT_LINE.test(t) ||
        (KEY_TOKEN.test(t) &&
          (/\d/.test(t) || (t.length >= 8 && /-/.test(t)) || /^[A-Z]{10,}$/.test(t))),
    );
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => !isHidden(c));
}

/** Card tables and grids: a header row naming 卡号 / 卡密 columns, one card per row below. */
function fromTables(doc: Document, skip: (el: Element) => boolean): Card[] {
  const cards: Card[] = [];
  const seen = new Set<Element>();
  for (const header of Array.from(doc.querySelectorAll('tr, div, ul, li'))) {
    if (seen.has(header) || skip(header) || isHidden(header)) continue;
    const cells = cellsOf(header);
    if (cells.length < 2 || cells.length > 8) continue;
    const keys = cells.map((c) => labelKey(lineText(c)));
    const secretAt = keys.findIndex((k) => SECRET_LABEL.test(k));
    const numberAt = keys.findIndex((k) => NUMBER_LABEL.test(k));
    const at = secretAt >= 0 ? secretAt : numberAt;
    if (at < 0 || !keys.every((k) => k.length <= 8 && !/\d{3}/.test(k))) continue;
    let rows: Element[];
    if (header.tagName === 'TR') {
      const table = header.closest('table');
      const all = table ? Array.from(table.querySelectorAll('tr')) : [];
      rows = all.slice(all.indexOf(header as HTMLTableRowElement) + 1);
    } else {
      rows = [];
      for (let r = header.nextElementSibling; r; r = r.nextElementSibling) rows.push(r);
    }
    const aligned = header.tagName === 'TR' ? alignRows(rows) : rows.map(cellsOf);
    rows.forEach((row, r) => {
      seen.add(row);
      const rc = aligned[r] ?? [];
      if (rc.length !== cells.length) return;
      const secretCell = rc[at];
      // A card's title bar ("卡密信息 | 导出 TXT") over its body is no header row: a cell
      // holding a whole table is the table's to read.
      if (secretCell?.querySelector('table, tr')) return;
      // Several codes in one cell, each in its own element (<code>a</code><code>b</code>).
      const codes = secretCell
        ? Array.from(secretCell.querySelectorAll('code, kbd, samp, span, div'))
            .filter((el) => el.children.length === 0)
            .map((el) => keyTokens(lineText(el))[0])
            .filter((t): t is string => Boolean(t))
        : [];
      if (codes.length > 1 && !(secretAt >= 0 && numberAt >= 0)) {
        for (const secret of codes) cards.push({ secret, el: secretCell as Element });
        return;
      }
      // A secret printed in groups ("5829 6613 0478") is one secret.
      const grouped =
        secretCell &&
        /^[A-Za-z0-9]{3,8}(?: [A-Za-z0-9]{3,8}){1,5}$/.test(norm(lineText(secretCell)).trim());
      const secret = secretCell
        ? grouped
          ? norm(lineText(secretCell)).trim()
          : keyTokens(lineText(secretCell))[0]
        : undefined;
      if (!secret || !secretCell) return;
      const numberCell = secretAt >= 0 && numberAt >= 0 ? rc[numberAt] : undefined;
      const number = numberCell ? keyTokens(lineText(numberCell))[0] : undefined;
      cards.push({ ...(number ? { number } : {}), secret, el: secretCell });
    });
  }
  return cards;
}

/**
 * The cells of table rows by column: a cell spanning rows (rowspan, "one product, three
 * codes") is repeated in each row it covers, so columns line up with the header's.
 */
function alignRows(rows: readonly Element[]): Element[][] {
  const carried: Array<{ el: Element; left: number } | undefined> = [];
  return rows.map((row) => {
    const own = cellsOf(row);
    const out: Element[] = [];
    let col = 0;
    const fillCarried = () => {
      for (let c = carried[col]; c && c.left > 0; c = carried[col]) {
        out.push(c.el);
        c.left--;
        col++;
      }
    };
    for (const cell of own) {
      fillCarried();
      out.push(cell);
      const span = Number(cell.getAttribute('rowspan') ?? 1);
      carried[col] = span > 1 ? { el: cell, left: span - 1 } : undefined;
      col++;
    }
    fillCarried();
    return out;
  });
}

const SECRET_WORD = /卡密|兑换码|激活码|CDK|充值码|序列号|券码|发货内容|发货信息|提货信息/i;

/**
 * Codes listed under a heading that names them ("您的卡密" over a list of <code>): each
 * code element, or each list item's key-looking token, of the block after the heading.
 */
function underHeading(doc: Document, skip: (el: Element) => boolean): Card[] {
  const cards: Card[] = [];
  for (const heading of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, div, p, label'))) {
    if (skip(heading) || isHidden(heading)) continue;
    // A bar naming the codes with a count beside it ("<span>卡密信息</span><span>共 1 条</span>").
    const kids = Array.from(heading.children);
    const counted =
      kids.length === 2 &&
      SECRET_WORD.test(lineText(kids[0] as Element)) &&
      /^共\s*\d+\s*(条|张|个|组|件)$/.test(lineText(kids[1] as Element).trim());
    if (kids.length > 1 && !counted) continue;
    const title = counted ? lineText(kids[0] as Element) : lineText(heading);
    if (title.length > 40 || !SECRET_WORD.test(title)) continue;
    // The codes' block, perhaps after a one-line hint ("格式：卡号----密码").
    let block = heading.nextElementSibling;
    // A heading in a bar of its own with a count and buttons beside it ("<h4>卡密信息</h4>
    // <span>共 2 个</span><a>全部复制</a>"): the codes' block follows the bar.
    const bar = heading.parentElement;
    if (
      (!block || !BLOCK_TAGS.has(block.tagName)) &&
      bar &&
      bar !== doc.body &&
      lineText(bar).length <= 40
    ) {
      block = bar.nextElementSibling;
      // A table of 卡号 | 卡密 pairs is read as a table, pair by pair.
      if (block?.querySelector('table')) continue;
    }
    if (
      block &&
      !block.matches('textarea, pre') &&
      !block.querySelector('code, kbd, samp, li, textarea, pre') &&
      lineText(block).length <= 40 &&
      // A hint has words; a box of codes is no hint.
      /\p{Script=Han}/u.test(lineText(block).replace(NOISE, ''))
    )
      block = block.nextElementSibling;
    if (!block || isHidden(block)) continue;
    let holders = block.matches('textarea, pre')
      ? [block]
      : Array.from(block.querySelectorAll('code, kbd, samp, li, textarea, pre'));
    // Or plain boxes holding nothing but codes (<div class="kami">a----b</div>).
    if (holders.length === 0 && title.length <= 12 && !/[，。,]/.test(title)) {
      holders = Array.from(block.querySelectorAll('*')).filter((el) => {
        const text = lineText(el);
        return (
          el.children.length === 0 &&
          text &&
          !/\p{Script=Han}/u.test(text) &&
          keyTokens(text).length > 0 &&
          keyTokens(text).join(' ').length >= text.replace(/\s+/g, ' ').trim().length - 2
        );
      });
    }
    for (const el of holders) {
      if (el.tagName === 'LI' && el.querySelector('code, kbd, samp')) continue;
      // A textarea or <pre> holds one card per line.
      const many = el.tagName === 'TEXTAREA' || el.tagName === 'PRE';
      const text = el.tagName === 'TEXTAREA' ? (el.textContent ?? '') : lineText(el);
      for (const secret of many ? keyTokens(text) : keyTokens(text).slice(0, 1)) {
        if (!cards.some((c) => c.secret === secret)) cards.push({ secret, el });
      }
    }
  }
  return cards;
}

/**
 * Delivered cards on an order page: card tables first, else "卡号 … 卡密 …" pairs and
 * code fields (兑换码, 激活码, CDK, a textarea of keys under 卡密信息).
 */
export function findCards(
  doc: Document,
  pairs: readonly LabelledValue[],
  skip: (el: Element) => boolean,
): Card[] {
  const tabled = fromTables(doc, skip);
  if (tabled.length) return tabled;
  const cards: Card[] = [];
  let pendingNumber: { value: string; el: Element } | undefined;
  let pendingAccount: { value: string; el: Element } | undefined;
  for (const pair of pairs) {
    const label = pair.label.replace(/\d+$/, '');
    if (NUMBER_LABEL.test(label)) {
      const token = keyTokens(pair.value)[0];
      if (token) pendingNumber = { value: token, el: pair.el };
      continue;
    }
    if (ACCOUNT_LABEL.test(label)) {
      const token = firstWord(pair.value);
      pendingAccount = /^[\w.@+-]{4,64}$/.test(token) ? { value: token, el: pair.el } : undefined;
      continue;
    }
    // An account's password right after its login: the two are the goods.
    if (pendingAccount && PASSWORD_LABEL.test(label)) {
      const password = firstWord(pair.value);
      // A masked one (******, ab****cd) is a profile page's, not a delivery.
      if (/^[\x21-\x7e]{4,64}$/.test(password) && !/\*{3}/.test(password)) {
        cards.push({ number: pendingAccount.value, secret: password, el: pair.el });
        pendingAccount = undefined;
        continue;
      }
    }
    if (!SECRET_LABEL.test(label)) continue;
    // A heading over a box of its own pairs ("卡密信息" over 卡号 / 卡密): those pairs count.
    const inner = (q: LabelledValue) => q !== pair && q.el !== pair.el && pair.el.contains(q.el);
    const cardLabel = (q: LabelledValue) => {
      // "卡密 1", "卡号2": numbered labels of a list of cards.
      const l = q.label.replace(/\d+$/, '');
      return SECRET_LABEL.test(l) || NUMBER_LABEL.test(l) || PASSWORD_LABEL.test(l);
    };
    if (pairs.some((q) => inner(q) && cardLabel(q))) continue;
    // A list of codes under one label: the value row and its look-alike siblings.
    const values = [{ value: pair.value, el: pair.el }];
    if (!pair.inline) {
      for (let s = pair.el.nextElementSibling; s; s = s.nextElementSibling) {
        if (s.tagName !== pair.el.tagName || s.className !== pair.el.className) break;
        values.push({ value: lineText(s), el: s });
      }
    }
    for (const { value, el } of values) {
      for (const secret of keyTokens(value)) {
        if (cards.some((c) => c.secret === secret)) continue;
        const number = pendingNumber?.value;
        cards.push({ ...(number && number !== secret ? { number } : {}), secret, el });
        pendingNumber = undefined;
      }
    }
  }
  // A card number shown without a secret is the code itself (e.g. 卡号 only cards).
  if (!cards.length && pendingNumber)
    cards.push({ secret: pendingNumber.value, el: pendingNumber.el });
  if (!cards.length) cards.push(...underHeading(doc, skip));
  return cards;
}

/** A value's first word, past copy buttons and the like ("Ly@0731gsX9 复制" -> "Ly@0731gsX9"). */
function firstWord(value: string): string {
  return norm(value.replace(NOISE, ' ')).trim().split(/\s+/)[0] ?? '';
}
