import JSZip from 'jszip';
import type { CaseRecord, ComplaintRecord, EvidenceItem } from '../db/schema';
import type { CustodyEntry } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';
import { renderCatalogue } from './catalogue';
import {
  itemDir,
  MANIFEST,
  MANIFEST_DIGEST,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type PackFile,
  type PackItem,
  type PackManifest,
} from './manifest';
import { renderReadme } from './readme';

export const CHECKSUMS = 'checksums.sha256';

export interface PackSource {
  case: CaseRecord;
  /** Oldest first; numbered 1, 2, 3 … in this order. */
  items: readonly EvidenceItem[];
  custody: readonly CustodyEntry[];
  complaints: readonly ComplaintRecord[];
  readBlob(sha256: string): Promise<Uint8Array>;
  tool: { name: string; version: string };
  createdAt: string;
  onProgress?: (done: number, total: number) => void;
}

// Already-compressed formats gain nothing from deflate; storing them saves time.
const STORED = /^(image\/(png|jpeg|webp|gif)|video\/|audio\/|application\/(zip|pdf))/;

/**
 * ★ Contract 2: builds the evidence pack (zip) of one case. The artifact bytes are
 * copied as stored; every file is listed in manifest.json with its SHA-256.
 */
export async function buildPack(source: PackSource): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new JSZip();
  const date = new Date(source.createdAt);
  const files: PackFile[] = [];
  const add = async (path: string, bytes: Uint8Array | string, mediaType: string) => {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    zip.file(path, data, {
      date,
      compression: STORED.test(mediaType) ? 'STORE' : 'DEFLATE',
    });
    const file = { path, sha256: await sha256Hex(data), bytes: data.byteLength, mediaType };
    files.push(file);
    return file;
  };

  const items: PackItem[] = [];
  for (const [index, item] of source.items.entries()) {
    const number = index + 1;
    const dir = itemDir(number, item.kind);
    const artifacts = [];
    for (const artifact of item.artifacts) {
      const bytes = await source.readBlob(artifact.sha256);
      const file = await add(`${dir}/${artifact.fileName}`, bytes, artifact.mediaType);
      if (file.sha256 !== artifact.sha256) {
        throw new Error(`${file.path}: stored bytes do not match the hash taken at capture`);
      }
      artifacts.push({ ...file, method: artifact.method, role: artifact.role });
    }
    items.push({
      number,
      id: item.id,
      kind: item.kind,
      source: item.source,
      title: item.title,
      url: item.url,
      finalUrl: item.finalUrl,
      capturedAt: item.capturedAt,
      capturedAtLocal: item.capturedAtLocal,
      timeZone: item.timeZone,
      facts: item.facts,
      artifacts,
    });
    source.onProgress?.(number, source.items.length);
  }

  const described: Omit<PackManifest, 'files'> = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    tool: source.tool,
    createdAt: source.createdAt,
    case: source.case,
    items,
    complaints: [...source.complaints],
    custody: [...source.custody],
  };
  await add('index.html', renderCatalogue(described), 'text/html');
  await add('README.txt', renderReadme(described), 'text/plain');
  await add(CHECKSUMS, files.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'text/plain');

  const manifest: PackManifest = { ...described, files };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(MANIFEST, manifestBytes, { date });
  zip.file(MANIFEST_DIGEST, `${await sha256Hex(manifestBytes)}  ${MANIFEST}\n`, { date });
  return (await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
  })) as Uint8Array<ArrayBuffer>;
}
