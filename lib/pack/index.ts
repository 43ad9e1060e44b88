export { buildPack, CHECKSUMS, type PackSource } from './build-pack';
export { escapeHtml, renderCatalogue } from './catalogue';
export { type ExportOptions, exportCase, packFileName, TOOL_NAME } from './export-case';
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
  verifyPack,
  verifyPackFiles,
} from './verify-pack';
