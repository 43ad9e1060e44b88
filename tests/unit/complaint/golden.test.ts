import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '@/lib/complaint/channels';
import { draftComplaint } from '@/lib/complaint/draft';
import { FIXTURE_DIR, fullCase } from './fixture';

// Regenerate deliberately: UPDATE_COMPLAINT_GOLDENS=1 npx vitest run tests/unit/complaint/golden.test.ts
const UPDATE = process.env.UPDATE_COMPLAINT_GOLDENS === '1';
const GOLDEN_DIR = `${FIXTURE_DIR}golden/`;

function compare(file: string, actual: string) {
  const path = `${GOLDEN_DIR}${file}`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  // A missing golden is a failure, never a silent pass.
  expect(
    existsSync(path),
    `golden ${file} is missing; see tests/fixtures/complaint/README.md`,
  ).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden drafts from the full case', () => {
  it.each(CHANNEL_IDS)('%s matches its golden text and object', (channel) => {
    const draft = draftComplaint(fullCase(), channel);
    compare(`${channel}.txt`, draft.text);
    // The JSON goldens are compared as data, so `biome format` may lay them out its way.
    const json = `${JSON.stringify(draft, null, 2)}\n`;
    if (UPDATE) compare(`${channel}.json`, json);
    else {
      const path = `${GOLDEN_DIR}${channel}.json`;
      expect(existsSync(path), `golden ${channel}.json is missing`).toBe(true);
      expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    }
  });

  it('has exactly one text and one json golden per channel', () => {
    if (UPDATE) return;
    const expected = CHANNEL_IDS.flatMap((c) => [`${c}.json`, `${c}.txt`]).sort();
    expect(readdirSync(GOLDEN_DIR).sort()).toEqual(expected);
  });
});
