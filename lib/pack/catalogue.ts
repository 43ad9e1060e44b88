import type { PackManifest } from './manifest';

const KIND_LABEL: Record<string, string> = {
  promise: '平台承诺 promise',
  order: '订单 order',
  payment: '支付记录 payment',
  chat: '客服聊天 chat',
  licence: '资质信息 licence',
  other: '其他 other',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// The picture that best shows an item at a glance, in this order.
const THUMBNAIL_ROLES = [
  'screenshot-viewport',
  'screenshot-element',
  'screenshot-chat',
  'imported',
];

/** The pack path of an item's thumbnail: one of its own images, shown from the pack itself. */
function thumbnailOf(item: CatalogueItem): string | undefined {
  const images = item.artifacts.filter((a) => /^image\/(png|jpeg|webp|gif)$/.test(a.mediaType));
  for (const role of THUMBNAIL_ROLES) {
    const found = images.find((a) => a.role === role);
    if (found) return found.path;
  }
  return images[0]?.path;
}

type CatalogueItem = Omit<PackManifest, 'files'>['items'][number];

// Bilingual names for the parts of a fact path, so a printed correction reads without
// knowing PageFacts; the path itself is printed beside them.
const PART_LABEL: Record<string, string> = {
  order: '订单 order',
  payment: '支付 payment',
  site: '网站 site',
  orderId: '订单号 order id',
  amount: '金额 amount',
  placedAt: '下单时间 placed at',
  product: '商品 product',
  quantity: '数量 quantity',
  status: '状态 status',
  paymentMethod: '支付方式 payment method',
  tradeNo: '交易号 trade no.',
  cardKeys: '卡密 card keys',
  text: '内容 text',
  category: '类型 category',
  from: '发言方 side',
  name: '昵称 name',
  at: '时间 time',
};

const CHOICE_LABEL: Record<string, string> = {
  customer: '买家 customer',
  merchant: '商家 merchant',
  system: '系统 system',
  delivery: '发货到账 delivery',
  compensation: '赔付 compensation',
  refund: '退款 refund',
  authenticity: '正品 authenticity',
  'after-sales': '售后 after-sales',
  other: '其他 other',
};

/** `chat.messages.5.from` → 聊天第 6 条 message 6 · 发言方 side (numbers count from 1). */
function correctionLabel(path: string): string {
  const parts = path.split('.');
  const n = (i: number) => Number(parts[i]) + 1;
  const field = (i: number) => PART_LABEL[parts[i] ?? ''] ?? parts.slice(i).join('.');
  if (parts[0] === 'chat' && parts[1] === 'messages' && parts.length === 4)
    return `聊天第 ${n(2)} 条 message ${n(2)} · ${field(3)}`;
  if (parts[0] === 'promises' && parts.length === 3)
    return `承诺 ${n(1)} promise ${n(1)} · ${field(2)}`;
  if (parts[0] === 'orders' && parts.length === 3)
    return `订单列表第 ${n(1)} 行 order list row ${n(1)} · ${field(2)}`;
  if (parts.length === 2 && PART_LABEL[parts[0] ?? '']) return `${field(0)} · ${field(1)}`;
  return path;
}

/** A fact value for print: a side or category by its bilingual name, lists joined. */
function correctionValue(path: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' && /\.(from|category)$/.test(path))
    return CHOICE_LABEL[value] ?? value;
  if (Array.isArray(value)) return value.map(String).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * What the catalogue adds under an item's name: the size of an order list read off the
 * page, and every fact the user corrected (value as read → corrected value). The facts
 * themselves (facts.json, manifest items[].facts) stay as read.
 */
function itemFactNotes(item: CatalogueItem): string {
  const e = escapeHtml;
  const notes: string[] = [];
  const listed = item.facts.orders?.length ?? 0;
  if (listed > 0)
    notes.push(
      `<div class="order-list">订单列表：${listed} 个订单 order list: ${listed} orders</div>`,
    );
  const corrections = Object.entries(item.corrections ?? {});
  if (corrections.length > 0) {
    const rows = corrections
      .map(
        ([path, c]) =>
          `<li>${e(correctionLabel(path))} <code>${e(path)}</code>: ${e(correctionValue(path, c.original))} → <strong>${e(correctionValue(path, c.value))}</strong></li>`,
      )
      .join('');
    notes.push(
      `<div class="corrections">用户更正 Corrected by the user (原读取 → 更正 as read → corrected):<ul>${rows}</ul></div>`,
    );
  }
  return notes.join('');
}

/**
 * index.html: the printable evidence catalogue (证据目录). Static HTML, no script,
 * every value escaped: the pages captured may be hostile.
 */
export function renderCatalogue(manifest: Omit<PackManifest, 'files'>): string {
  const e = escapeHtml;
  const rows = manifest.items
    .map((item) => {
      const files = [...item.artifacts, ...(item.derived ?? [])]
        .map(
          (a) =>
            `<li><a href="${e(a.path)}">${e(a.path.split('/').pop() ?? a.path)}</a> <code>${e(a.sha256)}</code></li>`,
        )
        .join('');
      const thumb = thumbnailOf(item);
      return `<tr>
<td>${item.number}</td>
<td>${e(item.title)}${thumb ? `<br><img class="thumb" src="${e(thumb)}" alt="第 ${item.number} 项截图 screenshot of item ${item.number}">` : ''}${itemFactNotes(item)}</td>
<td>${e(KIND_LABEL[item.kind] ?? item.kind)}</td>
<td class="url">${e(item.url)}</td>
<td>${e(item.capturedAtLocal)}<br><small>UTC ${e(item.capturedAt)}</small></td>
<td>${item.purpose ? e(item.purpose) : '<span class="none">—</span>'}${item.notes ? `<br><small>${e(item.notes)}</small>` : ''}</td>
<td><ul>${files}</ul></td>
</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>证据目录 Evidence catalogue — ${e(manifest.case.title)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #888; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; }
td.url, code { word-break: break-all; }
code { font-size: 0.8em; }
ul { margin: 0; padding-left: 1.1em; }
.order-list, .corrections { margin-top: 4px; font-size: 0.9em; }
.corrections strong { color: #b34700; }
img.thumb { display: block; margin-top: 4px; max-width: 180px; max-height: 120px; border: 1px solid #ccc; object-fit: cover; object-position: top; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>证据目录 <small>Evidence catalogue</small></h1>
<p>案件 Case: ${e(manifest.case.title)}<br>
生成时间 Created: ${e(manifest.createdAt)} (UTC)<br>
工具 Tool: ${e(manifest.tool.name)} ${e(manifest.tool.version)}<br>
共 ${manifest.items.length} 项证据 items. 每个文件的 SHA-256 见下表及 manifest.json；核验方法见 README.txt，或在解压后的文件夹中用浏览器打开 <a href="verify.html">verify.html</a> 离线核验 (offline verifier)。</p>
<table>
<thead><tr><th>序号<br>No.</th><th>证据名称<br>Name</th><th>类型<br>Kind</th><th>来源网址<br>Source URL</th><th>采集时间 (UTC+8)<br>Captured</th><th>证明目的<br>What it proves</th><th>文件及 SHA-256<br>Files</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
