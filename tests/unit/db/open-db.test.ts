import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError, EvidenceDB, openDb, toDbOpenError } from '@/lib/db/database';
import { ensureActiveCase, listCustody } from '@/lib/db/repo';
import { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '@/lib/db/versions';
import { verifyCustodyChain } from '@/lib/integrity/custody';

// Issue #8, "data over time": a failed upgrade stops with a clear error and never
// resets or drops data; a database written by a newer extension is refused loudly.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function dbName() {
  const name = `open-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

/** A schema one version ahead of this build, as a future extension would ship it. */
const NEWER: SchemaVersion[] = [
  ...SCHEMA_VERSIONS,
  {
    version: LATEST_VERSION + 1,
    stores: { cases: 'id, createdAt, status, title', notes: 'id, caseId' },
  },
];

/** A database holding one case (with its custody entry), at the newest version of `versions`. */
async function seeded(name: string, versions: readonly SchemaVersion[]) {
  const db = new EvidenceDB(name, versions);
  await db.open();
  await ensureActiveCase(db, new Date('2026-11-02T06:00:00Z'), 'case kept');
  const state = { version: db.backendDB().version, cases: await db.cases.toArray() };
  db.close();
  return state;
}

/** Native version and rows, read without this build's schema (so nothing upgrades). */
async function onDisk(name: string) {
  const db = new Dexie(name);
  await db.open();
  const state = {
    version: db.backendDB().version,
    cases: await db.table('cases').toArray(),
    custody: await db.table('custody').toArray(),
  };
  db.close();
  return state;
}

const locale = (l: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../public/_locales/${l}/messages.json`), 'utf8'),
  );

describe('openDb', () => {
  it('opens a new database at the latest version', async () => {
    const db = await openDb(new EvidenceDB(dbName()));
    expect(db.verno).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database written by a newer extension before touching it, rows intact', async () => {
    const name = dbName();
    const before = await seeded(name, NEWER);
    const db = new EvidenceDB(name);
    const error = await openDb(db).then(
      () => undefined,
      (e: unknown) => e,
    );
    db.close();
    expect(error).toBeInstanceOf(DbOpenError);
    expect((error as DbOpenError).code).toBe('newer-version');
    expect((error as DbOpenError).foundVersion).toBe(LATEST_VERSION + 1);
    expect((error as DbOpenError).knownVersion).toBe(LATEST_VERSION);
    const after = await onDisk(name);
    expect(after.version).toBe(before.version);
    expect(after.cases).toEqual(before.cases);
  });

  it("refuses it too on Dexie's automatic open (the first query through getDb)", async () => {
    const name = dbName();
    await seeded(name, NEWER);
    const db = new EvidenceDB(name);
    // Dexie 4 on its own would open this and let the old code write into it.
    const error = await db.cases.count().then(
      () => undefined,
      (e: unknown) => e,
    );
    db.close();
    expect(error).toBeDefined();
    expect(toDbOpenError(error).code).toBe('newer-version');
    // A write is refused as well, and nothing was added.
    const writer = new EvidenceDB(name);
    await expect(
      writer.cases.add({
        id: 'x',
        title: 'old code',
        createdAt: '',
        updatedAt: '',
        status: 'open',
      }),
    ).rejects.toBeDefined();
    writer.close();
    expect((await onDisk(name)).cases).toHaveLength(1);
  });

  it('a failed upgrade step is a DbOpenError(upgrade-failed); rows and version stay', async () => {
    const name = dbName();
    const before = await seeded(name, SCHEMA_VERSIONS);
    const failing: SchemaVersion[] = [
      ...SCHEMA_VERSIONS,
      {
        version: LATEST_VERSION + 1,
        stores: { cases: 'id, createdAt, status, title' },
        upgrade: async (tx) => {
          await tx.table('cases').clear();
          throw new Error('step exploded');
        },
      },
    ];
    const db = new EvidenceDB(name, failing);
    const error = await openDb(db).then(
      () => undefined,
      (e: unknown) => e,
    );
    db.close();
    expect(error).toBeInstanceOf(DbOpenError);
    expect((error as DbOpenError).code).toBe('upgrade-failed');
    expect((error as DbOpenError).message).toMatch(/step exploded/);
    const after = await onDisk(name);
    expect(after.version).toBe(before.version);
    expect(after.cases).toEqual(before.cases);
    expect(await verifyCustodyChain(after.custody)).toEqual([]);

    // The current extension still opens it, every row there.
    const current = await openDb(new EvidenceDB(name));
    expect(await current.cases.toArray()).toEqual(before.cases);
    expect(await verifyCustodyChain(await listCustody(current, before.cases[0]?.id ?? ''))).toEqual(
      [],
    );
    current.close();
  });

  it('every DbOpenError code has a message in Chinese and English', () => {
    const zh = locale('zh_CN');
    const en = locale('en');
    for (const code of ['newer-version', 'upgrade-failed', 'open-failed'] as const) {
      const key = new DbOpenError(code).messageKey;
      expect(zh[key]?.message, key).toMatch(/[\u4e00-\u9fff]/);
      expect(en[key]?.message, key).toMatch(/[a-z]/);
    }
  });
});
