// npm run capture -- --out pack.zip [--case "title"] [--channel id]... [kind=]URL ...
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { verifyPack } from '../lib/pack/verify-pack';
import { parseTarget, runCapture } from './lib/capture-run';

const USAGE =
  'usage: npm run capture -- --out pack.zip [kind=]URL ...  (kind: promise|order|payment|chat|licence|other)';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      case: { type: 'string' },
      channel: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // Named in contract 3; they arrive with the workspace (#5) and complaints (#6) issues.
  if (values.case) console.error('--case: case titles cannot be set yet; using the default case.');
  if (values.channel?.length) {
    console.error('--channel: complaint drafts are not implemented yet (issue #6).');
    return 2;
  }
  const targets = positionals.map(parseTarget);
  const { failures, out } = await runCapture(targets, values.out);
  if (failures.length === targets.length) {
    for (const f of failures) console.log(f);
    return 1;
  }
  const problems = await verifyPack(new Uint8Array(await readFile(out)));
  for (const f of failures) console.log(f);
  for (const p of problems) console.log(`${p.path}: ${p.problem}`);
  if (failures.length === 0 && problems.length === 0) {
    console.error(`pack written and verified: ${out}`);
    return 0;
  }
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
