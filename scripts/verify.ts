// npm run verify -- pack.zip
import { readFile } from 'node:fs/promises';
import { verifyPack } from '../lib/pack/verify-pack';

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path || path === '--help' || path === '-h') {
    console.error('usage: npm run verify -- pack.zip');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    console.log(`${path}: cannot read: ${(error as Error).message}`);
    return 2;
  }
  const problems = await verifyPack(bytes);
  for (const p of problems) console.log(`${p.path}: ${p.problem}`);
  if (problems.length === 0) {
    console.error(`OK: ${path} is intact (every file, the manifest digest and the custody chain).`);
    return 0;
  }
  console.error(`FAILED: ${problems.length} problem(s) in ${path}`);
  return 1;
}

main().then((code) => process.exit(code));
