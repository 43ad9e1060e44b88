import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites existing rows when the shape of stored data changes. Must throw on failure. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema the database has ever had, oldest first. Add a version by appending
 * a step (never edit a shipped one), with a fixture in tests/fixtures/db/ and a case in
 * tests/unit/db/migrations.test.ts.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, createdAt, status',
      evidence: 'id, caseId, [caseId+capturedAt], capturedAt',
      blobs: 'sha256',
      custody: '[caseId+seq], caseId, at',
      complaints: 'id, caseId, channel',
      settings: 'key',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
