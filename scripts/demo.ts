// npm run demo: serves the demo card shop, captures its pages through the real
// extension in Chromium, and writes a verified evidence pack to demo-output/.
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { verifyPack } from '../lib/pack/verify-pack';
import { ROOT } from './lib/build';
import { runCapture } from './lib/capture-run';
import { serveShop } from './lib/shop-server';

const OUT_DIR = join(ROOT, 'demo-output');

async function main(): Promise<number> {
  const started = Date.now();
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const shop = await serveShop();
  try {
    console.log(`Demo card shop served at ${shop.url}`);
    const targets = [
      { kind: 'promise', url: `${shop.url}index.html` },
      { kind: 'order', url: `${shop.url}order.html` },
      { kind: 'payment', url: `${shop.url}payment.html` },
      { kind: 'chat', url: `${shop.url}chat.html` },
    ] as const;
    const out = join(OUT_DIR, 'evidence-pack.zip');
    const { failures } = await runCapture(targets, out);
    for (const f of failures) console.log(`capture failed: ${f}`);
    if (failures.length) return 1;

    const bytes = new Uint8Array(await readFile(out));
    const problems = await verifyPack(bytes);
    for (const p of problems) console.log(`${p.path}: ${p.problem}`);
    if (problems.length) return 1;

    // Unzipped beside the zip, so the catalogue can be opened and `sha256sum -c` run.
    const zip = await JSZip.loadAsync(bytes);
    const unzipped = join(OUT_DIR, 'evidence-pack');
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const target = join(unzipped, entry.name);
      mkdirSync(join(target, '..'), { recursive: true });
      const { writeFile } = await import('node:fs/promises');
      await writeFile(target, await entry.async('uint8array'));
    }
    console.log(
      `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${targets.length} pages captured, pack verified.`,
    );
    console.log(`  pack:       ${out}`);
    console.log(`  catalogue:  ${join(unzipped, 'index.html')}`);
    console.log(`  check it:   npm run verify -- ${out}`);
    console.log(`              (cd ${unzipped} && sha256sum -c manifest.sha256 checksums.sha256)`);
    return 0;
  } finally {
    await shop.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
