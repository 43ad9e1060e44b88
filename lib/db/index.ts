export { DB_NAME, EvidenceDB, getDb } from './database';
export {
  appendCustody,
  ensureActiveCase,
  getActiveCase,
  listCustody,
  listEvidence,
  type NewBlob,
  readBlob,
  saveEvidence,
} from './repo';
export * from './schema';
export { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './versions';
