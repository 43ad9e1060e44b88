/**
 * `npm run bench:extract:browser [-- --verbose] [--dir corpus] [name-filter]`: the same
 * corpus and scorer as bench:extract, but each page is rendered in headless Chromium and
 * extractPage runs on the live DOM there, as in a capture: real computed styles and
 * layout (chat sides from bubble positions, inline notes styled as blocks). Differences
 * from the happy-dom figures point at what only a browser decides.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { PageFacts } from '../lib/extract';
import { benchOptions, type CorpusCase, printScore, type Score, scorePage } from './bench-extract';
import { findChromium } from './lib/chromium';

/** lib/extract bundled for a page: `globalThis.__kamengExtract.extractPage`. */
async function extractBundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../lib/extract/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__kamengExtract',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

async function main(argv: readonly string[]): Promise<void> {
  const { cases, verbose } = benchOptions(argv);
  const bundle = await extractBundle();
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  const score: Score = { fields: new Map(), notes: new Map() };
  const started = performance.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let html = '';
    // Each page is served at its own address (the URL names an order of a list); nothing
    // else is fetched, as in the happy-dom run: no network, no external style sheets.
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest()
        ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
    for (const c of cases) {
      html = c.html;
      // A blank page first: two addresses that differ only after "#" (an H5 shop's routes)
      // would otherwise be one document, and the second page would never load.
      await page.goto('about:blank');
      await page.goto(c.url);
      await page.addScriptTag({ content: bundle });
      const facts = await page.evaluate(
        (ctx: Pick<CorpusCase, 'url' | 'capturedAt'>) =>
          (
            globalThis as unknown as {
              __kamengExtract: { extractPage(d: Document, x: typeof ctx): PageFacts };
            }
          ).__kamengExtract.extractPage(document, ctx),
        { url: c.url, capturedAt: c.capturedAt },
      );
      scorePage(c.name, c.expected, facts, score);
    }
  } finally {
    await browser.close();
  }
  printScore(score, cases.length, verbose, 'extract bench (Chromium):');
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
