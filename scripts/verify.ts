// npm run verify -- pack.zip
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { NODE_ZLIB_CODEC } from '../lib/pack/node-zip-codec';
import { verifyPack } from '../lib/pack/verify-pack';
import { setZipCodec } from '../lib/pack/zip';

/**
 * ★ Contract 3: verifies the pack at `path`; prints one line per problem (file, what is
 * wrong) to `out` and a summary to `err`. Returns the exit code: 0 intact, 1 problems,
 * 2 usage or unreadable file.
 */
export async function verifyCli(
  path: string | undefined,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  if (!path || path === '--help' || path === '-h') {
    err('usage: npm run verify -- pack.zip');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = bytesOf(await readFile(path));
  } catch (error) {
    out(`${path}: cannot read: ${(error as Error).message}`);
    return 2;
  }
  const problems = await verifyPack(bytes);
  for (const p of problems) out(`${p.path}: ${p.problem}`);
  if (problems.length === 0) {
    err(`OK: ${path} is intact (every file, the manifest digest and the custody chain).`);
    return 0;
  }
  err(`FAILED: ${problems.length} problem(s) in ${path}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  setZipCodec(NODE_ZLIB_CODEC);
  verifyCli(process.argv[2]).then((code) => process.exit(code));
}

/** A Buffer as a Uint8Array view, without copying a pack of hundreds of MB. */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
