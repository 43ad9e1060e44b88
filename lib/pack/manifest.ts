import { z } from 'zod';
import { CaseRecord, ComplaintRecord, EvidenceItem } from '../db/schema';
import { PageFacts, PageKind } from '../extract/facts';
import { CustodyEntry } from '../integrity/custody';
import { SHA256_HEX } from '../integrity/sha256';

export const PACK_FORMAT = 'kameng-evidence-pack';
export const PACK_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const MANIFEST_DIGEST = 'manifest.sha256';

/** ★ Contract 2: one file of the pack. */
export const PackFile = z.object({
  path: z.string(),
  sha256: z.string().regex(SHA256_HEX),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
});
export type PackFile = z.infer<typeof PackFile>;

export const PackArtifact = PackFile.extend({ method: z.string(), role: z.string() });

/** A file the pack derived from an item for reading (transcript.txt …); not an original. */
export const PackDerived = PackFile.extend({ from: z.string() });
export type PackDerived = z.infer<typeof PackDerived>;

/** ★ Contract 2: one evidence item as the pack describes it. */
export const PackItem = z.object({
  number: z.number().int().positive(),
  id: z.string(),
  kind: PageKind,
  source: EvidenceItem.shape.source,
  title: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  capturedAt: z.string(),
  capturedAtLocal: z.string(),
  timeZone: z.string(),
  facts: PageFacts,
  artifacts: z.array(PackArtifact),
  derived: z.array(PackDerived).optional(),
  // The user's additions, folded from the custody log (the facts above stay as read).
  /** 证明目的: what the item proves. */
  purpose: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(z.string()).optional(),
  /** Facts the user corrected: path → the corrected value and the value as read. */
  corrections: z
    .record(z.string(), z.object({ value: z.unknown(), original: z.unknown() }))
    .optional(),
});
export type PackItem = z.infer<typeof PackItem>;

/** ★ Contract 2: manifest.json. Extend, never rename. */
export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.number().int().positive(),
  tool: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  case: CaseRecord,
  items: z.array(PackItem),
  complaints: z.array(ComplaintRecord),
  custody: z.array(CustodyEntry),
  files: z.array(PackFile),
});
export type PackManifest = z.infer<typeof PackManifest>;

/** The folder of item `number` in the pack: `evidence/001-order`. */
export function itemDir(number: number, kind: string): string {
  return `evidence/${String(number).padStart(3, '0')}-${kind}`;
}
