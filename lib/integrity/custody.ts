import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { SHA256_HEX, sha256Hex } from './sha256';

/** What happened to the evidence. Later issues add to this list, never rename. */
export const CustodyAction = z.enum([
  'case-created',
  'capture',
  'import',
  'annotate',
  'correct-fact',
  'delete',
  'export',
]);
export type CustodyAction = z.infer<typeof CustodyAction>;

/** The hash the first entry of a chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One entry of a case's append-only custody log. `hash` covers every other field
 * (canonical JSON), and `prevHash` is the hash of the entry before it, so removing,
 * reordering or editing an entry breaks the chain from that point on.
 */
export const CustodyEntry = z.object({
  caseId: z.string(),
  seq: z.number().int().nonnegative(),
  at: z.string(),
  action: CustodyAction,
  evidenceId: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(SHA256_HEX),
  hash: z.string().regex(SHA256_HEX),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export type CustodyDraft = Omit<CustodyEntry, 'seq' | 'prevHash' | 'hash'>;

/** The hash of an entry: SHA-256 over the canonical JSON of all fields but `hash`. */
export function custodyEntryHash(entry: Omit<CustodyEntry, 'hash'>): Promise<string> {
  const { caseId, seq, at, action, evidenceId, details, prevHash } = entry;
  return sha256Hex(canonicalJson({ caseId, seq, at, action, evidenceId, details, prevHash }));
}

/** Builds the entry that follows `previous` (or starts the chain when there is none). */
export async function chainCustodyEntry(
  previous: CustodyEntry | undefined,
  draft: CustodyDraft,
): Promise<CustodyEntry> {
  const body = {
    ...draft,
    seq: previous ? previous.seq + 1 : 0,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...body, hash: await custodyEntryHash(body) };
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/**
 * Checks a chain in the order given: numbering, links and each entry's own hash.
 * Returns one problem per broken entry; an empty list means the chain is intact.
 */
export async function verifyCustodyChain(
  entries: readonly CustodyEntry[],
): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  let prev: CustodyEntry | undefined;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index) {
      problems.push({
        seq: entry.seq,
        problem: `out of order: entry ${index} has seq ${entry.seq}`,
      });
    }
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      problems.push({ seq: entry.seq, problem: 'prevHash does not match the entry before it' });
    }
    if ((await custodyEntryHash(entry)) !== entry.hash) {
      problems.push({ seq: entry.seq, problem: 'entry was altered: its hash does not match' });
    }
    prev = entry;
  }
  return problems;
}
