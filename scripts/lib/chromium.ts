import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROMIUM_HELP = `Chromium was not found. It is the one system dependency:
  Debian/Ubuntu:  sudo apt-get install chromium chromium-l10n fonts-noto-cjk
  or point CHROME_PATH at an installed Chrome/Chromium, e.g.
  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm run demo
未找到 Chromium。请先安装：sudo apt-get install chromium chromium-l10n fonts-noto-cjk，或用 CHROME_PATH 指向已安装的 Chrome。`;

/** The browser the tools drive: CHROME_PATH, else a usual install location. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist.\n${CHROMIUM_HELP}`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(CHROMIUM_HELP);
  return found;
}
