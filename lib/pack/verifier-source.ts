// Generated from verifier-core.js and verifier-page.js; do not edit. Regenerate with
// npx vitest run tests/unit/pack/verifier-html.test.ts -u
export const VERIFIER_SCRIPT = String.raw`
'use strict';
(() => {
// biome-ignore-all lint/style/useTemplate: this source is embedded in a String.raw template, so it can hold none.
// The pack checker, in plain JavaScript with no imports, because it has two homes:
// lib/pack/verify-pack.ts imports it (CLI, import, extension) and every pack's
// verify.html carries its source inline (see verifier-source.ts). One implementation,
// so the page and npm run verify cannot disagree about a pack.
// Rules for this file: no imports, no template literals (the source is embedded in a
// String.raw template), only globals that browsers and Node 20 both have.

const CORE_MANIFEST = 'manifest.json';
const CORE_MANIFEST_DIGEST = 'manifest.sha256';
const CORE_GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';
const HEX64 = /^[0-9a-f]{64}$/;

/** Lower-case hex SHA-256 of bytes or of a string's UTF-8. */
async function coreSha256Hex(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Must equal lib/integrity/canonical-json.ts (tests/unit/pack/verifier-core.test.ts checks). */
function coreCanonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Must equal custodyEntryHash in lib/integrity/custody.ts. */
function coreCustodyEntryHash(entry) {
  const { caseId, seq, at, action, evidenceId, details, prevHash } = entry;
  return coreSha256Hex(
    coreCanonicalJson({ caseId, seq, at, action, evidenceId, details, prevHash }),
  );
}

/** A path that stays inside the pack's folder when unzipped. */
function coreIsSafeEntryName(name) {
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

function problem(path, en, zh) {
  return { path, problem: en, zh };
}

/** Checks a custody chain in the order given; one problem per broken link or entry. */
async function coreCheckCustody(entries) {
  const problems = [];
  let prev;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const path = 'custody#' + entry.seq;
    if (entry.seq !== index) {
      problems.push(
        problem(
          path,
          'out of order: entry ' + index + ' has seq ' + entry.seq,
          '顺序错乱：第 ' + index + ' 条的序号是 ' + entry.seq,
        ),
      );
    }
    const expectedPrev = prev ? prev.hash : CORE_GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      problems.push(
        problem(
          path,
          'prevHash does not match the entry before it',
          '前一条哈希 (prevHash) 与上一条记录不符：记录被删除、调换或改动',
        ),
      );
    }
    if ((await coreCustodyEntryHash(entry)) !== entry.hash) {
      problems.push(
        problem(path, 'entry was altered: its hash does not match', '记录被改动：其哈希值不符'),
      );
    }
    prev = entry;
  }
  return problems;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 0;

/** The shape the checks below rely on; null when it holds, else why not. */
function coreManifestShapeError(m) {
  if (!isObject(m)) return 'not a JSON object';
  if (!Array.isArray(m.files)) return 'files: not a list';
  for (const [i, f] of m.files.entries()) {
    if (!isObject(f) || typeof f.path !== 'string' || !HEX64.test(f.sha256) || !isCount(f.bytes))
      return 'files[' + i + ']: needs path, sha256 (hex) and bytes';
  }
  if (!Array.isArray(m.items)) return 'items: not a list';
  for (const [i, item] of m.items.entries()) {
    if (!isObject(item) || typeof item.id !== 'string' || !isCount(item.number))
      return 'items[' + i + ']: needs id and number';
    for (const list of [item.artifacts, item.derived ?? []]) {
      if (!Array.isArray(list)) return 'items[' + i + '].artifacts: not a list';
      for (const a of list) {
        if (!isObject(a) || typeof a.path !== 'string' || typeof a.sha256 !== 'string')
          return 'items[' + i + ']: an artifact needs path and sha256';
      }
    }
  }
  if (!Array.isArray(m.custody)) return 'custody: not a list';
  for (const [i, e] of m.custody.entries()) {
    if (!isObject(e) || !isCount(e.seq) || !isObject(e.details) || typeof e.hash !== 'string')
      return 'custody[' + i + ']: needs seq, details and hash';
  }
  return null;
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0] || '';
}

/**
 * ★ Contract 3: checks a pack's files against its manifest, the manifest against
 * manifest.sha256, and the custody chain.
 *
 * The pack is { names: string[], read(name) => Promise<Uint8Array>, size?(name) => number,
 * parseManifest?(json) => manifest (throws when malformed), onFile?(done, total, path) }.
 * Files are read one at a time, so a large pack is never held whole.
 *
 * Returns { problems: [{ path, problem (English), zh }], files: [{ path, bytes, sha256,
 * status: 'ok' | 'altered' | 'missing' | 'extra' | 'unsafe' }], manifest, manifestDigestOk }.
 */
async function coreCheckPack(pack) {
  const problems = [];
  const files = [];
  const present = new Set(pack.names);
  const decoder = new TextDecoder();
  const result = { problems, files, manifest: undefined, manifestDigestOk: false };
  for (const name of pack.names) {
    if (!coreIsSafeEntryName(name)) {
      problems.push(
        problem(
          name,
          'unsafe path (escapes the pack folder)',
          '路径不安全：解压时会跳出证据包目录',
        ),
      );
      files.push({ path: name, status: 'unsafe' });
    }
  }

  if (!present.has(CORE_MANIFEST)) {
    problems.push(problem(CORE_MANIFEST, 'missing', '缺失'));
    return result;
  }
  const manifestBytes = await pack.read(CORE_MANIFEST);
  if (!present.has(CORE_MANIFEST_DIGEST)) {
    problems.push(problem(CORE_MANIFEST_DIGEST, 'missing', '缺失'));
  } else {
    const text = decoder.decode(await pack.read(CORE_MANIFEST_DIGEST));
    const recorded = (text.trim().split(/\s+/)[0] || '').toLowerCase();
    if (recorded !== (await coreSha256Hex(manifestBytes))) {
      problems.push(
        problem(
          CORE_MANIFEST,
          'altered: its SHA-256 does not match manifest.sha256',
          '已被改动：其 SHA-256 与 manifest.sha256 不符',
        ),
      );
    } else {
      result.manifestDigestOk = true;
    }
  }

  let manifest;
  try {
    manifest = JSON.parse(decoder.decode(manifestBytes));
    if (pack.parseManifest) manifest = pack.parseManifest(manifest);
    const shape = coreManifestShapeError(manifest);
    if (shape) throw new Error(shape);
  } catch (error) {
    problems.push(
      problem(
        CORE_MANIFEST,
        'malformed: ' + firstLine(error),
        '格式错误，无法读取：' + firstLine(error),
      ),
    );
    return result;
  }
  result.manifest = manifest;

  const listed = new Set();
  for (const [index, file] of manifest.files.entries()) {
    pack.onFile?.(index, manifest.files.length, file.path);
    listed.add(file.path);
    const row = { path: file.path, bytes: file.bytes, sha256: file.sha256, status: 'ok' };
    files.push(row);
    if (!present.has(file.path)) {
      row.status = 'missing';
      problems.push(problem(file.path, 'missing', '缺失'));
      continue;
    }
    let size = pack.size ? pack.size(file.path) : undefined;
    let bytes;
    if (size === undefined || size === file.bytes) {
      bytes = await pack.read(file.path);
      size = bytes.byteLength;
    }
    if (size !== file.bytes) {
      row.status = 'altered';
      problems.push(
        problem(
          file.path,
          'altered: ' + size + ' bytes, manifest says ' + file.bytes,
          '已被改动：实际 ' + size + ' 字节，清单记载 ' + file.bytes + ' 字节',
        ),
      );
    } else if ((await coreSha256Hex(bytes)) !== file.sha256) {
      row.status = 'altered';
      problems.push(
        problem(
          file.path,
          'altered: SHA-256 does not match the manifest',
          '已被改动：SHA-256 与清单不符',
        ),
      );
    }
  }
  pack.onFile?.(manifest.files.length, manifest.files.length, '');
  for (const name of pack.names) {
    if (name !== CORE_MANIFEST && name !== CORE_MANIFEST_DIGEST && !listed.has(name)) {
      problems.push(
        problem(name, 'extra file not listed in the manifest', '多余文件：清单中没有列出'),
      );
      if (coreIsSafeEntryName(name)) files.push({ path: name, status: 'extra' });
    }
  }

  const byPath = new Map(manifest.files.map((f) => [f.path, f]));
  for (const item of manifest.items) {
    for (const artifact of [...item.artifacts, ...(item.derived ?? [])]) {
      const file = byPath.get(artifact.path);
      if (!file || file.sha256 !== artifact.sha256) {
        problems.push(
          problem(
            artifact.path,
            'item ' + item.number + ' lists it with another hash or not at all',
            '第 ' + item.number + ' 项证据记载的哈希与清单不同，或清单未列出',
          ),
        );
      }
    }
  }
  // The custody log recorded each artifact's hash when it was captured: a file swapped
  // later, with the manifest and its digest rewritten to match, still differs from it.
  const itemsById = new Map(manifest.items.map((item) => [item.id, item]));
  for (const entry of manifest.custody) {
    if (entry.action !== 'capture' && entry.action !== 'import') continue;
    const item = entry.evidenceId ? itemsById.get(entry.evidenceId) : undefined;
    const recorded = entry.details.artifacts;
    if (!item || !Array.isArray(recorded)) continue;
    for (const r of recorded) {
      const fileName = r?.fileName;
      if (typeof fileName !== 'string' || typeof r.sha256 !== 'string') {
        problems.push(
          problem(
            'custody#' + entry.seq,
            'records an artifact without a file name and hash',
            '记录的文件缺少文件名或哈希值',
          ),
        );
        continue;
      }
      const artifact = item.artifacts.find((a) => a.path.endsWith('/' + fileName));
      if (!artifact || artifact.sha256 !== r?.sha256) {
        problems.push(
          problem(
            artifact ? artifact.path : 'item ' + item.number + '/' + fileName,
            'differs from the hash recorded at capture (custody#' + entry.seq + ')',
            '与采集时记录的哈希不同（保管记录 #' + entry.seq + '）',
          ),
        );
      }
    }
  }
  for (const p of await coreCheckCustody(manifest.custody)) problems.push(p);
  return result;
}

// biome-ignore-all lint/style/useTemplate: this source is embedded in a String.raw template, so it can hold none.
// The interface of verify.html: folder picker, drag and drop, and the report. The
// checks are verifier-core.js; this only gathers files and shows what it says.
// Everything shown goes through textContent: file names and custody details in a
// hostile pack must never become markup. Same rules as verifier-core.js (no imports,
// no template literals).

const STATUS_TEXT = {
  ok: '✔ 一致 OK',
  altered: '✘ 已被改动 altered',
  missing: '✘ 缺失 missing',
  extra: '✘ 多余 extra',
  unsafe: '✘ 路径不安全 unsafe',
};

const ACTION_TEXT = {
  'case-created': '建立案件 case created',
  capture: '采集 capture',
  import: '导入 import',
  annotate: '备注 annotation',
  'correct-fact': '更正事实 fact correction',
  delete: '删除 deletion',
  export: '导出 export',
};

/**
 * Picks the pack out of a selected folder: the files under the shallowest folder holding
 * manifest.json, with paths relative to it. Entries are { path, size, read() }.
 */
function packEntries(entries) {
  let prefix;
  for (const e of entries) {
    const path = e.path.replace(/^\/+/, '');
    if (path === 'manifest.json' || path.endsWith('/manifest.json')) {
      const dir = path.slice(0, path.length - 'manifest.json'.length);
      if (prefix === undefined || dir.length < prefix.length) prefix = dir;
    }
  }
  const found = new Map();
  for (const e of entries) {
    const path = e.path.replace(/^\/+/, '');
    if (prefix !== undefined && !path.startsWith(prefix)) continue;
    found.set(prefix === undefined ? path : path.slice(prefix.length), e);
  }
  return found;
}

/** Runs the checks over entries ({ path, size, read }) and renders the report. */
async function verifyEntries(doc, core, entries) {
  const byPath = packEntries(entries);
  const el = (id) => doc.getElementById(id);
  const progress = el('progress');
  for (const id of ['summary', 'files', 'custody', 'problems', 'case']) el(id).textContent = '';
  progress.textContent = '正在核验… Checking…';
  let report;
  try {
    report = await core.coreCheckPack({
      names: [...byPath.keys()],
      size: (name) => byPath.get(name)?.size,
      read: async (name) => new Uint8Array(await byPath.get(name).read()),
      onFile: (done, total) => {
        progress.textContent = '正在核验 Checking ' + done + ' / ' + total;
      },
    });
  } catch (error) {
    progress.textContent = '';
    showSummary(doc, false, '核验无法完成 The check could not run: ' + String(error));
    return undefined;
  }
  progress.textContent = '';
  render(doc, report);
  return report;
}

function add(doc, parent, tag, text, className) {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  parent.appendChild(node);
  return node;
}

function showSummary(doc, ok, text) {
  const summary = doc.getElementById('summary');
  summary.textContent = text;
  summary.className = ok ? 'ok' : 'bad';
  summary.setAttribute('data-state', ok ? 'intact' : 'failed');
}

function render(doc, report) {
  const { problems, manifest } = report;
  if (problems.length === 0) {
    showSummary(
      doc,
      true,
      '✔ 证据包完整：全部 ' +
        report.files.length +
        ' 个文件、清单摘要 (manifest.sha256) 和保管记录链均核验通过。 ' +
        'Intact: every file, the manifest digest and the custody chain check out.',
    );
  } else {
    showSummary(
      doc,
      false,
      '✘ 核验未通过：发现 ' +
        problems.length +
        ' 个问题，见下表。 FAILED: ' +
        problems.length +
        ' problem(s), listed below.',
    );
  }

  if (manifest) {
    const info = doc.getElementById('case');
    add(doc, info, 'div', '案件 Case: ' + String(manifest.case?.title ?? ''));
    add(doc, info, 'div', '导出时间 Exported (UTC): ' + String(manifest.createdAt ?? ''));
    add(
      doc,
      info,
      'div',
      '工具 Tool: ' +
        String(manifest.tool?.name ?? '') +
        ' ' +
        String(manifest.tool?.version ?? ''),
    );
    add(doc, info, 'div', '证据数 Items: ' + manifest.items.length);
  }

  const problemsByPath = new Map();
  for (const p of problems) {
    const list = problemsByPath.get(p.path) ?? [];
    list.push(p);
    problemsByPath.set(p.path, list);
  }

  const list = doc.getElementById('problems');
  for (const p of problems) {
    const li = add(doc, list, 'li', undefined, 'bad');
    li.setAttribute('data-path', p.path);
    add(doc, li, 'code', p.path);
    add(doc, li, 'span', '：' + p.zh + ' / ' + p.problem);
  }

  const files = doc.getElementById('files');
  for (const f of report.files) {
    const tr = add(doc, files, 'tr', undefined, f.status === 'ok' ? 'ok' : 'bad');
    tr.setAttribute('data-path', f.path);
    tr.setAttribute('data-status', f.status);
    add(doc, tr, 'td', f.path, 'path');
    add(doc, tr, 'td', f.bytes === undefined ? '' : String(f.bytes));
    add(doc, tr, 'td', STATUS_TEXT[f.status] ?? f.status);
    add(doc, tr, 'td', f.sha256 ?? '', 'hash');
    const notes = (problemsByPath.get(f.path) ?? []).map((p) => p.zh + ' / ' + p.problem);
    add(doc, tr, 'td', notes.join('; '));
  }

  const custody = doc.getElementById('custody');
  for (const entry of manifest?.custody ?? []) {
    const mine = problemsByPath.get('custody#' + entry.seq) ?? [];
    const tr = add(doc, custody, 'tr', undefined, mine.length ? 'bad' : 'ok');
    tr.setAttribute('data-seq', String(entry.seq));
    add(doc, tr, 'td', String(entry.seq));
    add(doc, tr, 'td', String(entry.at ?? ''));
    add(doc, tr, 'td', ACTION_TEXT[entry.action] ?? String(entry.action));
    add(doc, tr, 'td', String(entry.evidenceId ?? ''));
    add(doc, tr, 'td', String(entry.hash ?? ''), 'hash');
    add(
      doc,
      tr,
      'td',
      mine.length ? mine.map((p) => p.zh + ' / ' + p.problem).join('; ') : STATUS_TEXT.ok,
    );
  }
}

function fromFileList(fileList) {
  return [...fileList].map((file) => ({
    path: file.webkitRelativePath || file.name,
    size: file.size,
    read: () => file.arrayBuffer(),
  }));
}

// Drag and drop gives FileSystemEntry trees; walk them into the same { path, size, read }.
async function fromDrop(items) {
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      out.push({ path: entry.fullPath, size: file.size, read: () => file.arrayBuffer() });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  const roots = [...items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  for (const root of roots) await walk(root);
  return out;
}

/** Wires the picker and the drop zone of verify.html. */
function startVerifierPage(win, core) {
  const doc = win.document;
  const run = (entries) => verifyEntries(doc, core, entries);
  win.kamengVerifyEntries = run;
  if (!win.crypto?.subtle) {
    showSummary(
      doc,
      false,
      '此浏览器不支持 SHA-256 计算 (crypto.subtle)，请换用新版 Chrome、Edge 或 Firefox。 ' +
        'This browser cannot compute SHA-256 here; use a current Chrome, Edge or Firefox.',
    );
    return;
  }
  const input = doc.getElementById('folder');
  input.addEventListener('change', () => run(fromFileList(input.files ?? [])));
  const drop = doc.getElementById('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    run(await fromDrop(event.dataTransfer?.items ?? []));
  });
}

startVerifierPage(window, { coreCheckPack });
})();
`;
