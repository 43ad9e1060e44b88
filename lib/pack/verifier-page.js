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
export function packEntries(entries) {
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
export async function verifyEntries(doc, core, entries) {
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
export function startVerifierPage(win, core) {
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
