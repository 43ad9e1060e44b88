import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PageKind } from '../../lib/extract/facts';
import { ensureBuilt } from './build';
import { captureWithPopup, exportWithPanel, launchWithExtension } from './extension-session';

export interface CaptureTarget {
  kind?: PageKind;
  url: string;
}

/** Parses `[kind=]URL`. */
export function parseTarget(arg: string): CaptureTarget {
  const match = /^([a-z]+)=(.+)$/.exec(arg);
  if (match?.[1] && match[2]) {
    const kind = PageKind.safeParse(match[1]);
    if (!kind.success) {
      throw new Error(`unknown kind "${match[1]}" (one of ${PageKind.options.join(', ')})`);
    }
    return { kind: kind.data, url: match[2] };
  }
  return { url: arg };
}

export interface CaptureRunResult {
  failures: string[];
  out: string;
}

/**
 * ★ Contract 3 (capture): drives the built extension in Chromium, capturing each URL
 * through the popup exactly as a click would, then exports the pack to `out`.
 */
export async function runCapture(
  targets: readonly CaptureTarget[],
  out: string,
): Promise<CaptureRunResult> {
  const failures: string[] = [];
  const session = await launchWithExtension({ extensionDir: ensureBuilt() });
  try {
    for (const target of targets) {
      const page = await session.context.newPage();
      try {
        await page.goto(target.url, { waitUntil: 'load', timeout: 30_000 });
        const result = await captureWithPopup(session, page, target.kind);
        if (result.state === 'done') {
          console.error(`captured ${target.kind ?? 'auto'} ${target.url}`);
        } else {
          failures.push(`${target.url}: ${result.code ?? 'error'}: ${result.message}`);
        }
      } catch (error) {
        failures.push(
          `${target.url}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
        );
      } finally {
        await page.close();
      }
    }
    if (failures.length < targets.length) {
      const saved = await exportWithPanel(session);
      mkdirSync(dirname(resolve(out)), { recursive: true });
      copyFileSync(saved, out);
    }
  } finally {
    await session.close();
  }
  return { failures, out };
}
