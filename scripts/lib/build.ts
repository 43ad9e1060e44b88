import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built extension; KAMENG_OUT_DIR (as for wxt.config.ts) moves it. */
export const EXTENSION_DIR = join(ROOT, process.env.KAMENG_OUT_DIR ?? '.output', 'chrome-mv3');
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * The build the end-to-end tests of reminder notifications load: `alarms` and
 * `notifications` granted at install instead of asked for (headless Chromium cannot
 * answer the prompt). Everything else is the same extension.
 */
export const REMINDERS_AT_INSTALL = {
  dir: join(ROOT, '.output-reminders', 'chrome-mv3'),
  env: { KAMENG_OUT_DIR: '.output-reminders', KAMENG_REMINDERS_AT_INSTALL: '1' },
};

/** Builds the extension when the build is missing or older than its sources. */
export function ensureBuilt(
  variant: { dir: string; env: Record<string, string> } = { dir: EXTENSION_DIR, env: {} },
): string {
  const manifest = join(variant.dir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(
    ...SOURCES.map((s) => join(ROOT, s))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (built < sources) {
    console.error('Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, ...variant.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return variant.dir;
}
