import type { CaptureEnv } from '@/lib/capture/capture-tab';
// Shared helpers for the unit tests (not a test file itself).
import { onTestFinished } from 'vitest';
import { EvidenceDB } from '@/lib/db/database';
import type { NewBlob } from '@/lib/db/repo';
import type { Artifact, ArtifactRole, EvidenceItem } from '@/lib/db/schema';
import type { PageKind } from '@/lib/extract/facts';
import { sha256Hex } from '@/lib/integrity/sha256';
import type { SchemaVersion } from '@/lib/db/versions';

/** A fresh database with its own name; the caller deletes it (see `testDb`). */
export function newDb(versions?: readonly SchemaVersion[]): EvidenceDB {
  return new EvidenceDB(`t-${crypto.randomUUID()}`, versions);
}

/** A fresh database with its own name, deleted when the current test finishes. */
export function testDb(versions?: readonly SchemaVersion[]): EvidenceDB {
  const db = newDb(versions);
  onTestFinished(async () => {
    db.close();
    await db.delete();
  });
  return db;
}

export const encode = (text: string) => new TextEncoder().encode(text);
export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Row counts of every table, to assert that nothing (or exactly something) was stored. */
export async function counts(db: EvidenceDB) {
  return {
    cases: await db.cases.count(),
    evidence: await db.evidence.count(),
    blobs: await db.blobs.count(),
    custody: await db.custody.count(),
    complaints: await db.complaints.count(),
    settings: await db.settings.count(),
  };
}

export interface FileSpec {
  role: ArtifactRole;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The six files a capture stores, with content unique to `tag`. */
export function captureFiles(tag: string): FileSpec[] {
  return [
    {
      role: 'screenshot-viewport',
      fileName: 'screenshot-viewport.png',
      mediaType: 'image/png',
      // PNG signature followed by filler: the pack only looks at the media type.
      bytes: new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...encode(`png ${tag} `.repeat(40)),
      ]),
    },
    {
      role: 'mhtml',
      fileName: 'page.mhtml',
      mediaType: 'multipart/related',
      bytes: encode(`From: <Saved by Blink>\r\nSubject: ${tag}\r\n\r\n`),
    },
    {
      role: 'dom',
      fileName: 'dom.html',
      mediaType: 'text/html',
      bytes: encode(`<!DOCTYPE html><p>${tag}</p>`),
    },
    { role: 'text', fileName: 'text.txt', mediaType: 'text/plain', bytes: encode(`订单 ${tag}\n`) },
    {
      role: 'facts',
      fileName: 'facts.json',
      mediaType: 'application/json',
      bytes: encode(`{"tag":"${tag}"}\n`),
    },
    {
      role: 'meta',
      fileName: 'meta.json',
      mediaType: 'application/json',
      bytes: encode(`{"meta":"${tag}"}\n`),
    },
  ];
}

/** An evidence item and the blobs saveEvidence needs for it. */
export async function makeEvidence(
  caseId: string,
  options: {
    kind?: PageKind;
    capturedAt?: string;
    id?: string;
    title?: string;
    url?: string;
    files?: FileSpec[];
  } = {},
): Promise<{ item: EvidenceItem; blobs: NewBlob[] }> {
  const id = options.id ?? crypto.randomUUID();
  const kind = options.kind ?? 'order';
  const files = options.files ?? captureFiles(id);
  const artifacts: Artifact[] = [];
  const blobs: NewBlob[] = [];
  for (const f of files) {
    const sha256 = await sha256Hex(f.bytes);
    artifacts.push({
      role: f.role,
      fileName: f.fileName,
      sha256,
      bytes: f.bytes.byteLength,
      mediaType: f.mediaType,
      method: `test stub for ${f.role}`,
    });
    blobs.push({
      sha256,
      data: new Blob([f.bytes], { type: f.mediaType }),
      mediaType: f.mediaType,
    });
  }
  const capturedAt = options.capturedAt ?? '2026-11-21T04:00:00.000Z';
  const url = options.url ?? `https://km.example.cn/${kind}/${id}`;
  return {
    item: {
      id,
      caseId,
      kind,
      source: 'capture',
      title: options.title ?? `${kind} page`,
      url,
      finalUrl: url,
      capturedAt,
      capturedAtLocal: '2026-11-21T12:00:00.000+08:00',
      timeZone: 'Asia/Shanghai',
      facts: { kind, promises: [], site: { contacts: [] } },
      artifacts,
    },
    blobs,
  };
}

/** A CaptureEnv whose browser always answers well; tests override the parts they break. */
export function stubCaptureEnv(overrides: Partial<CaptureEnv> = {}): CaptureEnv {
  return {
    getTab: async (id) => ({
      id,
      windowId: 1,
      url: 'https://shop.example/order',
      title: 't',
      active: true,
    }),
    activateTab: async () => {},
    captureVisibleTab: async () => new Uint8Array([1]),
    saveAsMhtml: async () => new Uint8Array([2]),
    snapshotPage: async () => ({
      url: 'https://shop.example/order',
      title: 't',
      contentType: 'text/html',
      html: '<html></html>',
      text: 'x',
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      pageSize: { width: 1280, height: 800 },
      facts: { kind: 'other', promises: [], site: { contacts: [] } },
    }),
    extensionVersion: 't',
    userAgent: 'ua',
    now: () => new Date('2026-11-02T06:00:00Z'),
    sleep: async () => {},
    ...overrides,
  };
}
