// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { getDb } from '@/lib/db/database';
import { getActiveCase, listCustody } from '@/lib/db/repo';
import { verifyCustodyChain } from '@/lib/integrity';
import { createCase, setCaseArchived } from '@/lib/workspace';

// The fake browser has no i18n: show the key and its substitutions instead.
vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(() => cleanup());

const NOW = new Date('2026-11-21T04:00:00.000Z');

async function seed() {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  const old = await createCase(db, '旧案件', NOW);
  await setCaseArchived(db, old.id, true, new Date(NOW.getTime() + 1000));
  // Created last, so it is the active case.
  const open = await createCase(db, '当前案件', new Date(NOW.getTime() + 2000));
  return { db, old, open };
}

const optionTitles = () =>
  Array.from(screen.getByTestId('case-select').querySelectorAll('option'), (o) => o.textContent);

describe('archived cases in the case bar (#5)', () => {
  it('hides archived cases until "show archived" is on, then unarchives one, logged', async () => {
    const { db, old } = await seed();
    render(<App />);
    await waitFor(() => expect(optionTitles()).toEqual(['当前案件']));
    expect(screen.queryByTestId('archived-cases')).toBeNull();

    const toggle = screen.getByTestId('show-archived') as HTMLInputElement;
    expect(toggle.parentElement?.textContent).toContain('showArchived:1');
    fireEvent.click(toggle);
    const list = await screen.findByTestId('archived-cases');
    const rows = within(list).getAllByTestId('archived-case');
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual([old.id]);
    expect(rows[0]?.textContent).toContain('旧案件');
    // The switcher now lists it too, marked as archived.
    expect(optionTitles()).toEqual(['当前案件', '旧案件archivedSuffix']);

    const unarchive = within(rows[0] as HTMLElement).getByTestId('unarchive-case');
    expect(unarchive.getAttribute('aria-label')).toBe('unarchiveCaseNamed:旧案件');
    fireEvent.click(unarchive);
    await waitFor(async () => expect((await db.cases.get(old.id))?.status).toBe('open'));
    // Reopened to work on it: it is now the active case.
    await waitFor(async () => expect((await getActiveCase(db))?.id).toBe(old.id));

    const chain = await listCustody(db, old.id);
    expect(chain.map((e) => e.action)).toEqual(['case-created', 'annotate', 'annotate']);
    expect(chain.at(-1)?.details).toEqual({ field: 'case', changes: { status: 'open' } });
    expect(await verifyCustodyChain(chain)).toEqual([]);

    // No archived case is left: the list and the toggle go, the case is an open one.
    await waitFor(() => expect(screen.queryByTestId('archived-case')).toBeNull());
    await waitFor(() => expect(screen.queryByTestId('show-archived')).toBeNull());
    expect(optionTitles().sort()).toEqual(['当前案件', '旧案件'].sort());
  });

  it('keeps the active case in the switcher even when it is archived', async () => {
    await seed();
    render(<App />);
    const archive = await screen.findByTestId('archive-case');
    await waitFor(() => expect(optionTitles()).toEqual(['当前案件']));
    fireEvent.click(archive);
    await waitFor(() => expect(optionTitles()).toEqual(['当前案件archivedSuffix']));
    fireEvent.click(screen.getByTestId('show-archived'));
    const rows = await screen.findAllByTestId('archived-case');
    expect(rows).toHaveLength(2);
  });
});
