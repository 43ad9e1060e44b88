import JSZip from 'jszip';
import { verifyCustodyChain } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';
import { MANIFEST, MANIFEST_DIGEST, PackManifest } from './manifest';

/** One thing wrong with a pack: which file (or `custody#N`), and what. */
export interface PackProblem {
  path: string;
  problem: string;
}

/** A path that stays inside the pack's folder when unzipped. */
export function isSafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

/**
 * Reads a zip into path → bytes, skipping folder entries. Entries keep the name written
 * in the zip: JSZip quietly rewrites `../x` to `x`, which would hide a path that escapes
 * the folder. Two entries with one name cannot both be kept, so that throws.
 */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = (entry as { unsafeOriginalName?: string }).unsafeOriginalName ?? entry.name;
    if (files.has(name)) throw new Error(`two entries are named ${name}`);
    files.set(name, await entry.async('uint8array'));
  }
  return files;
}

/**
 * ★ Contract 3 (verify): checks a pack's files against its manifest, the manifest
 * against manifest.sha256, and the custody chain. Returns every problem found; an
 * empty list means the pack is intact.
 */
export async function verifyPackFiles(
  files: ReadonlyMap<string, Uint8Array>,
): Promise<PackProblem[]> {
  const problems: PackProblem[] = [];
  for (const name of files.keys()) {
    if (!isSafeEntryName(name))
      problems.push({ path: name, problem: 'unsafe path (escapes the pack folder)' });
  }

  const manifestBytes = files.get(MANIFEST);
  if (!manifestBytes) return [...problems, { path: MANIFEST, problem: 'missing' }];
  const digestBytes = files.get(MANIFEST_DIGEST);
  if (!digestBytes) {
    problems.push({ path: MANIFEST_DIGEST, problem: 'missing' });
  } else {
    const recorded = new TextDecoder().decode(digestBytes).trim().split(/\s+/)[0]?.toLowerCase();
    if (recorded !== (await sha256Hex(manifestBytes))) {
      problems.push({
        path: MANIFEST,
        problem: 'altered: its SHA-256 does not match manifest.sha256',
      });
    }
  }

  let manifest: PackManifest;
  try {
    manifest = PackManifest.parse(JSON.parse(new TextDecoder().decode(manifestBytes)));
  } catch (error) {
    return [...problems, { path: MANIFEST, problem: `malformed: ${firstLine(error)}` }];
  }

  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = files.get(file.path);
    if (!bytes) {
      problems.push({ path: file.path, problem: 'missing' });
      continue;
    }
    if (bytes.byteLength !== file.bytes) {
      problems.push({
        path: file.path,
        problem: `altered: ${bytes.byteLength} bytes, manifest says ${file.bytes}`,
      });
    } else if ((await sha256Hex(bytes)) !== file.sha256) {
      problems.push({ path: file.path, problem: 'altered: SHA-256 does not match the manifest' });
    }
  }
  for (const name of files.keys()) {
    if (name !== MANIFEST && name !== MANIFEST_DIGEST && !listed.has(name)) {
      problems.push({ path: name, problem: 'extra file not listed in the manifest' });
    }
  }
  const byPath = new Map(manifest.files.map((f) => [f.path, f]));
  for (const item of manifest.items) {
    for (const artifact of item.artifacts) {
      const file = byPath.get(artifact.path);
      if (!file || file.sha256 !== artifact.sha256) {
        problems.push({
          path: artifact.path,
          problem: `item ${item.number} lists it with another hash or not at all`,
        });
      }
    }
  }
  // The custody log recorded each artifact's hash when it was captured: a file swapped
  // later, with the manifest and its digest rewritten to match, still differs from it.
  const itemsById = new Map(manifest.items.map((item) => [item.id, item]));
  for (const entry of manifest.custody) {
    if (entry.action !== 'capture' && entry.action !== 'import') continue;
    const item = entry.evidenceId ? itemsById.get(entry.evidenceId) : undefined;
    const recorded = entry.details.artifacts;
    if (!item || !Array.isArray(recorded)) continue;
    for (const r of recorded as { fileName?: string; sha256?: string }[]) {
      const artifact = item.artifacts.find((a) => a.path.endsWith(`/${r.fileName}`));
      if (!artifact || artifact.sha256 !== r.sha256) {
        problems.push({
          path: artifact?.path ?? `item ${item.number}/${r.fileName}`,
          problem: `differs from the hash recorded at capture (custody#${entry.seq})`,
        });
      }
    }
  }
  for (const p of await verifyCustodyChain(manifest.custody)) {
    problems.push({ path: `custody#${p.seq}`, problem: p.problem });
  }
  return problems;
}

/** Verifies a pack given as zip bytes. */
export async function verifyPack(zipBytes: Uint8Array): Promise<PackProblem[]> {
  let files: Map<string, Uint8Array>;
  try {
    files = await readZip(zipBytes);
  } catch (error) {
    return [{ path: '(zip)', problem: `not a readable zip: ${firstLine(error)}` }];
  }
  return verifyPackFiles(files);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
