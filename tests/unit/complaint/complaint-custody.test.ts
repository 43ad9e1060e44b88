// Sending and answering a complaint are logged in the case's custody chain, so a pack
// shows when the user complained and when the channel answered (issue #6).
import { describe, expect, it } from 'vitest';
import { markSent, recordAnswer, saveDraft } from '@/lib/complaint/store';
import { listCustody, saveEvidence } from '@/lib/db/repo';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { exportCase } from '@/lib/pack/export-case';
import { verifyPack } from '@/lib/pack/verify-pack';
import { annotateEvidence, createCase, foldAnnotations } from '@/lib/workspace';
import { makeEvidence, testDb } from '../helpers';

const NOW = new Date('2026-11-10T02:00:00Z');

describe('complaint custody entries', () => {
  it('records sent and answered as annotate entries; annotations and the pack still verify', async () => {
    const db = testDb();
    const theCase = await createCase(db, '卡密无效', NOW);
    const { item, blobs } = await makeEvidence(theCase.id, { kind: 'order' });
    await saveEvidence(db, item, blobs);
    await annotateEvidence(db, item.id, { field: 'note', value: '订单页' }, NOW);
    const draft = await saveDraft(
      db,
      { caseId: theCase.id, channel: 'platform', text: '投诉', fields: {} },
      NOW,
    );
    await markSent(db, draft.id, { sentAt: '2026-11-09T10:00:00+08:00', ticketNo: 'PT-1' }, NOW);
    await recordAnswer(
      db,
      draft.id,
      { answeredAt: '2026-11-10T09:00:00+08:00', summary: '同意退款' },
      NOW,
    );

    const chain = await listCustody(db, theCase.id);
    const complaintEntries = chain.filter((e) => e.details.field === 'complaint');
    expect(complaintEntries.map((e) => [e.action, e.evidenceId, e.details])).toEqual([
      [
        'annotate',
        undefined,
        {
          field: 'complaint',
          event: 'sent',
          complaintId: draft.id,
          channel: 'platform',
          ticketNo: 'PT-1',
          at: '2026-11-09T10:00:00+08:00',
        },
      ],
      [
        'annotate',
        undefined,
        {
          field: 'complaint',
          event: 'answered',
          complaintId: draft.id,
          channel: 'platform',
          ticketNo: 'PT-1',
          at: '2026-11-10T09:00:00+08:00',
        },
      ],
    ]);
    expect(await verifyCustodyChain(chain)).toEqual([]);

    // The item's own annotations are untouched by the complaint entries.
    const folded = foldAnnotations(chain);
    expect(folded.byItem.get(item.id)?.note).toBe('订单页');
    expect([...folded.byItem.keys()]).toEqual([item.id]);
    // Even one naming an item (a future variant) is skipped, not misread.
    const stray = { ...(complaintEntries[0] as (typeof chain)[0]), evidenceId: item.id };
    expect(foldAnnotations([...chain, stray]).byItem.get(item.id)?.note).toBe('订单页');

    const bytes = await exportCase(db, theCase.id, { toolVersion: '0.1.0', now: NOW });
    expect(await verifyPack(bytes)).toEqual([]);
  });
});
