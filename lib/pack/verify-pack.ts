import { PackManifest } from './manifest';
import { type CoreReport, coreCheckPack, coreIsSafeEntryName } from './verifier-core.js';
import { DEFAULT_ZIP_LIMITS, listZip, readZipEntry, type ZipEntry, type ZipLimits } from './zip';

/** One thing wrong with a pack: which file (or `custody#N`), and what. */
export interface PackProblem {
  path: string;
  problem: string;
}

/** A path that stays inside the pack's folder when unzipped. */
export const isSafeEntryName: (name: string) => boolean = coreIsSafeEntryName;

/** The file entries of a zip by the name written in it, refusing two with one name. */
function fileEntries(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  for (const entry of listZip(bytes, limits)) {
    if (entry.dir) continue;
    if (entries.has(entry.name)) throw new Error(`two entries are named ${entry.name}`);
    entries.set(entry.name, entry);
  }
  return entries;
}

/**
 * Reads a zip into path → bytes, skipping folder entries. Entries keep the name written
 * in the zip (JSZip would quietly rewrite `../x` to `x`, hiding a path that escapes the
 * folder). Two entries with one name cannot both be kept, so that throws.
 */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of fileEntries(bytes, DEFAULT_ZIP_LIMITS)) {
    files.set(name, await readZipEntry(bytes, entry));
  }
  return files;
}

const toProblems = (report: CoreReport<PackManifest>): PackProblem[] =>
  report.problems.map(({ path, problem }) => ({ path, problem }));

/**
 * ★ Contract 3 (verify): checks a pack's files against its manifest, the manifest
 * against manifest.sha256, and the custody chain. Returns every problem found; an
 * empty list means the pack is intact. The checks themselves live in verifier-core.js,
 * shared with the pack's own verify.html.
 */
export async function verifyPackFiles(
  files: ReadonlyMap<string, Uint8Array>,
): Promise<PackProblem[]> {
  const report = await coreCheckPack<PackManifest>({
    names: [...files.keys()],
    read: async (name) => files.get(name) ?? new Uint8Array(),
    size: (name) => files.get(name)?.byteLength,
    parseManifest: (json) => PackManifest.parse(json),
  });
  return toProblems(report);
}

export interface VerifyOptions {
  limits?: ZipLimits;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Verifies a pack given as zip bytes and returns the whole report (problems in English
 * and Chinese, each file's status, the parsed manifest). Entries are inflated one at a
 * time, so the pack is not held twice.
 */
export async function verifyPackReport(
  zipBytes: Uint8Array,
  options: VerifyOptions = {},
): Promise<CoreReport<PackManifest>> {
  const unreadable = (error: unknown): CoreReport<PackManifest> => ({
    problems: [
      {
        path: '(zip)',
        problem: `not a readable zip: ${firstLine(error)}`,
        zh: `无法读取的压缩包：${firstLine(error)}`,
      },
    ],
    files: [],
    manifest: undefined,
    manifestDigestOk: false,
  });
  let entries: Map<string, ZipEntry>;
  try {
    entries = fileEntries(zipBytes, options.limits ?? DEFAULT_ZIP_LIMITS);
  } catch (error) {
    return unreadable(error);
  }
  try {
    return await coreCheckPack<PackManifest>({
      names: [...entries.keys()],
      read: (name) => {
        const entry = entries.get(name);
        return entry ? readZipEntry(zipBytes, entry) : Promise.resolve(new Uint8Array());
      },
      size: (name) => entries.get(name)?.size,
      parseManifest: (json) => PackManifest.parse(json),
      onFile: options.onProgress,
    });
  } catch (error) {
    return unreadable(error);
  }
}

/** Verifies a pack given as zip bytes. */
export async function verifyPack(
  zipBytes: Uint8Array,
  options: VerifyOptions = {},
): Promise<PackProblem[]> {
  return toProblems(await verifyPackReport(zipBytes, options));
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
