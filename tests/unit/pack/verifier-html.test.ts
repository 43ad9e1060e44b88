import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/integrity/canonical-json';
import { custodyEntryHash, verifyCustodyChain } from '@/lib/integrity/custody';
import { buildVerifierScript, verifierSourceModule } from '@/lib/pack/verifier-html';
import {
  coreCanonicalJson,
  coreCheckCustody,
  coreCustodyEntryHash,
} from '@/lib/pack/verifier-core.js';
import { VERIFIER_SCRIPT } from '@/lib/pack/verifier-source';

const dir = join(import.meta.dirname, '../../../lib/pack');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('verify.html script', () => {
  it('is generated from verifier-core.js and verifier-page.js (run with -u to regenerate)', async () => {
    const script = buildVerifierScript(read('verifier-core.js'), read('verifier-page.js'));
    await expect(verifierSourceModule(script)).toMatchFileSnapshot(join(dir, 'verifier-source.ts'));
    expect(VERIFIER_SCRIPT).toBe(script);
  });

  it('parses as a classic script', () => {
    expect(() => new Function(VERIFIER_SCRIPT)).not.toThrow();
  });
});

// The page's custody check must hash exactly as lib/integrity does, or a pack would
// verify in the CLI and fail in the page (or the reverse).
describe('verifier-core agrees with lib/integrity', () => {
  it('canonical JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(coreCanonicalJson(value)).toBe(canonicalJson(value));
      }),
    );
  });

  it('custody entry hashes and chain problems', async () => {
    const entry = fc.record(
      {
        caseId: fc.string(),
        seq: fc.nat(5),
        at: fc.string(),
        action: fc.constantFrom('capture', 'import', 'export'),
        evidenceId: fc.option(fc.string(), { nil: undefined }),
        details: fc.dictionary(fc.string(), fc.jsonValue()),
        prevHash: fc.constantFrom('0'.repeat(64), 'a'.repeat(64)),
        hash: fc.constantFrom('0'.repeat(64), 'b'.repeat(64)),
      },
      { requiredKeys: ['caseId', 'seq', 'at', 'action', 'details', 'prevHash', 'hash'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 4 }), async (entries) => {
        for (const e of entries) {
          expect(await coreCustodyEntryHash(e)).toBe(await custodyEntryHash(e));
        }
        const core = (await coreCheckCustody(entries)).map((p) => `${p.path} ${p.problem}`);
        const lib = (await verifyCustodyChain(entries)).map((p) => `custody#${p.seq} ${p.problem}`);
        expect(core).toEqual(lib);
      }),
      { numRuns: 50 },
    );
  });
});
