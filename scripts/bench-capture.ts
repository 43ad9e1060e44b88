// npm run bench:capture: capture speed through the real extension in Chromium.
// Prints click-to-stored times for typical shop pages, and a 30,000 px page next to the
// floor set by captureVisibleTab's 2-calls-per-second quota and to Playwright's own
// full-page screenshot of the same page in the same run, and a 500-message chat.
import { ensureBuilt } from './lib/build';
import { captureWithPopup, launchWithExtension } from './lib/extension-session';
import { serveShop } from './lib/shop-server';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const shop = await serveShop();
const session = await launchWithExtension({ extensionDir: ensureBuilt() });
try {
  console.log(`capture benchmark, ${RUNS} runs per page, viewport 1280×800, headless Chromium`);
  for (const path of ['order.html', 'index.html', 'chat.html']) {
    const page = await session.context.newPage();
    await page.goto(`${shop.url}${path}`, { waitUntil: 'load' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await captureWithPopup(session, page, 'other');
      if (r.state !== 'done') throw new Error(`${path}: ${r.message}`);
      times.push(r.elapsedMs);
    }
    await page.close();
    console.log(
      `  ${path.padEnd(12)} ${String(height).padStart(5)} px  click→stored median ${secs(median(times))}  (min ${secs(Math.min(...times))}, max ${secs(Math.max(...times))})`,
    );
  }

  const tall = 30_000;
  const page = await session.context.newPage();
  await page.goto(`${shop.url}reviews.html?h=${tall}`, { waitUntil: 'load' });
  const { height, viewport } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  const slices = Math.ceil(height / viewport);
  const r = await captureWithPopup(session, page, 'other');
  if (r.state !== 'done') throw new Error(`reviews.html: ${r.message}`);
  const started = performance.now();
  await page.screenshot({ fullPage: true, type: 'png' });
  const playwright = performance.now() - started;
  await page.close();
  const floor = (slices / 2) * 1000;
  console.log(`  ${height} px page (${slices} slices of ${viewport} px):`);
  console.log(`    extension full capture (all artifacts): ${secs(r.elapsedMs)}`);
  console.log(
    `    floor set by the 2/s quota (slices ÷ 2): ${secs(floor)}  → ${(r.elapsedMs / floor).toFixed(2)}× the floor`,
  );
  console.log(`    Playwright page.screenshot({ fullPage }) : ${secs(playwright)}`);

  // A long customer-service history: 500 messages, 20 more per scroll to the top.
  const chat = await session.context.newPage();
  await chat.goto(`${shop.url}kf-widget.html?total=500&batch=20`, { waitUntil: 'load' });
  const c = await captureWithPopup(session, chat, 'chat');
  if (c.state !== 'done') throw new Error(`kf-widget.html: ${c.message}`);
  const loaded = await chat.evaluate(() => document.querySelectorAll('#kf-list .kf-row').length);
  await chat.close();
  console.log(
    `  long chat: ${loaded} messages loaded (20 per scroll to the top) and captured in ${secs(c.elapsedMs)}`,
  );
} finally {
  await session.close();
  await shop.close();
}
