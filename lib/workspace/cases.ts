import type { EvidenceDB } from '../db/database';
import { appendCustody, setActiveCase } from '../db/repo';
import { type CaseRecord, PROFILE_SETTING, UserProfile } from '../db/schema';
import type { EvidenceItem } from '../db/schema';
import type { PlatformIdentity } from '../complaint/input';

/** The case fields the workspace edits (not its id, times or history). */
export type CaseDetails = Partial<
  Pick<
    CaseRecord,
    | 'title'
    | 'disputeType'
    | 'purpose'
    | 'amountInDispute'
    | 'platform'
    | 'description'
    | 'merchantDeceived'
    | 'deceitDetails'
    | 'harmKnownAt'
    | 'negotiation'
    | 'howSiteWasReached'
  >
>;

/** The free-text case fields: blank means not answered, so it is stored as absent. */
const TEXT_FIELDS = [
  'description',
  'deceitDetails',
  'harmKnownAt',
  'negotiation',
  'howSiteWasReached',
] as const;

/** All cases, open ones first, then the most recently changed. */
export async function listCases(db: EvidenceDB): Promise<CaseRecord[]> {
  const all = await db.cases.toArray();
  return all.sort(
    (a, b) =>
      Number(a.status === 'archived') - Number(b.status === 'archived') ||
      b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** Creates an open case, makes it the active one and starts its custody chain. */
export async function createCase(db: EvidenceDB, title: string, now: Date): Promise<CaseRecord> {
  const clean = title.trim();
  if (!clean) throw new Error('a case needs a title');
  const at = now.toISOString();
  const record: CaseRecord = {
    id: crypto.randomUUID(),
    title: clean,
    createdAt: at,
    updatedAt: at,
    status: 'open',
  };
  await db.transaction('rw', [db.cases, db.settings, db.custody], async () => {
    await db.cases.add(record);
    await setActiveCase(db, record.id);
    await appendCustody(db, {
      caseId: record.id,
      at,
      action: 'case-created',
      details: { title: clean },
    });
  });
  return record;
}

/** Makes an existing case the active one (where the popup's captures go). */
export async function switchCase(db: EvidenceDB, caseId: string): Promise<void> {
  await db.transaction('rw', [db.cases, db.settings], async () => {
    if (!(await db.cases.get(caseId))) throw new Error(`case ${caseId} does not exist`);
    await setActiveCase(db, caseId);
  });
}

/**
 * Changes a case's title or dispute details. The case row is the user's own summary,
 * not evidence, so it is updated in place; the change is still logged (an `annotate`
 * entry without an evidence id) so the pack shows when the account of the dispute changed.
 */
export async function updateCase(
  db: EvidenceDB,
  caseId: string,
  changes: CaseDetails,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const clean: CaseDetails = { ...changes };
  if (clean.title !== undefined) {
    clean.title = clean.title.trim();
    if (!clean.title) throw new Error('a case needs a title');
  }
  for (const field of TEXT_FIELDS) {
    if (field in clean) clean[field] = clean[field]?.trim() || undefined;
  }
  if (clean.harmKnownAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(clean.harmKnownAt)) {
    throw new Error(`not a date: ${clean.harmKnownAt}`);
  }
  await db.transaction('rw', [db.cases, db.custody], async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error(`case ${caseId} does not exist`);
    const changed = Object.fromEntries(
      Object.entries(clean).filter(
        ([k, v]) => JSON.stringify(v) !== JSON.stringify(current[k as keyof CaseRecord]),
      ),
    );
    if (Object.keys(changed).length === 0) return;
    await db.cases.put({ ...current, ...clean, updatedAt: at });
    await appendCustody(db, {
      caseId,
      at,
      action: 'annotate',
      // A cleared field is logged as null: JSON would drop an undefined one silently.
      details: {
        field: 'case',
        changes: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v ?? null])),
      },
    });
  });
}

/** Archives (or reopens) a case. Archived cases keep everything; they leave the switcher's top. */
export async function setCaseArchived(
  db: EvidenceDB,
  caseId: string,
  archived: boolean,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', [db.cases, db.custody], async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error(`case ${caseId} does not exist`);
    const status = archived ? 'archived' : 'open';
    if (current.status === status) return;
    await db.cases.update(caseId, { status, updatedAt: at });
    await appendCustody(db, {
      caseId,
      at,
      action: 'annotate',
      details: { field: 'case', changes: { status } },
    });
  });
}

/** Reopens an archived case; logged in its custody chain like every other case edit. */
export function unarchiveCase(db: EvidenceDB, caseId: string, now: Date): Promise<void> {
  return setCaseArchived(db, caseId, false, now);
}

/**
 * The cases the switcher lists: open ones, plus archived ones when the user asks to see
 * them. The active case is always listed, so the switcher can show it as selected.
 */
export function visibleCases(
  cases: readonly CaseRecord[],
  showArchived: boolean,
  activeId?: string,
): CaseRecord[] {
  return cases.filter((c) => showArchived || c.status !== 'archived' || c.id === activeId);
}

/** The user's profile; kept on this machine only (settings table). */
export async function loadProfile(db: EvidenceDB): Promise<UserProfile> {
  const row = await db.settings.get(PROFILE_SETTING);
  const parsed = UserProfile.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Saves the profile, dropping empty fields. */
export async function saveProfile(db: EvidenceDB, profile: UserProfile): Promise<UserProfile> {
  const clean = Object.fromEntries(
    Object.entries(profile).filter(([, v]) => typeof v !== 'string' || v.trim() !== ''),
  );
  const parsed = UserProfile.parse(clean);
  await db.settings.put({ key: PROFILE_SETTING, value: parsed });
  return parsed;
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The platform as the captured pages show it: for each field, the value most items
 * agree on (newest wins a tie). Used to prefill the case form; the user can edit it.
 */
export function platformFromItems(items: readonly EvidenceItem[]): PlatformIdentity {
  const votes = {
    name: new Map<string, number>(),
    url: new Map<string, number>(),
    company: new Map<string, number>(),
    creditCode: new Map<string, number>(),
    icp: new Map<string, number>(),
  };
  const contacts = new Set<string>();
  const vote = (m: Map<string, number>, v: string | undefined) => {
    if (v?.trim()) m.set(v.trim(), (m.get(v.trim()) ?? 0) + 1);
  };
  const newestFirst = [...items]
    .filter((i) => i.source === 'capture')
    .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
  for (const item of newestFirst) {
    const site = item.facts.site;
    vote(votes.name, site.name);
    vote(votes.url, originOf(item.finalUrl || item.url));
    vote(votes.company, site.company);
    vote(votes.creditCode, site.creditCode);
    vote(votes.icp, site.icp);
    for (const c of site.contacts) contacts.add(c);
  }
  const best = (m: Map<string, number>) => {
    let top: string | undefined;
    let n = 0;
    for (const [v, c] of m) if (c > n) [top, n] = [v, c];
    return top;
  };
  const out: PlatformIdentity = { contacts: [...contacts], payeeAccounts: [] };
  for (const key of ['name', 'url', 'company', 'creditCode', 'icp'] as const) {
    const v = best(votes[key]);
    if (v) out[key] = v;
  }
  return out;
}
