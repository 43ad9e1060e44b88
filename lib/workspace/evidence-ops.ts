import Dexie from 'dexie';
import { CHINA_TIME_ZONE, toChinaIso } from '../capture/time';
import type { EvidenceDB } from '../db/database';
import { appendCustody, type NewBlob, saveEvidence } from '../db/repo';
import type { Artifact, EvidenceItem } from '../db/schema';
import type { PageKind } from '../extract/facts';
import { canonicalJson } from '../integrity/canonical-json';
import type { CustodyEntry } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';

/** What the import needs of a file (a DOM File has all of it). */
export interface ImportedFile {
  name: string;
  type: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A name safe as one path segment of the pack on every OS, keeping the extension. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f<>:"|?*]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(-120);
  return cleaned && cleaned !== 'meta.json' ? cleaned : `file-${cleaned || 'unnamed'}`;
}

/** A guess of the kind from the file name (a user renames, e.g. 支付宝账单.png). */
export function kindFromFileName(name: string): PageKind {
  if (/聊天|对话|chat|qq|微信|wechat/i.test(name)) return 'chat';
  if (/支付|账单|付款|转账|alipay|pay|receipt|收据|回单/i.test(name)) return 'payment';
  if (/订单|order/i.test(name)) return 'order';
  if (/承诺|保障|规则|promise/i.test(name)) return 'promise';
  if (/执照|资质|备案|licen[cs]e/i.test(name)) return 'licence';
  return 'other';
}

/**
 * Stores a file the user brought (phone screenshot, receipt, recording, PDF, chat
 * export) as an evidence item of its own, source `import`: the bytes under their
 * SHA-256, and a meta.json with the original name and modification time. It lands
 * whole with its `import` custody entry through saveEvidence.
 */
export async function importFile(
  db: EvidenceDB,
  caseId: string,
  file: ImportedFile,
  options: { now: Date; kind?: PageKind; via: 'picker' | 'drop' },
): Promise<EvidenceItem> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const mediaType = file.type || 'application/octet-stream';
  const importedAt = options.now.toISOString();
  const modifiedAt = Number.isFinite(file.lastModified)
    ? new Date(file.lastModified).toISOString()
    : undefined;
  const meta = new TextEncoder().encode(
    `${JSON.stringify(
      {
        source: 'import',
        importedVia: options.via === 'drop' ? 'drag-and-drop' : 'file picker',
        originalName: file.name,
        lastModified: modifiedAt,
        bytes: bytes.byteLength,
        mediaType,
        sha256,
        importedAt,
        note: 'Imported by the user, not captured by the extension.',
      },
      null,
      2,
    )}\n`,
  );
  const metaSha = await sha256Hex(meta);
  const method = `imported by the user (${options.via === 'drop' ? 'drag-and-drop' : 'file picker'})`;
  const artifacts: Artifact[] = [
    {
      role: 'imported',
      fileName: safeFileName(file.name),
      sha256,
      bytes: bytes.byteLength,
      mediaType,
      method,
    },
    {
      role: 'meta',
      fileName: 'meta.json',
      sha256: metaSha,
      bytes: meta.byteLength,
      mediaType: 'application/json',
      method: 'written by the extension at import',
    },
  ];
  const kind = options.kind ?? kindFromFileName(file.name);
  const item: EvidenceItem = {
    id: crypto.randomUUID(),
    caseId,
    kind,
    source: 'import',
    title: file.name,
    url: '',
    finalUrl: '',
    capturedAt: importedAt,
    capturedAtLocal: toChinaIso(options.now),
    timeZone: CHINA_TIME_ZONE,
    facts: { kind, promises: [], site: { contacts: [] } },
    artifacts,
  };
  const blobs: NewBlob[] = [
    { sha256, data: new Blob([bytes], { type: mediaType }), mediaType },
    {
      sha256: metaSha,
      data: new Blob([meta], { type: 'application/json' }),
      mediaType: 'application/json',
    },
  ];
  await saveEvidence(db, item, blobs);
  return item;
}

/**
 * Deletes an item from the case. The row goes (so the timeline, the pack and its
 * numbering no longer include it) and so do bytes no other item uses; the `delete`
 * custody entry keeps what it was: kind, title, URL, times, every artifact's name and
 * hash, and the SHA-256 of the item row itself. The earlier `capture` entry stays in
 * the chain, so a pack still shows that the item existed and what it held.
 */
export async function deleteEvidence(
  db: EvidenceDB,
  evidenceId: string,
  options: { now: Date; reason?: string },
): Promise<CustodyEntry> {
  return db.transaction('rw', [db.cases, db.evidence, db.blobs, db.custody], async () => {
    const item = await db.evidence.get(evidenceId);
    if (!item) throw new Error(`evidence ${evidenceId} does not exist`);
    const itemSha256 = await Dexie.waitFor(sha256Hex(canonicalJson(item)));
    await db.evidence.delete(evidenceId);
    const shas = new Set(item.artifacts.map((a) => a.sha256));
    // Bytes are shared by hash: keep any another item still points at.
    await db.evidence.each((other) => {
      for (const a of other.artifacts) shas.delete(a.sha256);
    });
    await db.blobs.bulkDelete([...shas]);
    await db.cases.update(item.caseId, { updatedAt: options.now.toISOString() });
    return appendCustody(db, {
      caseId: item.caseId,
      at: options.now.toISOString(),
      action: 'delete',
      evidenceId,
      details: {
        kind: item.kind,
        source: item.source,
        title: item.title,
        url: item.url,
        capturedAt: item.capturedAt,
        itemSha256,
        artifacts: item.artifacts.map((a) => ({
          fileName: a.fileName,
          sha256: a.sha256,
          bytes: a.bytes,
        })),
        ...(options.reason ? { reason: options.reason } : {}),
      },
    });
  });
}
