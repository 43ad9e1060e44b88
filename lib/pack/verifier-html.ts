import { VERIFIER_SCRIPT } from './verifier-source';

/**
 * The inline script of verify.html from the sources of verifier-core.js and
 * verifier-page.js: `export` dropped, both wrapped in one function scope. Run by
 * tests/unit/pack/verifier-html.test.ts, which keeps verifier-source.ts equal to it.
 */
export function buildVerifierScript(coreJs: string, pageJs: string): string {
  const strip = (source: string) =>
    source.replace(/^export (?=(async )?function |const )/gm, '').trim();
  const script = `
'use strict';
(() => {
${strip(coreJs)}

${strip(pageJs)}

startVerifierPage(window, { coreCheckPack });
})();
`;
  // The script lands in a String.raw template and inside <script>: nothing may end either.
  for (const bad of ['`', '${', '</script', '<!--']) {
    if (script.toLowerCase().includes(bad)) throw new Error(`verifier source contains ${bad}`);
  }
  return script;
}

/** The text of verifier-source.ts for a given script. */
export function verifierSourceModule(script: string): string {
  return `// Generated from verifier-core.js and verifier-page.js; do not edit. Regenerate with
// npx vitest run tests/unit/pack/verifier-html.test.ts -u
export const VERIFIER_SCRIPT = String.raw\`${script}\`;
`;
}

async function scriptHash(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  let binary = '';
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return `sha256-${btoa(binary)}`;
}

/**
 * verify.html: the offline verifier in every pack. Self-contained: its one script is
 * inline and allowed by hash, and the CSP forbids everything else (no network at all).
 * It reads the folder the user selects, never anything embedded in the page.
 */
export async function renderVerifierPage(script: string = VERIFIER_SCRIPT): Promise<string> {
  const csp = `default-src 'none'; script-src '${await scriptHash(script)}'; style-src 'unsafe-inline'`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>证据包核验 Verify this evidence pack</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #888; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eee; }
td.path, td.hash, code { word-break: break-all; font-family: monospace; }
tr.bad td, li.bad { background: #fde2e2; }
#summary { padding: 0.8em; margin: 1em 0; font-weight: bold; }
#summary.ok { background: #dcf5dc; border: 2px solid #2a8a2a; }
#summary.bad { background: #fde2e2; border: 2px solid #b00; }
#drop { border: 2px dashed #888; padding: 1.5em; margin: 1em 0; text-align: center; }
#drop.over { background: #eef; }
</style>
</head>
<body>
<h1>证据包核验 <small>Verify this evidence pack</small></h1>
<p>本页面离线运行，不联网、不上传任何文件。请选择解压后的证据包文件夹（包含 manifest.json 的文件夹），或把该文件夹拖到下方方框中。
页面会重新计算每个文件的 SHA-256，与 manifest.json 核对，再用 manifest.sha256 核对 manifest.json 本身，并检查保管记录的哈希链。</p>
<p lang="en">This page works offline and uploads nothing. Select the unzipped pack folder (the one holding manifest.json), or drop it on the box below.
It re-hashes every file against manifest.json, checks manifest.json against manifest.sha256, and checks the custody log's hash chain.</p>
<noscript><p id="noscript">需要启用 JavaScript 才能核验。也可以在命令行运行 sha256sum -c checksums.sha256（见 README.txt）。
JavaScript is needed here; or run sha256sum -c checksums.sha256 (see README.txt).</p></noscript>
<p><label>选择证据包文件夹 Choose the pack folder: <input type="file" id="folder" data-testid="folder" webkitdirectory multiple></label></p>
<div id="drop">把证据包文件夹拖到这里 Drop the pack folder here</div>
<p id="progress" aria-live="polite"></p>
<div id="summary" role="status"></div>
<div id="case"></div>
<h2>问题 Problems</h2>
<ul id="problems"></ul>
<h2>文件 Files</h2>
<table>
<thead><tr><th>路径 Path</th><th>字节 Bytes</th><th>结果 Result</th><th>SHA-256（清单 manifest）</th><th>说明 Detail</th></tr></thead>
<tbody id="files"></tbody>
</table>
<h2>保管记录 Custody chain</h2>
<table>
<thead><tr><th>#</th><th>时间 Time (UTC)</th><th>操作 Action</th><th>证据 Evidence id</th><th>哈希 Hash</th><th>结果 Result</th></tr></thead>
<tbody id="custody"></tbody>
</table>
<script>${script}</script>
</body>
</html>
`;
}
