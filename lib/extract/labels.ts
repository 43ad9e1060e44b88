import { BLOCK_TAGS, isHidden, labelKey, lineText, visibleElements, visibleText } from './text';

/** One "label: value" reading off a page, with the elements it came from. */
export interface LabelledValue {
  /** The label without spaces and colon, NFKC-normalised ("订单号"). */
  label: string;
  /** The value as shown (spaces collapsed, original characters). */
  value: string;
  /** The element holding the value (or the line holding "label: value"). */
  el: Element;
  /** Whether label and value share one line of text ("订单号：KM1001"). */
  inline?: boolean;
}

const NOT_LABEL_TAGS = new Set(['TR', 'TBODY', 'THEAD', 'TABLE', 'UL', 'OL', 'DL', 'BODY']);
const LABEL_CHARS = /^[\p{Script=Han}A-Za-z()/、 ]{2,14}$/u;
const INLINE_LABEL = /([\p{Script=Han}A-Za-z]{2,12})\s*[:：]/gu;

/** A label's text without a note after it: "卡密内容（一行一张，格式：卡号----卡密）". */
const bare = (text: string) => text.replace(/\s*[（(][^（）()]{1,30}[）)]$/, '');
const ID_WITHOUT_COLON =
  /^(订单号|订单编号|交易号|交易单号|流水号)\s+([A-Za-z0-9][A-Za-z0-9-]{5,47})(?:\s*(?:复制|一键复制|查看))?$/;

/** Whether a text reads as a field label ("订单号", "支付方式：", "CDK"). */
export function isLabelText(text: string): boolean {
  const key = labelKey(text);
  // "名称 | 对方": a column of two fields, one above the other in each cell.
  const parts = key.split('|');
  if (parts.length === 2) return parts.every((p) => isLabelText(p));
  // "卡密 1", "卡号2": a numbered label of a list.
  const numbered = /^(\p{Script=Han}{2,6})\d{1,2}$/u.exec(key);
  if (numbered?.[1]) return true;
  return key.length >= 2 && key.length <= 12 && LABEL_CHARS.test(key);
}

/** A pair under a two-field label ("名称 | 对方") split into one pair per line of its cell. */
function splitPair(pair: LabelledValue): LabelledValue[] {
  const labels = pair.label.split('|');
  if (labels.length !== 2) return [pair];
  const lines = visibleText(pair.el)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length !== 2) return [];
  return labels.map((label, i) => {
    // "交易号：2026…": a line that names its field keeps only the value.
    const line = lines[i] ?? '';
    const own = inlinePairs(line)[0];
    return { label, value: own && own.label === label ? own.value : line, el: pair.el };
  });
}

function textNodeValue(n: Node): string {
  return n.nodeType === 3 ? (n.nodeValue ?? '') : n.nodeType === 1 ? lineText(n) : '';
}

/**
 * The value after a label element: the next non-empty sibling element (table cell,
 * dd, span, div), or the loose text that follows it on the same line. Climbs out of
 * wrappers that hold only the label.
 */
function valueAfter(
  labelEl: Element,
): { value: string; el: Element; inline?: boolean } | undefined {
  let n: Element = labelEl;
  for (let depth = 0; depth < 4; depth++) {
    const parts: string[] = [];
    let valueEl: Element | undefined;
    let loose = false;
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 1) {
        const el = s as Element;
        if (isHidden(el)) continue;
        const text = lineText(el);
        if (!text) continue;
        if (parts.length === 0) {
          // A table under a heading ("商品信息") is a structure, not the heading's value.
          if (el.tagName === 'TABLE') return undefined;
          // A group header spanning rows ("收款方" over 户名 | 账号): its first row's value
          // cell, past the field's own header cell.
          const after = el.nextElementSibling;
          if (
            n.tagName === 'TH' &&
            Number(n.getAttribute('rowspan') ?? 1) > 1 &&
            el.tagName === 'TH' &&
            after?.tagName === 'TD' &&
            lineText(after)
          ) {
            return { value: lineText(after).replace(/\s+/g, ' ').trim(), el: after };
          }
          valueEl = el;
          parts.push(text);
          if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'TD' || el.tagName === 'TH') break;
          continue;
        }
        if (BLOCK_TAGS.has(el.tagName) || isLabelText(text) || /[:：]\s*$/.test(text)) break;
        parts.push(text);
      } else if (s.nodeType === 3) {
        const text = textNodeValue(s).trim();
        if (!text) continue;
        if (!valueEl) {
          valueEl = n.parentElement ?? n;
          loose = true;
        }
        parts.push(text);
      }
    }
    const value = parts.join(' ').replace(/\s+/g, ' ').trim();
    if (value && valueEl) return { value, el: valueEl, ...(loose ? { inline: true } : {}) };
    const parent = n.parentElement;
    if (!parent || parent.tagName === 'BODY' || lineText(parent) !== lineText(n)) return undefined;
    n = parent;
  }
  return undefined;
}

/**
 * In a header row of labels (the first row of a table or a div grid), the cell below
 * `cell` in the next row. A row of all-label cells further down is a key-value row
 * whose values happen to be words ("支付宝", "已发货"), so only first rows count.
 */
function valueBelow(cell: Element): { value: string; el: Element } | undefined {
  const row = cell.parentElement;
  if (!row || row.tagName === 'BODY') return undefined;
  const cells = Array.from(row.children).filter((c) => !isHidden(c) && lineText(c) !== '');
  if (!cells.includes(cell) || !cells.every((c) => isLabelText(lineText(c)))) return undefined;
  const allTh = cells.every((c) => c.tagName === 'TH');
  if (cells.length < (allTh ? 2 : 3)) return undefined;
  let next: Element | null = null;
  if (row.tagName === 'TR') {
    const table = row.closest('table');
    const rows = table ? Array.from(table.querySelectorAll('tr')) : [];
    if (!allTh && rows.indexOf(row as HTMLTableRowElement) !== 0) return undefined;
    next = rows[rows.indexOf(row as HTMLTableRowElement) + 1] ?? null;
  } else {
    if (row.parentElement?.firstElementChild !== row) return undefined;
    next = row.nextElementSibling;
  }
  if (!next) return undefined;
  const below = Array.from(next.children).filter((c) => !isHidden(c));
  if (below.length !== Array.from(row.children).filter((c) => !isHidden(c)).length)
    return undefined;
  if (below.every((c) => isLabelText(lineText(c)))) return undefined;
  const el =
    below[
      Array.from(row.children)
        .filter((c) => !isHidden(c))
        .indexOf(cell)
    ];
  const value = el ? lineText(el) : '';
  return el && value ? { value, el } : undefined;
}

/**
 * A statistic box that shows its figure above its caption ("¥228.00" over "实付金额"):
 * the label is the last of exactly two texts in its box, and the first is no label.
 */
function valueAbove(labelEl: Element): { value: string; el: Element } | undefined {
  // "JDV8260311745208 <em>复制</em>": an action beside a value is no caption.
  if (ACTION_WORD.test(lineText(labelEl).trim())) return undefined;
  const box = labelEl.parentElement;
  if (!box || box.tagName === 'BODY' || NOT_LABEL_TAGS.has(box.tagName)) return undefined;
  const kids = Array.from(box.children).filter((c) => !isHidden(c) && lineText(c) !== '');
  if (kids.length !== 2 || kids[1] !== labelEl) return undefined;
  const el = kids[0] as Element;
  const value = lineText(el);
  if (!value || value.includes('\n') || /[:：]/.test(value)) return undefined;
  // A word over a caption ("微信支付" over "付款方式") reads like a label itself: only a
  // payment method or a state word is taken.
  if (isLabelText(value) && !VALUE_WORD.test(value)) return undefined;
  // Loose text in the box would be a third part: not a figure-and-caption box.
  const loose = Array.from(box.childNodes).some((n) => n.nodeType === 3 && n.nodeValue?.trim());
  return loose ? undefined : { value, el };
}

const ACTION_WORD =
  /^(复制|一键复制|点击复制|查看|详情|展开|收起|删除|编辑|修改|更多|去支付|取消)$/;
const VALUE_WORD = /支付$|支付宝|微信|余额|银行|信用卡|花呗|^已|成功$|完成$|失败$|中$/;

const DOT_LEADER = /^(\S.{0,14}?)\s*[.·…]{3,}\s*(\S.*)$/;

/** The pairs of a preformatted receipt (see findLabelledValues). */
function preformattedPairs(pre: Element): LabelledValue[] {
  const out: LabelledValue[] = [];
  const lines = (pre.textContent ?? '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const leader = DOT_LEADER.exec(line);
    if (leader?.[1] && leader[2] && isLabelText(leader[1])) {
      out.push({ label: labelKey(leader[1]), value: leader[2].trim(), el: pre, inline: true });
      return;
    }
    const next = lines[i + 1] ?? '';
    if (isLabelText(line) && /^\s{2,}\S/.test(next) && !/^\s/.test(raw)) {
      out.push({ label: labelKey(line), value: next.trim(), el: pre, inline: true });
      return;
    }
    for (const pair of inlinePairs(line)) out.push({ ...pair, el: pre, inline: true });
    // "数量 x1": a count after its label.
    const count = /^(数量|件数|张数)\s+([x×]?\s*\d{1,4})\b/.exec(line);
    if (count?.[1] && count[2])
      out.push({ label: count[1], value: count[2], el: pre, inline: true });
  });
  return out;
}

/** The "label: value" pairs written inline in one line of text. */
export function inlinePairs(text: string): Array<{ label: string; value: string }> {
  const marks = Array.from(text.matchAll(INLINE_LABEL));
  const out: Array<{ label: string; value: string }> = [];
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const value = text
      .slice(start, end)
      .replace(/[\s|,，;；、]+$/, '')
      .trim();
    if (value) out.push({ label: labelKey(m[1] ?? ''), value });
  });
  return out;
}

/**
 * Every "label: value" reading on a page, in document order: label cells beside value
 * cells (tables, dl, key-value cards, framework divs), header rows above data rows, and
 * "label：value" written inline in a line of text.
 */
export function findLabelledValues(
  doc: Document,
  skip?: (el: Element) => boolean,
): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const el of visibleElements(doc)) {
    if (skip?.(el)) continue;
    const text = lineText(el);
    if (!text) continue;
    const textKids = Array.from(el.children).filter((c) => lineText(c) !== '');
    const hasTextChild = textKids.some((c) => lineText(c) === text);
    // "当前状态　支付成功": a label and its value set apart by an ideographic space.
    // (NFKC makes that space a plain one, so the label must name a field.)
    const spaced2 = /^([^\s\u3000]{2,8})[\s\u3000]+(\S.*)$/.exec(text);
    if (
      spaced2?.[1] &&
      spaced2[2] &&
      textKids.length === 0 &&
      /(状态|方式|时间|单号|金额)$/.test(spaced2[1]) &&
      isLabelText(spaced2[1]) &&
      (!isLabelText(spaced2[2]) || VALUE_WORD.test(spaced2[2]))
    ) {
      out.push({ label: labelKey(spaced2[1]), value: spaced2[2].trim(), el, inline: true });
      continue;
    }
    if (
      !hasTextChild &&
      textKids.length <= 1 &&
      !NOT_LABEL_TAGS.has(el.tagName) &&
      !el.closest('a, button, option, select') &&
      isLabelText(bare(text)) &&
      !/[:：]\s*\S/.test(bare(text))
    ) {
      const found = valueBelow(el) ?? valueAfter(el) ?? valueAbove(el);
      if (found) out.push(...splitPair({ label: labelKey(bare(text)), ...found }));
      continue;
    }
    // "订单号 SG2611220903155871": a number label and its number, with no colon.
    const spaced = ID_WITHOUT_COLON.exec(text);
    if (spaced?.[1] && spaced[2] && textKids.length <= 1) {
      out.push({ label: spaced[1], value: spaced[2], el, inline: true });
      continue;
    }
    // "实付款 <b>¥704.00</b><br>订单编号 3928…": such fields one per line of a box, with no
    // colon, the number's line and the paid figure's.
    const rows = visibleText(el).split('\n');
    if (rows.length >= 2 && rows.length <= 4 && !/[:：]/.test(text)) {
      const found = rows.flatMap((row) => {
        const id = ID_WITHOUT_COLON.exec(row.trim());
        if (id?.[1] && id[2]) return [{ label: id[1], value: id[2] }];
        const paid = /^(实付款|实付|实付金额)\s*([¥￥]\s*[\d,]+(?:\.\d{1,2})?)$/.exec(row.trim());
        return paid?.[1] && paid[2] ? [{ label: paid[1], value: paid[2] }] : [];
      });
      if (found.some((f) => f.label !== '实付款' && f.label !== '实付' && f.label !== '实付金额')) {
        for (const f of found) out.push({ ...f, el, inline: true });
        continue;
      }
    }
    // A receipt kept as preformatted text: "订单号......KM1001" (dot leaders), and a label
    // on a line of its own with its value indented on the next.
    if (el.tagName === 'PRE') {
      out.push(...preformattedPairs(el));
      continue;
    }
    // Inline pairs live in the innermost lines only, so they are read once.
    const blockChild = Array.from(el.children).some(
      (c) => BLOCK_TAGS.has(c.tagName) && lineText(c) !== '',
    );
    // "实付<br><strong>¥198.00</strong>": a label and its value on two lines of one box.
    if (!blockChild) {
      const two = visibleText(el).split('\n');
      const [label, value] = two;
      if (
        two.length === 2 &&
        label &&
        value &&
        isLabelText(label) &&
        !/[:：]/.test(label) &&
        !isLabelText(value)
      ) {
        out.push({ label: labelKey(label), value, el });
        continue;
      }
    }
    if (blockChild || !/[:：]/.test(text)) continue;
    for (const line of text.split('\n')) {
      for (const pair of inlinePairs(line)) out.push({ ...pair, el, inline: true });
    }
  }
  // A line read whole and again in its parts ("订单号：<b>NF…</b><span>今天 09:20</span>"):
  // the inner reading holds the value alone; the outer one runs into what follows.
  const inner = new Map<string, Element[]>();
  for (const p of out) if (p.inline) inner.set(p.label, [...(inner.get(p.label) ?? []), p.el]);
  // A section's heading over its fields ("商品信息" over 商品标题 / 商品编号 / 购买数量): the
  // box under it holds two or more pairs of its own, so it is no field's value.
  // (Counted once per ancestor: a price table of thousands of cells stays linear.)
  const fieldsBelow = new Map<Element, number>();
  for (const q of out) {
    if (q.inline) continue;
    for (let a = q.el.parentElement; a; a = a.parentElement)
      fieldsBelow.set(a, (fieldsBelow.get(a) ?? 0) + 1);
  }
  const section = (p: LabelledValue) => !p.inline && (fieldsBelow.get(p.el) ?? 0) >= 2;
  return out.filter(
    (p) =>
      (!p.inline || !(inner.get(p.label) ?? []).some((el) => el !== p.el && p.el.contains(el))) &&
      !section(p),
  );
}
