import type { EvidenceDB } from '../db/database';
import { appendCustody, listCustody, listEvidence } from '../db/repo';
import { buildPackBlob } from './build-pack';

export const TOOL_NAME = 'kameng-evidence-kit';

export interface ExportOptions {
  toolVersion: string;
  now: Date;
  onProgress?: (done: number, total: number, zipBytes: number) => void;
  /** Cancels the export; the custody log then records it as cancelled. */
  signal?: AbortSignal;
}

/**
 * Exports a case as an evidence pack. The export records itself in the custody chain
 * first, so the pack's log ends with the entry describing this export.
 */
export async function exportCase(
  db: EvidenceDB,
  caseId: string,
  options: ExportOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await exportCaseBlob(db, caseId, options)).arrayBuffer());
}

/**
 * exportCase as a Blob, for large cases: the pack is never held in memory as one more
 * byte array (the side panel hands the Blob straight to the download).
 */
export async function exportCaseBlob(
  db: EvidenceDB,
  caseId: string,
  options: ExportOptions,
): Promise<Blob> {
  const createdAt = options.now.toISOString();
  // One transaction, so the items, the log and the export entry describe the same moment
  // even when a capture lands meanwhile.
  const snapshot = await db.transaction(
    'rw',
    [db.cases, db.evidence, db.custody, db.complaints],
    async () => {
      const theCase = await db.cases.get(caseId);
      if (!theCase) throw new Error(`case ${caseId} does not exist`);
      const items = await listEvidence(db, caseId);
      await appendCustody(db, {
        caseId,
        at: createdAt,
        action: 'export',
        details: { items: items.length, evidenceIds: items.map((i) => i.id) },
      });
      return {
        theCase,
        items,
        custody: await listCustody(db, caseId),
        // Numbered complaints/NN-… in the order they were drafted, not by their random ids.
        complaints: (await db.complaints.where('caseId').equals(caseId).toArray()).sort((a, b) =>
          a.createdAt.localeCompare(b.createdAt),
        ),
      };
    },
  );
  try {
    return await buildPackBlob({
      case: snapshot.theCase,
      items: snapshot.items,
      custody: snapshot.custody,
      complaints: snapshot.complaints,
      // buildPack hashes every artifact against its capture hash, so read without hashing
      // here as well (repo's readBlob would hash each byte twice).
      readBlob: async (sha) => {
        const record = await db.blobs.get(sha);
        if (!record) throw new Error(`blob ${sha} is missing from storage`);
        return new Uint8Array(await record.data.arrayBuffer());
      },
      tool: { name: TOOL_NAME, version: options.toolVersion },
      createdAt,
      onProgress: options.onProgress,
      signal: options.signal,
    });
  } catch (error) {
    const cancelled = options.signal?.aborted === true;
    // The log already says an export began; it must also say that it produced nothing.
    await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        caseId,
        at: new Date().toISOString(),
        action: 'export',
        details: cancelled
          ? { failed: true, cancelled: true }
          : { failed: true, error: error instanceof Error ? error.message : String(error) },
      }),
    );
    throw error;
  }
}

/** A file name for the pack: 证据包-<case>-<yyyymmdd-hhmm>.zip, safe on every OS. */
export function packFileName(caseTitle: string, now: Date): string {
  const safe = caseTitle.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || 'case';
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `证据包-${safe}-${stamp}.zip`;
}
