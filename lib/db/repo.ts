import Dexie from 'dexie';
import { sha256Hex } from '../integrity/sha256';
import { type CustodyDraft, type CustodyEntry, chainCustodyEntry } from '../integrity/custody';
import type { EvidenceDB } from './database';
import type { CaseRecord, EvidenceItem } from './schema';

/** Settings key of the active case's id. */
export const ACTIVE_CASE_SETTING = 'activeCaseId';
const ACTIVE_CASE = ACTIVE_CASE_SETTING;

/** The active case, if one was chosen or created. */
export async function getActiveCase(db: EvidenceDB): Promise<CaseRecord | undefined> {
  const setting = await db.settings.get(ACTIVE_CASE);
  return typeof setting?.value === 'string' ? db.cases.get(setting.value) : undefined;
}

/** Makes `caseId` the case new captures go into. */
export async function setActiveCase(db: EvidenceDB, caseId: string): Promise<void> {
  await db.settings.put({ key: ACTIVE_CASE, value: caseId });
}

/**
 * Appends an entry to a case's custody chain. Must run inside a read-write
 * transaction over `custody`, so concurrent appends are serialised by IndexedDB.
 */
export async function appendCustody(db: EvidenceDB, draft: CustodyDraft): Promise<CustodyEntry> {
  const last = await db.custody
    .where('[caseId+seq]')
    .between([draft.caseId, Dexie.minKey], [draft.caseId, Dexie.maxKey])
    .last();
  // Hashing is not an IndexedDB request; waitFor keeps the transaction open meanwhile.
  const entry = await Dexie.waitFor(chainCustodyEntry(last, draft));
  await db.custody.add(entry);
  return entry;
}

/** Returns the active case, creating "我的第一个案件" (with its custody entry) on first use. */
export async function ensureActiveCase(
  db: EvidenceDB,
  now: Date,
  title: string,
): Promise<CaseRecord> {
  return db.transaction('rw', [db.cases, db.settings, db.custody], async () => {
    const existing = await getActiveCase(db);
    if (existing) return existing;
    const at = now.toISOString();
    const record: CaseRecord = {
      id: crypto.randomUUID(),
      title,
      createdAt: at,
      updatedAt: at,
      status: 'open',
    };
    await db.cases.add(record);
    await db.settings.put({ key: ACTIVE_CASE, value: record.id });
    await appendCustody(db, {
      caseId: record.id,
      at,
      action: 'case-created',
      details: { title },
    });
    return record;
  });
}

export interface NewBlob {
  sha256: string;
  data: Blob;
  mediaType: string;
}

/**
 * Stores one capture whole: its blobs, its evidence row and its custody entry land
 * in one transaction, or nothing does. Blobs already stored (same SHA-256) are shared.
 */
export async function saveEvidence(
  db: EvidenceDB,
  item: EvidenceItem,
  blobs: readonly NewBlob[],
): Promise<CustodyEntry> {
  return db.transaction('rw', [db.cases, db.evidence, db.blobs, db.custody], async () => {
    if (!(await db.cases.get(item.caseId))) throw new Error(`case ${item.caseId} does not exist`);
    for (const blob of blobs) {
      if (!(await db.blobs.get(blob.sha256))) {
        await db.blobs.add({
          sha256: blob.sha256,
          data: blob.data,
          bytes: blob.data.size,
          mediaType: blob.mediaType,
        });
      }
    }
    await db.evidence.add(item);
    await db.cases.update(item.caseId, { updatedAt: item.capturedAt });
    return appendCustody(db, {
      caseId: item.caseId,
      at: item.capturedAt,
      action: item.source,
      evidenceId: item.id,
      details: {
        kind: item.kind,
        url: item.url,
        artifacts: item.artifacts.map((a) => ({ fileName: a.fileName, sha256: a.sha256 })),
      },
    });
  });
}

/** A case's evidence, oldest first (the order items are numbered in a pack). */
export function listEvidence(db: EvidenceDB, caseId: string): Promise<EvidenceItem[]> {
  return db.evidence
    .where('[caseId+capturedAt]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .toArray();
}

/** A case's custody chain in order. */
export function listCustody(db: EvidenceDB, caseId: string): Promise<CustodyEntry[]> {
  return db.custody
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .toArray();
}

/** The bytes of one artifact, refusing them if they no longer match their hash key. */
export async function readBlob(db: EvidenceDB, sha256: string): Promise<Uint8Array<ArrayBuffer>> {
  const record = await db.blobs.get(sha256);
  if (!record) throw new Error(`blob ${sha256} is missing from storage`);
  const bytes = new Uint8Array(await record.data.arrayBuffer());
  if ((await sha256Hex(bytes)) !== sha256) throw new Error(`blob ${sha256} is corrupt in storage`);
  return bytes;
}
