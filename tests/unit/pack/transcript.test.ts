import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDB } from '@/lib/db/database';
import { type PackManifest, MANIFEST } from '@/lib/pack/manifest';
import { renderTranscriptCsv, renderTranscriptText } from '@/lib/pack/transcript';
import { decode, newDb } from '../helpers';
import { buildFixturePack } from './pack-fixture';

const messages = [
  { from: 'customer' as const, at: '2026-11-21T10:00:00+08:00', text: '卡密什么时候发？' },
  { from: 'merchant' as const, name: '客服小王', text: '=HYPERLINK("http://x")\n"马上"发' },
  { from: 'system' as const, text: '-1+1' },
];
const ctx = {
  number: 4,
  url: 'https://km.example.cn/chat',
  capturedAt: '2026-11-21T02:00:00.000Z',
  capturedAtLocal: '2026-11-21T10:00:00.000+08:00',
};

describe('renderTranscriptText', () => {
  it('numbers the messages with time, side and name, indenting continuation lines', () => {
    const text = renderTranscriptText(messages, ctx);
    expect(text).toContain('聊天记录 Chat transcript — 证据 4 / item 4');
    expect(text).toContain('1. [2026-11-21T10:00:00+08:00] 买家 customer:\n   卡密什么时候发？');
    expect(text).toContain('2. 商家 merchant（客服小王）:\n   =HYPERLINK("http://x")\n   "马上"发');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('renderTranscriptCsv', () => {
  it('is BOM-prefixed CRLF CSV with every cell quoted and formulas defused', () => {
    const csv = renderTranscriptCsv(messages);
    expect(csv.startsWith('\uFEFF"序号 No.","时间 Time"')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('"1","2026-11-21T10:00:00+08:00","customer","","卡密什么时候发？",""');
    expect(lines[2]).toBe(
      '"2","","merchant","客服小王","\'=HYPERLINK(""http://x"")\n""马上""发",""',
    );
    expect(lines[3]).toBe('"3","","system","","\'-1+1",""');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('transcripts in a pack', () => {
  let db: EvidenceDB;
  let files: Map<string, Uint8Array>;
  let manifest: PackManifest;
  beforeAll(async () => {
    db = newDb();
    files = (await buildFixturePack(db)).files;
    manifest = JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array()));
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('are written for the chat item only, listed as derived files', () => {
    const withTranscripts = manifest.items.filter((i) => i.derived?.length);
    expect(withTranscripts.map((i) => i.kind)).toEqual(['chat']);
    expect(withTranscripts[0]?.derived?.map((d) => [d.path, d.from, d.mediaType])).toEqual([
      ['evidence/004-chat/transcript.txt', 'facts.chat', 'text/plain'],
      ['evidence/004-chat/transcript.csv', 'facts.chat', 'text/csv'],
    ]);
    expect([...files.keys()].filter((p) => p.includes('transcript'))).toHaveLength(2);
    expect(decode(files.get('evidence/004-chat/transcript.txt') ?? new Uint8Array())).toContain(
      '客服小王',
    );
  });

  it('are linked from the catalogue', () => {
    const html = decode(files.get('index.html') ?? new Uint8Array());
    expect(html).toContain('href="evidence/004-chat/transcript.csv"');
  });
});
