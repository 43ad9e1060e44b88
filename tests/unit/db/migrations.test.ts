import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getActiveCase, listCustody, readBlob } from '@/lib/db/repo';
import {
  BlobRecord,
  CaseRecord,
  ComplaintRecord,
  CustodyEntry,
  EvidenceItem,
  SettingRecord,
} from '@/lib/db/schema';
import { EvidenceDB } from '@/lib/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '@/lib/db/versions';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';

/**
 * Every schema version needs tests/fixtures/db/v<N>.json: a realistic database as that
 * version stored it. Each is seeded with the schema steps up to N only, then opened with
 * the full SCHEMA_VERSIONS, so every upgrade step from N on runs against real rows.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/db/', import.meta.url));

interface DbFixture {
  version: number;
  blobs: { encoding: 'utf8' | 'base64'; data: string; mediaType: string }[];
  tables: Record<string, Record<string, unknown>[]>;
}

function loadFixture(version: number): DbFixture {
  const path = `${FIXTURES}v${version}.json`;
  expect(
    existsSync(path),
    `schema version ${version} has no fixture: add tests/fixtures/db/v${version}.json`,
  ).toBe(true);
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as DbFixture;
  expect(fixture.version).toBe(version);
  return fixture;
}

/** The fixture's blob rows, each stored under the real SHA-256 of its bytes. */
async function blobRows(fixture: DbFixture) {
  return Promise.all(
    fixture.blobs.map(async (b) => {
      const bytes = new Uint8Array(Buffer.from(b.data, b.encoding));
      return {
        sha256: await sha256Hex(bytes),
        data: new Blob([bytes], { type: b.mediaType }),
        bytes: bytes.byteLength,
        mediaType: b.mediaType,
      };
    }),
  );
}

/** Seeds a database at `version` (steps up to it only) with the fixture's rows. */
async function seed(name: string, version: number, fixture: DbFixture) {
  const steps = SCHEMA_VERSIONS.filter((v) => v.version <= version);
  expect(steps.at(-1)?.version).toBe(version);
  const old = new EvidenceDB(name, steps);
  await old.open();
  expect(old.verno).toBe(version);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables))
      await old.table(table).bulkAdd(rows);
    await old.table('blobs').bulkAdd(await blobRows(fixture));
  });
  old.close();
}

describe('database migrations', () => {
  it('lists schema versions in ascending order, ending with LATEST_VERSION', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(LATEST_VERSION);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'opens a version %i database with the latest schema, every row intact',
    async (version) => {
      const fixture = loadFixture(version);
      const name = `t-${crypto.randomUUID()}`;
      await seed(name, version, fixture);

      const upgraded = new EvidenceDB(name);
      try {
        await upgraded.open();
        expect(upgraded.verno).toBe(LATEST_VERSION);

        const cases = await upgraded.cases.toArray();
        const evidence = await upgraded.evidence.toArray();
        const custody = await upgraded.custody.toArray();
        const complaints = await upgraded.complaints.toArray();
        const settings = await upgraded.settings.toArray();
        const blobs = await upgraded.blobs.toArray();
        for (const row of cases) CaseRecord.parse(row);
        for (const row of evidence) EvidenceItem.parse(row);
        for (const row of custody) CustodyEntry.parse(row);
        for (const row of complaints) ComplaintRecord.parse(row);
        for (const row of settings) SettingRecord.parse(row);
        for (const row of blobs) BlobRecord.parse(row);

        // Nothing lost on the way.
        expect(cases).toHaveLength(fixture.tables.cases?.length ?? 0);
        expect(evidence).toHaveLength(fixture.tables.evidence?.length ?? 0);
        expect(custody).toHaveLength(fixture.tables.custody?.length ?? 0);
        expect(complaints).toHaveLength(fixture.tables.complaints?.length ?? 0);
        expect(blobs).toHaveLength(fixture.blobs.length);

        // Every artifact's bytes are still there and still match their hash.
        for (const item of evidence) {
          for (const artifact of item.artifacts) {
            const bytes = await readBlob(upgraded, artifact.sha256);
            expect(bytes.byteLength).toBe(artifact.bytes);
          }
        }
        // Each case's custody chain still verifies, and the active case is still found.
        for (const c of cases)
          expect(await verifyCustodyChain(await listCustody(upgraded, c.id))).toEqual([]);
        const active = await getActiveCase(upgraded);
        expect(active?.id).toBe(cases[0]?.id);
      } finally {
        upgraded.close();
        await Dexie.delete(name);
      }
    },
  );

  it('the v1 fixture is internally consistent (artifact hashes, custody chain)', async () => {
    const fixture = loadFixture(1);
    const shas = new Set((await blobRows(fixture)).map((b) => b.sha256));
    const evidence = (fixture.tables.evidence ?? []).map((row) => EvidenceItem.parse(row));
    expect(evidence.length).toBeGreaterThanOrEqual(2);
    for (const item of evidence)
      for (const a of item.artifacts) expect(shas.has(a.sha256)).toBe(true);
    const custody = (fixture.tables.custody ?? []).map((row) => CustodyEntry.parse(row));
    expect(await verifyCustodyChain(custody)).toEqual([]);
    expect(custody.filter((e) => e.action === 'capture').map((e) => e.evidenceId)).toEqual(
      evidence.map((i) => i.id),
    );
  });

  it('rejects the open when an upgrade fails, leaving the old rows and version in place', async () => {
    const fixture = loadFixture(LATEST_VERSION);
    const name = `t-${crypto.randomUUID()}`;
    await seed(name, LATEST_VERSION, fixture);

    const failing: SchemaVersion[] = [
      ...SCHEMA_VERSIONS,
      {
        version: LATEST_VERSION + 1,
        stores: { cases: 'id, createdAt, status, title' },
        upgrade: async (tx) => {
          // Changes some rows first, so a rollback is what keeps them.
          await tx
            .table('cases')
            .toCollection()
            .modify((c: { title: string }) => {
              c.title = 'migrated';
            });
          throw new Error('migration step failed');
        },
      },
    ];
    const broken = new EvidenceDB(name, failing);
    try {
      await expect(broken.open()).rejects.toThrow(/migration step failed/);
    } finally {
      broken.close();
    }

    const reopened = new EvidenceDB(name);
    try {
      await reopened.open();
      expect(reopened.verno).toBe(LATEST_VERSION);
      const cases = await reopened.cases.toArray();
      expect(cases.map((c) => c.title)).toEqual((fixture.tables.cases ?? []).map((c) => c.title));
      expect(await reopened.evidence.count()).toBe(fixture.tables.evidence?.length ?? 0);
      expect(await reopened.custody.count()).toBe(fixture.tables.custody?.length ?? 0);
      expect(await reopened.blobs.count()).toBe(fixture.blobs.length);
    } finally {
      reopened.close();
      await Dexie.delete(name);
    }
  });
});
