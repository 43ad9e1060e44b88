import Dexie, { type EntityTable } from 'dexie';
import type {
  BlobRecord,
  CaseRecord,
  ComplaintRecord,
  CustodyEntry,
  EvidenceItem,
  SettingRecord,
} from './schema';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

export const DB_NAME = 'kameng-evidence';

/**
 * Why the evidence database could not be opened. Nothing was reset or dropped in any
 * case: the user's evidence stays on disk for a fixed or newer extension to open.
 * The UI shows `messageKey` from _locales (zh_CN and en).
 */
export type DbOpenErrorCode = 'newer-version' | 'upgrade-failed' | 'open-failed';

export class DbOpenError extends Error {
  constructor(
    readonly code: DbOpenErrorCode,
    readonly detail = '',
    /** The version found on disk, when known. */
    readonly foundVersion?: number,
    /** The newest version this extension knows. */
    readonly knownVersion?: number,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'DbOpenError';
  }

  /** The _locales key explaining the error: `error_db_newer_version` and so on. */
  get messageKey(): `error_db_${string}` {
    return `error_db_${this.code.replaceAll('-', '_')}`;
  }
}

/** The newest version in a list of schema steps. */
function newestOf(versions: readonly SchemaVersion[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0);
}

/** Dexie stores version N as native IndexedDB version N × 10 (plus patch bumps). */
const dexieVersion = (nativeVersion: number) => Math.floor(nativeVersion / 10);

/** The extension's one IndexedDB database. */
export class EvidenceDB extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  evidence!: EntityTable<EvidenceItem, 'id'>;
  blobs!: EntityTable<BlobRecord, 'sha256'>;
  custody!: Dexie.Table<CustodyEntry, [string, number]>;
  complaints!: EntityTable<ComplaintRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  /** The newest schema version this code knows. */
  readonly knownVersion: number;

  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const step of versions) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
    this.knownVersion = newestOf(versions);
    // Dexie 4 silently opens a database written by a newer schema (issue #8): an older
    // extension would then read and write rows whose shape it does not know. Refuse
    // every open, including Dexie's automatic one on the first query (sticky: again on
    // every reopen). A rejection here fails the open; no upgrade ran.
    this.on(
      'ready',
      () => {
        const found = dexieVersion(this.backendDB()?.version ?? 0);
        if (found > this.knownVersion) {
          throw new DbOpenError(
            'newer-version',
            `the database is version ${found}; this extension knows up to ${this.knownVersion}`,
            found,
            this.knownVersion,
          );
        }
      },
      true,
    );
  }
}

/** The DbOpenError behind anything Dexie threw while opening (or querying a db that failed to open). */
export function toDbOpenError(error: unknown, knownVersion?: number): DbOpenError {
  if (error instanceof DbOpenError) return error;
  // A query on a database whose open failed rejects with DatabaseClosedError(inner).
  const inner = (error as { inner?: unknown })?.inner;
  if (inner instanceof DbOpenError) return inner;
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'VersionError' || (inner as { name?: string })?.name === 'VersionError')
    return new DbOpenError('newer-version', message, undefined, knownVersion);
  if (name === 'UpgradeError' || /upgrade/i.test(message))
    return new DbOpenError('upgrade-failed', message, undefined, knownVersion);
  return new DbOpenError('open-failed', message, undefined, knownVersion);
}

/**
 * The version of the database named `name` on disk, or undefined when there is none.
 * Asked of indexedDB.databases(), which neither creates nor upgrades anything.
 */
async function versionOnDisk(factory: IDBFactory, name: string): Promise<number | undefined> {
  if (typeof factory.databases !== 'function') return undefined;
  const found = (await factory.databases()).find((d) => d.name === name);
  return found?.version === undefined ? undefined : dexieVersion(found.version);
}

/**
 * Opens the database, or throws a DbOpenError saying why not: a newer extension wrote
 * it (refused before anything touches it), or an upgrade step failed (rolled back:
 * the rows and the old version stay as they were). Never resets or deletes data.
 */
export async function openDb(db: EvidenceDB = getDb()): Promise<EvidenceDB> {
  const factory = Dexie.dependencies.indexedDB;
  const found = factory ? await versionOnDisk(factory, db.name).catch(() => undefined) : undefined;
  if (found !== undefined && found > db.knownVersion) {
    throw new DbOpenError(
      'newer-version',
      `the database is version ${found}; this extension knows up to ${db.knownVersion}`,
      found,
      db.knownVersion,
    );
  }
  try {
    await db.open();
  } catch (error) {
    const failed = toDbOpenError(error, db.knownVersion);
    // An existing older database that failed to open failed in its upgrade step.
    if (failed.code === 'open-failed' && found !== undefined && found < db.knownVersion)
      throw new DbOpenError('upgrade-failed', failed.detail, found, db.knownVersion);
    throw failed;
  }
  return db;
}

let shared: EvidenceDB | undefined;

/** The database of this extension context, opened lazily. */
export function getDb(): EvidenceDB {
  shared ??= new EvidenceDB();
  return shared;
}
