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

/** The extension's one IndexedDB database. */
export class EvidenceDB extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  evidence!: EntityTable<EvidenceItem, 'id'>;
  blobs!: EntityTable<BlobRecord, 'sha256'>;
  custody!: Dexie.Table<CustodyEntry, [string, number]>;
  complaints!: EntityTable<ComplaintRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const step of versions) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
  }
}

let shared: EvidenceDB | undefined;

/** The database of this extension context, opened lazily. */
export function getDb(): EvidenceDB {
  shared ??= new EvidenceDB();
  return shared;
}
