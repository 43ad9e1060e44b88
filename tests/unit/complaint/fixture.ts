// The full case the complaint tests draft from (not a test file itself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DraftInput, type DraftInputDraft } from '@/lib/complaint/input';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/complaint/', import.meta.url));

/** A fresh copy of the full case, parsed. */
export function fullCase(): DraftInput {
  const raw = JSON.parse(readFileSync(`${FIXTURE_DIR}full-case.json`, 'utf8')) as DraftInputDraft;
  return DraftInput.parse(raw);
}

/** The full case with changes applied to a fresh copy. */
export function caseWith(change: (c: DraftInput) => void): DraftInput {
  const c = fullCase();
  change(c);
  return DraftInput.parse(c);
}
