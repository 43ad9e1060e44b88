// A real pack for the pack tests (not a test file itself): one case with an item of
// every kind, a chat with messages (so transcripts are made) and hostile strings.
import type { EvidenceDB } from '@/lib/db/database';
import { ensureActiveCase, saveEvidence } from '@/lib/db/repo';
import type { PageKind } from '@/lib/extract/facts';
import { exportCase } from '@/lib/pack/export-case';
import { readZip } from '@/lib/pack/verify-pack';
import { makeEvidence } from '../helpers';

export const HOSTILE = '<img src=x onerror=alert(1)>';

export const KINDS: PageKind[] = ['promise', 'order', 'payment', 'chat', 'licence', 'other'];

/** Saves a case of six captures (one per kind) in `db` and exports it. */
export async function buildFixturePack(db: EvidenceDB, now = '2026-11-21T08:00:00.000Z') {
  const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), '卡盟未发货');
  for (const [index, kind] of KINDS.entries()) {
    const made = await makeEvidence(theCase.id, {
      kind,
      capturedAt: `2026-11-21T02:0${index}:00.000Z`,
      title: kind === 'order' ? HOSTILE : `${kind} page`,
    });
    if (kind === 'chat') {
      made.item.facts = {
        kind: 'chat',
        promises: [],
        site: { contacts: [] },
        chat: {
          messages: [
            { from: 'customer', at: '2026-11-21T10:00:00+08:00', text: '卡密什么时候发？' },
            { from: 'merchant', name: '客服小王', text: '=HYPERLINK("http://x")\n"马上"发' },
            { from: 'system', text: HOSTILE },
          ],
        },
      };
    }
    await saveEvidence(db, made.item, made.blobs);
  }
  const bytes = await exportCase(db, theCase.id, { toolVersion: '0.1.0', now: new Date(now) });
  return { caseId: theCase.id, bytes, files: await readZip(bytes) };
}
