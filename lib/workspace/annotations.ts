import { z } from 'zod';
import type { EvidenceDB } from '../db/database';
import { appendCustody, listCustody } from '../db/repo';
import type { CustodyEntry } from '../integrity/custody';

/**
 * What the user adds to an item after it landed. The item itself is never edited:
 * each change is an `annotate` custody entry, and the current state is the fold of
 * the log (the latest entry for a field wins). Details shapes, for readers of a pack:
 *   annotate      { field: 'purpose' | 'note', value: string }
 *                 { field: 'tags', value: string[] }
 *   annotate, no evidence id (the case, not an item):
 *                 { field: 'case', changes: {...} }
 *                 { field: 'complaint', event: 'sent' | 'answered', complaintId, channel,
 *                   ticketNo?, at }   (lib/complaint/store.ts)
 * Only the item variants are parsed here; an entry with another `field` is skipped.
 *   correct-fact  { path: 'order.amount', value: <new>, original: <as read> }
 *   delete        { kind, title, url, source, capturedAt, itemSha256, artifacts[] }
 */
export const AnnotationDetails = z.discriminatedUnion('field', [
  z.object({ field: z.literal('purpose'), value: z.string() }),
  z.object({ field: z.literal('note'), value: z.string() }),
  z.object({ field: z.literal('tags'), value: z.array(z.string()) }),
]);
export type AnnotationDetails = z.infer<typeof AnnotationDetails>;

export const CorrectionDetails = z.object({
  path: z.string().min(1),
  value: z.unknown(),
  original: z.unknown().optional(),
});
export type CorrectionDetails = z.infer<typeof CorrectionDetails>;

export interface FactCorrection {
  path: string;
  value: unknown;
  original: unknown;
  at: string;
  seq: number;
}

/** The user's additions to one item, folded from the custody log. */
export interface ItemAnnotations {
  purpose?: string;
  note?: string;
  tags: string[];
  /** Latest correction per fact path. */
  corrections: Record<string, FactCorrection>;
  /** Every annotate / correct-fact entry about the item, oldest first. */
  history: CustodyEntry[];
}

export interface DeletedItem {
  evidenceId: string;
  at: string;
  seq: number;
  details: Record<string, unknown>;
}

export interface CaseAnnotations {
  byItem: Map<string, ItemAnnotations>;
  deleted: DeletedItem[];
}

const empty = (): ItemAnnotations => ({ tags: [], corrections: {}, history: [] });

/** Folds a case's custody chain (in order) into the current annotations of each item. */
export function foldAnnotations(chain: readonly CustodyEntry[]): CaseAnnotations {
  const byItem = new Map<string, ItemAnnotations>();
  const deleted: DeletedItem[] = [];
  for (const entry of chain) {
    const id = entry.evidenceId;
    if (!id) continue;
    if (entry.action === 'delete') {
      deleted.push({ evidenceId: id, at: entry.at, seq: entry.seq, details: entry.details });
      continue;
    }
    if (entry.action !== 'annotate' && entry.action !== 'correct-fact') continue;
    const state = byItem.get(id) ?? empty();
    if (entry.action === 'annotate') {
      const parsed = AnnotationDetails.safeParse(entry.details);
      if (!parsed.success) continue;
      const d = parsed.data;
      if (d.field === 'tags') state.tags = d.value;
      else state[d.field] = d.value;
    } else {
      const parsed = CorrectionDetails.safeParse(entry.details);
      if (!parsed.success) continue;
      state.corrections[parsed.data.path] = {
        path: parsed.data.path,
        value: parsed.data.value,
        original: parsed.data.original,
        at: entry.at,
        seq: entry.seq,
      };
    }
    state.history.push(entry);
    byItem.set(id, state);
  }
  return { byItem, deleted };
}

/** The annotations of every item of a case. */
export async function loadAnnotations(db: EvidenceDB, caseId: string): Promise<CaseAnnotations> {
  return foldAnnotations(await listCustody(db, caseId));
}

async function itemCaseId(db: EvidenceDB, evidenceId: string): Promise<string> {
  const item = await db.evidence.get(evidenceId);
  if (!item) throw new Error(`evidence ${evidenceId} does not exist`);
  return item.caseId;
}

/** Records a purpose (证明目的), note or tag list for an item as a custody entry. */
export async function annotateEvidence(
  db: EvidenceDB,
  evidenceId: string,
  details: AnnotationDetails,
  now: Date,
): Promise<CustodyEntry> {
  const checked = AnnotationDetails.parse(details);
  return db.transaction('rw', [db.evidence, db.custody], async () =>
    appendCustody(db, {
      caseId: await itemCaseId(db, evidenceId),
      at: now.toISOString(),
      action: 'annotate',
      evidenceId,
      details: checked,
    }),
  );
}

/**
 * Corrects one fact of an item (e.g. `order.amount`). The reading stays in the item and
 * in facts.json; the correction is a `correct-fact` custody entry that keeps both.
 */
export async function correctFact(
  db: EvidenceDB,
  evidenceId: string,
  correction: CorrectionDetails,
  now: Date,
): Promise<CustodyEntry> {
  const checked = CorrectionDetails.parse(correction);
  return db.transaction('rw', [db.evidence, db.custody], async () =>
    appendCustody(db, {
      caseId: await itemCaseId(db, evidenceId),
      at: now.toISOString(),
      action: 'correct-fact',
      evidenceId,
      details: {
        path: checked.path,
        value: checked.value ?? null,
        original: checked.original ?? null,
      },
    }),
  );
}

/** Splits what a user typed into tags: commas (either width), semicolons or spaces. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
