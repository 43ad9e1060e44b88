import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PageKind } from '../../lib/extract/facts';
import { ensureBuilt } from './build';
import {
  captureWithPopup,
  createCaseWithPanel,
  draftWithPanel,
  exportWithPanel,
  launchWithExtension,
} from './extension-session';

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
  /** One line per URL not captured and per channel not drafted. */
  failures: string[];
  /** Whether any URL was captured (and so a pack written to `out`). */
  exported: boolean;
  out: string;
}

/**
 * ★ Contract 3 (capture): drives the built extension in Chromium, capturing each URL
 * through the popup exactly as a click would, drafts each channel in the side panel's
 * complaint workspace (saving it with the case), then exports the pack to `out`.
 */
export async function runCapture(
  targets: readonly CaptureTarget[],
  out: string,
  options: { channels?: readonly string[]; caseTitle?: string } = {},
): Promise<CaptureRunResult> {
  const failures: string[] = [];
  let exported = false;
  const session = await launchWithExtension({ extensionDir: ensureBuilt() });
  try {
    // --case: the captures go into a case of that title, created in the side panel.
    if (options.caseTitle) await createCaseWithPanel(session, options.caseTitle);
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
    exported = failures.length < targets.length;
    if (exported) {
      // Each --channel: drafted and saved in the side panel, so the pack has complaints/.
      for (const channel of options.channels ?? []) {
        try {
          await draftWithPanel(session, channel);
          console.error(`drafted ${channel}`);
        } catch (error) {
          failures.push(
            `--channel ${channel}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
          );
        }
      }
      const saved = await exportWithPanel(session);
      mkdirSync(dirname(resolve(out)), { recursive: true });
      copyFileSync(saved, out);
    }
  } finally {
    await session.close();
  }
  return { failures, exported, out };
}
