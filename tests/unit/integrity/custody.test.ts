import { describe, expect, it } from 'vitest';
import {
  type CustodyDraft,
  CustodyEntry,
  chainCustodyEntry,
  custodyEntryHash,
  GENESIS_HASH,
  verifyCustodyChain,
} from '@/lib/integrity/custody';

const caseId = 'case-1';
const drafts: CustodyDraft[] = [
  {
    caseId,
    at: '2026-11-21T01:00:00.000Z',
    action: 'case-created',
    details: { title: '卡密未发货' },
  },
  {
    caseId,
    at: '2026-11-21T01:05:00.000Z',
    action: 'capture',
    evidenceId: 'ev-1',
    details: { kind: 'promise', url: 'https://km.example.cn/goods/1' },
  },
  {
    caseId,
    at: '2026-11-21T01:09:00.000Z',
    action: 'capture',
    evidenceId: 'ev-2',
    details: { kind: 'order', url: 'https://km.example.cn/order/9' },
  },
  { caseId, at: '2026-11-21T02:00:00.000Z', action: 'export', details: { items: 2 } },
];

async function buildChain(): Promise<CustodyEntry[]> {
  const chain: CustodyEntry[] = [];
  for (const draft of drafts) chain.push(await chainCustodyEntry(chain.at(-1), draft));
  return chain;
}

const seqsOf = (problems: { seq: number }[]) => [...new Set(problems.map((p) => p.seq))].sort();

describe('chainCustodyEntry', () => {
  it('starts at seq 0 from the genesis hash and links each entry to the one before', async () => {
    const chain = await buildChain();
    expect(chain.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    for (const entry of chain) {
      expect(CustodyEntry.parse(entry)).toEqual(entry);
      expect(entry.hash).toBe(await custodyEntryHash(entry));
    }
    expect(new Set(chain.map((e) => e.hash)).size).toBe(4);
  });

  it('gives an entry the same hash after a JSON round trip (evidenceId absent vs undefined)', async () => {
    const chain = await buildChain();
    const revived = JSON.parse(JSON.stringify(chain)) as CustodyEntry[];
    expect(revived[0]).not.toHaveProperty('evidenceId');
    expect(await verifyCustodyChain(revived)).toEqual([]);
  });
});

describe('verifyCustodyChain', () => {
  it('accepts an intact chain of four entries', async () => {
    expect(await verifyCustodyChain(await buildChain())).toEqual([]);
  });

  it('accepts an empty chain', async () => {
    expect(await verifyCustodyChain([])).toEqual([]);
  });

  it.each([0, 1, 2])('flags the entry after a removed entry %i', async (removed) => {
    const chain = await buildChain();
    chain.splice(removed, 1);
    const problems = await verifyCustodyChain(chain);
    // The entry that moved into the gap is misnumbered and points at the wrong hash.
    expect(problems).toContainEqual({
      seq: removed + 1,
      problem: expect.stringMatching(/out of order/),
    });
    expect(problems).toContainEqual({
      seq: removed + 1,
      problem: expect.stringMatching(/prevHash/),
    });
    expect(problems.some((p) => p.seq < removed)).toBe(false);
  });

  it('accepts a chain cut after its last entry as an intact prefix (the count catches truncation)', async () => {
    const chain = await buildChain();
    chain.pop();
    // A truncated log is still a valid chain; callers compare lengths (e.g. with the manifest).
    expect(await verifyCustodyChain(chain)).toEqual([]);
  });

  it('flags two swapped entries by their seqs', async () => {
    const chain = await buildChain();
    const [one, two] = [chain[1], chain[2]] as [CustodyEntry, CustodyEntry];
    chain[1] = two;
    chain[2] = one;
    const problems = await verifyCustodyChain(chain);
    expect(problems).toContainEqual({ seq: 2, problem: expect.stringMatching(/out of order/) });
    expect(problems).toContainEqual({ seq: 1, problem: expect.stringMatching(/out of order/) });
    expect(problems).toContainEqual({ seq: 2, problem: expect.stringMatching(/prevHash/) });
    expect(problems).toContainEqual({ seq: 1, problem: expect.stringMatching(/prevHash/) });
    expect(problems.some((p) => p.seq === 0)).toBe(false);
    expect(problems.some((p) => /altered/.test(p.problem))).toBe(false);
  });

  it('flags an entry whose details were edited with its hash left as it was, and only that entry', async () => {
    const chain = await buildChain();
    const edited = chain[1] as CustodyEntry;
    chain[1] = { ...edited, details: { ...edited.details, url: 'https://km.example.cn/goods/2' } };
    const problems = await verifyCustodyChain(chain);
    expect(problems).toEqual([{ seq: 1, problem: expect.stringMatching(/altered/) }]);
  });

  it.each([
    ['at', { at: '2026-11-21T01:06:00.000Z' }],
    ['action', { action: 'import' as const }],
    ['evidenceId', { evidenceId: 'ev-9' }],
    ['caseId', { caseId: 'case-2' }],
  ])('flags an edit of the %s field', async (_field, change) => {
    const chain = await buildChain();
    chain[2] = { ...(chain[2] as CustodyEntry), ...change };
    expect(await verifyCustodyChain(chain)).toEqual([
      { seq: 2, problem: expect.stringMatching(/altered/) },
    ]);
  });

  it('flags the next link when an edited entry had its hash recomputed', async () => {
    const chain = await buildChain();
    const edited = {
      ...(chain[1] as CustodyEntry),
      details: { kind: 'promise', url: 'https://evil.example/' },
    };
    chain[1] = { ...edited, hash: await custodyEntryHash(edited) };
    const problems = await verifyCustodyChain(chain);
    expect(problems).toEqual([{ seq: 2, problem: expect.stringMatching(/prevHash/) }]);
    expect(seqsOf(problems)).toEqual([2]);
  });

  it('flags a chain that does not start from the genesis hash', async () => {
    const chain = await buildChain();
    const first = { ...(chain[0] as CustodyEntry), prevHash: 'f'.repeat(64) };
    chain[0] = { ...first, hash: await custodyEntryHash(first) };
    const problems = await verifyCustodyChain(chain);
    expect(problems).toContainEqual({ seq: 0, problem: expect.stringMatching(/prevHash/) });
  });
});
