import type { PageFacts } from '../extract/facts';

type ChatMessage = NonNullable<PageFacts['chat']>['messages'][number];

const FROM: Record<ChatMessage['from'], string> = {
  customer: '买家 customer',
  merchant: '商家 merchant',
  system: '系统 system',
};

export interface TranscriptContext {
  number: number;
  url: string;
  capturedAtLocal: string;
  capturedAt: string;
}

/**
 * transcript.txt: the chat as read off the page, with the user's corrections applied and
 * marked, one message per paragraph, zh and en headings.
 */
export function renderTranscriptText(
  messages: readonly ChatMessage[],
  ctx: TranscriptContext,
  corrected: ReadonlySet<number> = new Set(),
): string {
  const head = [
    `聊天记录 Chat transcript — 证据 ${ctx.number} / item ${ctx.number}`,
    `来源 Source: ${ctx.url}`,
    `采集时间 Captured: ${ctx.capturedAtLocal} (UTC ${ctx.capturedAt})`,
    '本文件由 facts.json 中提取的聊天消息生成，便于阅读；原始证据是同目录的网页归档和截图。',
    'Generated from the chat messages in facts.json for reading; the originals are the page archive and screenshots beside it.',
    ...(corrected.size > 0
      ? [
          '标有「用户更正」的消息按用户的更正显示，原读取见 manifest.json 中本证据的 corrections。',
          'Messages marked "corrected" show the user\'s correction; what was read off the page is under this item\'s corrections in manifest.json.',
        ]
      : []),
    '',
  ];
  const body = messages.map((m, i) => {
    const who = m.name ? `${FROM[m.from]}（${m.name}）` : FROM[m.from];
    const when = m.at ? `[${m.at}] ` : '';
    const mark = corrected.has(i) ? ' 〔用户更正 corrected〕' : '';
    return `${i + 1}. ${when}${who}${mark}:\n   ${m.text.replaceAll('\r\n', '\n').replaceAll('\n', '\n   ')}`;
  });
  return `${[...head, ...body].join('\n')}\n`;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with
// an apostrophe: chat text is written by the merchant and may be hostile.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** transcript.csv: UTF-8 with BOM (so Excel reads Chinese), CRLF, every cell quoted. */
export function renderTranscriptCsv(
  messages: readonly ChatMessage[],
  corrected: ReadonlySet<number> = new Set(),
): string {
  const rows = [
    ['序号 No.', '时间 Time', '发言方 From', '名称 Name', '内容 Text', '用户更正 Corrected'],
    ...messages.map((m, i) => [
      String(i + 1),
      m.at ?? '',
      m.from,
      m.name ?? '',
      m.text,
      corrected.has(i) ? '是 yes' : '',
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The numbers (from 0) of the chat messages a user corrected ("chat.messages.3.text"). */
export function correctedMessages(paths: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const path of paths) {
    const m = /^chat\.messages\.(\d+)(\.|$)/.exec(path);
    if (m) out.add(Number(m[1]));
  }
  return out;
}
