import type { EvidenceDB } from '../db/database';
import { appendCustody, listCustody } from '../db/repo';
import { ArtifactRole, EvidenceItem } from '../db/schema';
import { sha256Hex } from '../integrity/sha256';
import { itemDir, MANIFEST, PACK_FORMAT_VERSION, type PackManifest } from './manifest';
import { type PackProblem, verifyPackReport } from './verify-pack';
import { DEFAULT_ZIP_LIMITS, listZip, readZipEntry, type ZipLimits } from './zip';

const ACTIVE_CASE = 'activeCaseId';

/** A pack refused by importPack. Nothing was written; `problems` says why, file by file. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly problems: readonly PackProblem[] = [],
  ) {
    super(message);
  }
}

export interface ImportOptions {
  now?: Date;
  /** What a pack may declare before it is refused unread. */
  limits?: ZipLimits;
  /** Make the imported case the active one (the side panel shows it). Default true. */
  activate?: boolean;
  /** The pack's file name, recorded in the import entry. */
  fileName?: string;
}

export interface ImportResult {
  /** `already-present`: this pack (or a later one of the same case) was imported before. */
  status: 'imported' | 'updated' | 'already-present';
  caseId: string;
  title: string;
  /** Items added by this import. */
  added: number;
}

const refuse = (zh: string, en: string, problems: readonly PackProblem[] = []) =>
  new ImportError(`${zh}未导入任何内容。${en} Nothing was imported.`, problems);

/**
 * Imports an evidence pack (moving a case to another computer, restoring a backup).
 * The pack is verified first; a pack that fails, escapes its folder, declares absurd
 * sizes or has a malformed manifest is refused with an ImportError and nothing is
 * written. The case keeps its id, items and custody chain, and an `import` entry is
 * appended. Importing a pack whose chain is already here changes nothing; a pack that
 * extends the chain here adds what is new.
 */
export async function importPack(
  db: EvidenceDB,
  zipBytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const report = await verifyPackReport(zipBytes, { limits });
  const problems = report.problems.map(({ path, problem }) => ({ path, problem }));
  if (problems.length > 0 || !report.manifest) {
    const lines = problems
      .slice(0, 5)
      .map((p) => `\n${p.path}: ${p.problem}`)
      .join('');
    const more = problems.length > 5 ? `\n… ${problems.length - 5} more` : '';
    throw refuse(
      '证据包未通过核验，',
      `The pack failed verification (${problems.length} problem(s)).${lines}${more}`,
      problems,
    );
  }
  const manifest = report.manifest;
  const items = toEvidenceItems(manifest);

  // Every artifact's bytes, once per hash, before the transaction (which may not wait
  // on anything but IndexedDB).
  const entries = new Map(listZip(zipBytes, limits).map((e) => [e.name, e]));
  const blobs = new Map<string, { data: Blob; mediaType: string }>();
  for (const item of manifest.items) {
    for (const a of item.artifacts) {
      if (blobs.has(a.sha256)) continue;
      const entry = entries.get(a.path);
      if (!entry) throw refuse('文件缺失，', `${a.path} is missing.`);
      const bytes = await readZipEntry(zipBytes, entry);
      blobs.set(a.sha256, {
        data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: a.mediaType }),
        mediaType: a.mediaType,
      });
    }
  }
  const manifestEntry = entries.get(MANIFEST);
  const manifestSha256 = manifestEntry
    ? await sha256Hex(await readZipEntry(zipBytes, manifestEntry))
    : '';
  const at = (options.now ?? new Date()).toISOString();
  const caseId = manifest.case.id;

  return db.transaction(
    'rw',
    [db.cases, db.evidence, db.blobs, db.custody, db.complaints, db.settings],
    async () => {
      const existing = await db.cases.get(caseId);
      const chainHere = existing ? await listCustody(db, caseId) : [];
      const packChain = manifest.custody;
      const prefix = (short: typeof packChain, long: typeof packChain) =>
        short.length <= long.length && short.every((e, i) => e.hash === long[i]?.hash);
      if (existing) {
        if (prefix(packChain, chainHere)) {
          return { status: 'already-present', caseId, title: existing.title, added: 0 } as const;
        }
        if (!prefix(chainHere, packChain)) {
          throw refuse(
            '本机已有此案件，但其保管记录与证据包的不同（两边各自有新的记录），',
            'This case exists here with a different custody history (both sides changed).',
          );
        }
      }
      let added = 0;
      for (const item of items) {
        const here = await db.evidence.get(item.id);
        if (here && here.caseId !== caseId) {
          throw refuse(
            `证据 ${item.id} 已属于本机的另一个案件，`,
            `Item ${item.id} belongs to another case here.`,
          );
        }
        if (here) continue;
        for (const a of item.artifacts) {
          const blob = blobs.get(a.sha256);
          if (blob && !(await db.blobs.get(a.sha256))) {
            await db.blobs.add({
              sha256: a.sha256,
              data: blob.data,
              bytes: blob.data.size,
              mediaType: blob.mediaType,
            });
          }
        }
        await db.evidence.add(item);
        added++;
      }
      if (existing) {
        await db.cases.update(caseId, { updatedAt: manifest.case.updatedAt });
      } else {
        await db.cases.add(manifest.case);
      }
      for (const complaint of manifest.complaints) {
        if (!(await db.complaints.get(complaint.id))) await db.complaints.add(complaint);
      }
      await db.custody.bulkAdd(packChain.slice(chainHere.length));
      await appendCustody(db, {
        caseId,
        at,
        action: 'import',
        details: {
          manifestSha256,
          packCreatedAt: manifest.createdAt,
          tool: manifest.tool,
          items: manifest.items.length,
          added,
          evidenceIds: items.map((i) => i.id),
          ...(options.fileName ? { fileName: options.fileName } : {}),
        },
      });
      if (options.activate !== false) await db.settings.put({ key: ACTIVE_CASE, value: caseId });
      return {
        status: existing ? 'updated' : 'imported',
        caseId,
        title: manifest.case.title,
        added,
      } as const;
    },
  );
}

/** The pack's items as stored records; refuses what a verified pack still must not hold. */
function toEvidenceItems(manifest: PackManifest): EvidenceItem[] {
  if (manifest.formatVersion > PACK_FORMAT_VERSION) {
    throw refuse(
      '证据包由更新版本的工具生成，',
      `The pack has format version ${manifest.formatVersion}; this tool reads up to ${PACK_FORMAT_VERSION}.`,
    );
  }
  const caseId = manifest.case.id;
  if (manifest.custody.length === 0 || manifest.custody.some((e) => e.caseId !== caseId)) {
    throw refuse(
      '保管记录为空或属于另一个案件，',
      'The custody log is empty or belongs to another case.',
    );
  }
  const ids = new Set<string>();
  return manifest.items.map((item) => {
    if (ids.has(item.id)) throw refuse('证据编号重复，', `Item id ${item.id} appears twice.`);
    ids.add(item.id);
    const dir = `${itemDir(item.number, item.kind)}/`;
    const parsed = EvidenceItem.safeParse({
      id: item.id,
      caseId,
      kind: item.kind,
      source: item.source,
      title: item.title,
      url: item.url,
      finalUrl: item.finalUrl,
      capturedAt: item.capturedAt,
      capturedAtLocal: item.capturedAtLocal,
      timeZone: item.timeZone,
      facts: item.facts,
      artifacts: item.artifacts.map((a) => {
        const fileName = a.path.slice(dir.length);
        if (!a.path.startsWith(dir) || fileName.length === 0 || fileName.includes('/')) {
          throw refuse(
            '文件不在其证据的目录中，',
            `${a.path} is not in the folder of item ${item.number}.`,
          );
        }
        const role = ArtifactRole.safeParse(a.role);
        return {
          role: role.success ? role.data : 'imported',
          fileName,
          sha256: a.sha256,
          bytes: a.bytes,
          mediaType: a.mediaType,
          method: a.method,
        };
      }),
    });
    if (!parsed.success) {
      throw refuse(
        `第 ${item.number} 项证据的记录不完整，`,
        `Item ${item.number} is malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      );
    }
    return parsed.data;
  });
}
