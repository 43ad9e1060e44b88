export { buildPack, buildPackBlob, CHECKSUMS, type PackSource, VERIFIER } from './build-pack';
export { escapeHtml, renderCatalogue } from './catalogue';
export {
  type ExportOptions,
  exportCase,
  exportCaseBlob,
  packFileName,
  TOOL_NAME,
} from './export-case';
export {
  itemDir,
  MANIFEST,
  MANIFEST_DIGEST,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PackFile,
  PackItem,
  PackManifest,
} from './manifest';
export { renderReadme } from './readme';
export {
  isSafeEntryName,
  type PackProblem,
  readZip,
  type VerifyOptions,
  verifyPack,
  verifyPackFiles,
  verifyPackReport,
} from './verify-pack';
export { renderVerifierPage } from './verifier-html';
export {
  ImportError,
  type ImportOptions,
  type ImportResult,
  importPack,
} from './import-pack';
export { ZipError, type ZipLimits } from './zip';
