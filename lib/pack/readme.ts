import type { PackManifest } from './manifest';

/** README.txt of a pack, Chinese first, then English. */
export function renderReadme(manifest: Omit<PackManifest, 'files'>): string {
  return `卡盟取证 证据包
================

本压缩包由浏览器扩展“卡盟取证”(${manifest.tool.name} ${manifest.tool.version}) 于 ${manifest.createdAt} (UTC) 导出，
案件：“${manifest.case.title}”，共 ${manifest.items.length} 项证据。

内容
- evidence/NNN-类型/  每项证据的原始文件：网页截图 (screenshot-viewport.png)、网页归档 (page.mhtml)、
  网页源码 (dom.html)、可见文字 (text.txt)、提取的事实 (facts.json)、采集信息 (meta.json)。
  聊天类证据另附 transcript.txt 与 transcript.csv（由 facts.json 中的聊天消息生成，便于阅读；
  用户更正过的消息按更正显示并注明）。
- manifest.json       全部文件清单，含每个文件的 SHA-256 哈希值、字节数和类型，以及保管记录 (custody)。
- manifest.sha256     manifest.json 本身的 SHA-256。
- checksums.sha256    全部文件的哈希列表，可用 sha256sum 核对。
- index.html          证据目录，可直接打印。
- verify.html         离线核验页面。
- complaints/         已保存的投诉材料草稿，每个渠道一个文件（如有）。

如何核验（无需本扩展，无需联网）
0. 解压后用浏览器（Chrome、Edge、Firefox）打开 verify.html，选择解压出的文件夹：
   页面逐个文件重新计算哈希，并检查清单摘要和保管记录链，不联网、不上传。
1. 或者在本目录中运行：
     sha256sum -c manifest.sha256
     sha256sum -c checksums.sha256
   每一行都应显示 OK（“成功”）。任何文件被修改、删除，都会显示 FAILED。
2. 或者安装本项目后运行：npm run verify -- 证据包.zip
   它还会检查保管记录的哈希链是否完整。

保管记录 (custody) 中每一条都包含上一条的哈希值：删除、调换或修改任何一条都会被发现。

Card-Shop Evidence Kit — evidence pack
======================================

Exported by the browser extension ${manifest.tool.name} ${manifest.tool.version} at ${manifest.createdAt} (UTC),
case "${manifest.case.title}", ${manifest.items.length} items.

Contents
- evidence/NNN-kind/  the originals of each item: screenshot, MHTML archive, DOM, visible text,
  extracted facts and capture metadata. Chats also come as transcript.txt and
  transcript.csv, generated from the messages in facts.json for reading (messages the
  user corrected show the correction, marked).
- manifest.json       every file with its SHA-256, size and media type, plus the custody log.
- manifest.sha256     the SHA-256 of manifest.json itself.
- checksums.sha256    the hash of every file, in the format sha256sum reads.
- index.html          the printable evidence catalogue.
- verify.html         the offline verifier page.
- complaints/         the saved complaint drafts, one file per channel (if any).

How to verify (no extension, no network needed)
0. Open verify.html from the unzipped folder in a browser (Chrome, Edge, Firefox) and select
   the folder: it re-hashes every file and checks the manifest digest and the custody chain,
   offline, uploading nothing.
1. Or, in the unzipped folder, run:
     sha256sum -c manifest.sha256
     sha256sum -c checksums.sha256
   Every line must say OK; an edited or missing file says FAILED.
2. Or, with this project installed: npm run verify -- pack.zip
   which also checks that the custody log's hash chain is unbroken.

Each custody entry holds the hash of the one before it, so removing, reordering or
editing an entry is detected.
`;
}
