export { DB_NAME, EvidenceDB, getDb } from './database';
export {
  ACTIVE_CASE_SETTING,
  appendCustody,
  ensureActiveCase,
  getActiveCase,
  listCustody,
  listEvidence,
  type NewBlob,
  readBlob,
  saveEvidence,
  setActiveCase,
} from './repo';
export * from './schema';
export { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './versions';
