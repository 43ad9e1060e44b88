import type { CaseRecord, ComplaintRecord, EvidenceItem } from '../db/schema';
import type { CustodyEntry } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';
import { foldAnnotations, type ItemAnnotations } from '../workspace/annotations';
import { correctedFacts } from '../workspace/facts';
import { renderCatalogue } from './catalogue';
import {
  itemDir,
  MANIFEST,
  MANIFEST_DIGEST,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type PackDerived,
  type PackFile,
  type PackItem,
  type PackManifest,
} from './manifest';
import { renderReadme } from './readme';
import { correctedMessages, renderTranscriptCsv, renderTranscriptText } from './transcript';
import { renderVerifierPage } from './verifier-html';
import { ZipWriter } from './zip';

export const CHECKSUMS = 'checksums.sha256';
export const VERIFIER = 'verify.html';

export interface PackSource {
  case: CaseRecord;
  /** Oldest first; numbered 1, 2, 3 … in this order. */
  items: readonly EvidenceItem[];
  custody: readonly CustodyEntry[];
  complaints: readonly ComplaintRecord[];
  /** The bytes of an artifact; buildPack checks them against the hash itself. */
  readBlob(sha256: string): Promise<Uint8Array>;
  tool: { name: string; version: string };
  createdAt: string;
  /** Items done so far, and bytes of the zip written so far. */
  onProgress?: (done: number, total: number, zipBytes: number) => void;
  /** Cancels the build between two files; buildPack then rejects with the abort reason. */
  signal?: AbortSignal;
}

// Already-compressed formats gain nothing from deflate; storing them saves time.
const STORED = /^(image\/(png|jpeg|webp|gif)|video\/|audio\/|application\/(zip|pdf))/;

/**
 * ★ Contract 2: builds the evidence pack (zip) of one case as a Blob. Artifacts are read,
 * hashed and written one at a time, so the pack is held in memory at most once (and
 * browsers may keep a large Blob on disk). The artifact bytes are copied as stored;
 * every file is listed in manifest.json with its SHA-256.
 */
export async function buildPackBlob(source: PackSource): Promise<Blob> {
  const zip = new ZipWriter();
  const date = new Date(source.createdAt);
  const files: PackFile[] = [];
  const add = async (path: string, bytes: Uint8Array | string, mediaType: string) => {
    source.signal?.throwIfAborted();
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const file = { path, sha256: await sha256Hex(data), bytes: data.byteLength, mediaType };
    await zip.add(path, data, { date, store: STORED.test(mediaType) });
    files.push(file);
    return file;
  };

  const items: PackItem[] = [];
  source.onProgress?.(0, source.items.length, 0);
  const annotations = foldAnnotations(source.custody);
  for (const [index, item] of source.items.entries()) {
    const number = index + 1;
    const dir = itemDir(number, item.kind);
    const artifacts = [];
    for (const artifact of item.artifacts) {
      source.signal?.throwIfAborted();
      const bytes = await source.readBlob(artifact.sha256);
      const path = `${dir}/${artifact.fileName}`;
      const sha256 = await sha256Hex(bytes);
      if (sha256 !== artifact.sha256) {
        throw new Error(`${path}: stored bytes are corrupt (not the hash taken at capture)`);
      }
      const file = await add(path, bytes, artifact.mediaType);
      artifacts.push({ ...file, method: artifact.method, role: artifact.role });
    }
    const derived: PackDerived[] = [];
    // Transcripts are for reading: they show the chat as the user corrected it, marked.
    const itemCorrections = annotations.byItem.get(item.id)?.corrections;
    const messages = correctedFacts(item.facts, itemCorrections).chat?.messages ?? [];
    const corrected = correctedMessages(Object.keys(itemCorrections ?? {}));
    const names = new Set(item.artifacts.map((a) => a.fileName));
    if (messages.length > 0 && !names.has('transcript.txt') && !names.has('transcript.csv')) {
      const ctx = { number, ...item };
      const from = 'facts.chat';
      derived.push({
        ...(await add(
          `${dir}/transcript.txt`,
          renderTranscriptText(messages, ctx, corrected),
          'text/plain',
        )),
        from,
      });
      derived.push({
        ...(await add(
          `${dir}/transcript.csv`,
          renderTranscriptCsv(messages, corrected),
          'text/csv',
        )),
        from,
      });
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
      ...(derived.length > 0 ? { derived } : {}),
      ...userAdditions(annotations.byItem.get(item.id)),
    });
    source.onProgress?.(number, source.items.length, zip.size);
  }

  // complaints/: each saved draft as plain text, numbered so two drafts for one channel
  // both fit; the channel id is reduced to safe file-name characters.
  for (const [index, complaint] of source.complaints.entries()) {
    const channel = complaint.channel.replace(/[^a-z0-9-]+/gi, '_').slice(0, 40) || 'channel';
    const name = `complaints/${String(index + 1).padStart(2, '0')}-${channel}.txt`;
    await add(name, `${complaint.text.replace(/\r?\n/g, '\r\n')}\r\n`, 'text/plain');
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
  await add(VERIFIER, await renderVerifierPage(), 'text/html');
  await add('README.txt', renderReadme(described), 'text/plain');
  await add(CHECKSUMS, files.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'text/plain');

  const manifest: PackManifest = { ...described, files };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  await zip.add(MANIFEST, manifestBytes, { date, store: false });
  const digest = `${await sha256Hex(manifestBytes)}  ${MANIFEST}\n`;
  await zip.add(MANIFEST_DIGEST, new TextEncoder().encode(digest), { date, store: false });
  return zip.finish();
}

/** buildPackBlob, as bytes (tests and tools that want them in hand). */
export async function buildPack(source: PackSource): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await buildPackBlob(source)).arrayBuffer());
}

/** What the user added to an item (purpose, notes, tags, corrections), for the manifest. */
function userAdditions(a: ItemAnnotations | undefined): Partial<PackItem> {
  if (!a) return {};
  const corrections = Object.fromEntries(
    Object.values(a.corrections).map((c) => [c.path, { value: c.value, original: c.original }]),
  );
  return {
    ...(a.purpose ? { purpose: a.purpose } : {}),
    ...(a.note ? { notes: a.note } : {}),
    ...(a.tags.length ? { tags: a.tags } : {}),
    ...(Object.keys(corrections).length ? { corrections } : {}),
  };
}
