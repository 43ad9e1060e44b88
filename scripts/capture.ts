// npm run capture -- --out pack.zip [--case "title"] [--channel id]... [kind=]URL ...
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { CHANNEL_IDS, ChannelId } from '../lib/complaint/channels';
import { verifyPack } from '../lib/pack/verify-pack';
import { parseTarget, runCapture } from './lib/capture-run';

const USAGE = `usage: npm run capture -- --out pack.zip [--case TITLE] [--channel ID]... [kind=]URL ...
  kind: promise|order|payment|chat|licence|other
  channel: ${CHANNEL_IDS.join('|')}`;

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
  if (values.case !== undefined && values.case.trim() === '') {
    console.error('--case: the case title is empty');
    return 2;
  }
  const channels = values.channel ?? [];
  const unknown = channels.filter((c) => !ChannelId.safeParse(c).success);
  if (unknown.length > 0) {
    for (const c of unknown) console.error(`--channel ${c}: unknown channel`);
    console.error(USAGE);
    return 2;
  }
  const targets = positionals.map(parseTarget);
  const { failures, exported, out } = await runCapture(targets, values.out, {
    channels,
    caseTitle: values.case?.trim(),
  });
  if (!exported) {
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
