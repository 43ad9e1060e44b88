import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleReminder,
  OVERDUE_BADGE,
  REMINDER_PREFIX,
  refreshOverdueBadge,
  registerReminders,
  scheduleReminder,
  syncReminders,
} from '@/lib/background/reminders';
import { markSent, recordAnswer, saveDraft } from '@/lib/complaint/store';
import type { EvidenceDB } from '@/lib/db/database';
import { CASE_ID, seedCase } from '../complaint/case-db';
import { testDb } from '../helpers';

const NOW = new Date('2026-11-10T02:00:00Z');

/** A platform complaint sent on `sentAt` with the default 48 hours. */
async function sentComplaint(db: EvidenceDB, sentAt: string) {
  const draft = await saveDraft(
    db,
    { caseId: CASE_ID, channel: 'platform', text: 'x', fields: {} },
    NOW,
  );
  return markSent(db, draft.id, { sentAt, ticketNo: 'PT-1' }, NOW);
}

const notifications = () =>
  (
    fakeBrowser.notifications as unknown as {
      getAllCreateOptions(): Record<string, { message: string }>;
    }
  ).getAllCreateOptions();

describe('complaint reminders', () => {
  beforeEach(() => fakeBrowser.reset());

  it('schedules an alarm at the deadline of a sent complaint', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-09T10:00:00+08:00');
    await scheduleReminder(browser.alarms, record);
    const alarm = await browser.alarms.get(`${REMINDER_PREFIX}${record.id}`);
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-11-11T10:00:00+08:00'));
  });

  it('notifies once when the deadline passed without an answer, naming the next step', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-05T10:00:00+08:00');
    expect(await handleReminder(browser, db, record.id, NOW)).toBe(true);
    const shown = notifications()[`${REMINDER_PREFIX}${record.id}`];
    expect(shown?.message).toContain('平台客服');
    expect(shown?.message).toContain('编号PT-1');
    expect(shown?.message).toContain('下一步：向支付宝投诉');
    expect((await db.complaints.get(record.id))?.notifiedAt).toBe(NOW.toISOString());
    // A second firing (a restart re-created the alarm) does not repeat it.
    await browser.notifications.clear(`${REMINDER_PREFIX}${record.id}`);
    expect(await handleReminder(browser, db, record.id, NOW)).toBe(false);
    expect(notifications()).toEqual({});
  });

  it('stays quiet before the deadline and once an answer is recorded', async () => {
    const db = testDb();
    await seedCase(db);
    const early = await sentComplaint(db, '2026-11-09T10:00:00+08:00');
    expect(await handleReminder(browser, db, early.id, NOW)).toBe(false);
    // Fired early: put back for the real deadline.
    expect(await browser.alarms.get(`${REMINDER_PREFIX}${early.id}`)).toBeDefined();
    const late = await sentComplaint(db, '2026-11-01T10:00:00+08:00');
    await recordAnswer(db, late.id, { summary: '同意退款' }, NOW);
    expect(await handleReminder(browser, db, late.id, NOW)).toBe(false);
    expect(notifications()).toEqual({});
  });

  it('re-creates the alarms from IndexedDB at startup, nothing from worker memory', async () => {
    const db = testDb();
    await seedCase(db);
    const pending = await sentComplaint(db, '2026-11-09T10:00:00+08:00');
    const answered = await sentComplaint(db, '2026-11-08T10:00:00+08:00');
    await recordAnswer(db, answered.id, {}, NOW);
    await browser.alarms.create(`${REMINDER_PREFIX}stale`, { when: 1 });
    await browser.alarms.create('other-feature', { when: 1 });
    await syncReminders(browser, db);
    const names = (await browser.alarms.getAll()).map((a) => a.name).sort();
    expect(names).toEqual([`${REMINDER_PREFIX}${pending.id}`, 'other-feature'].sort());
  });

  it('wires startup, the alarm and a click on the notification', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-01T10:00:00+08:00');
    registerReminders(withPermissions().browser, db);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect(await browser.alarms.get(`${REMINDER_PREFIX}${record.id}`)).toBeDefined(),
    );
    const alarm = await browser.alarms.get(`${REMINDER_PREFIX}${record.id}`);
    await fakeBrowser.alarms.onAlarm.trigger(alarm as NonNullable<typeof alarm>);
    await vi.waitFor(() => expect(notifications()[`${REMINDER_PREFIX}${record.id}`]).toBeDefined());
    const create = vi.spyOn(browser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`${REMINDER_PREFIX}${record.id}`);
    await vi.waitFor(() =>
      // The complaints tab of the reminder's own case, not whichever case is active.
      expect(create).toHaveBeenCalledWith({
        url: expect.stringMatching(
          new RegExp(`/sidepanel\\.html\\?case=${CASE_ID}&tab=complaints$`),
        ),
      }),
    );
  });

  it('two firings at once notify once', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-05T10:00:00+08:00');
    const create = vi.spyOn(browser.notifications, 'create');
    const results = await Promise.all([
      handleReminder(browser, db, record.id, NOW),
      handleReminder(browser, db, record.id, NOW),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a notification that could not be shown is tried again later', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-05T10:00:00+08:00');
    vi.spyOn(browser.notifications, 'create').mockRejectedValueOnce(new Error('blocked'));
    await expect(handleReminder(browser, db, record.id, NOW)).rejects.toThrow('blocked');
    expect((await db.complaints.get(record.id))?.notifiedAt).toBeUndefined();
    expect(await handleReminder(browser, db, record.id, NOW)).toBe(true);
  });

  it('does nothing without the alarms permission: no alarm API, no throw', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-09T10:00:00+08:00');
    await expect(scheduleReminder(undefined, record)).resolves.toBeUndefined();
    const { browser: bare } = withPermissions({ alarms: false, notifications: false });
    await expect(syncReminders(bare, db)).resolves.toBeUndefined();
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('without notifications, an overdue complaint shows as the toolbar badge', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-05T10:00:00+08:00');
    const { browser: noNotify } = withPermissions({ notifications: false });
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await handleReminder(noNotify, db, record.id, NOW)).toBe(true);
    expect(notifications()).toEqual({});
    expect(await browser.action.getBadgeText({})).toBe(OVERDUE_BADGE);
    expect(await browser.action.getTitle({})).toContain('1 件投诉已过答复期限');
    expect((await db.complaints.get(record.id))?.notifiedAt).toBe(NOW.toISOString());
    // Recording the answer clears it.
    await recordAnswer(db, record.id, { summary: '已退款' }, NOW);
    expect(await refreshOverdueBadge(browser, db, NOW)).toBe(0);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('wires the alarm as soon as the user grants the permissions, in the running worker', async () => {
    const db = testDb();
    await seedCase(db);
    const record = await sentComplaint(db, '2026-11-01T10:00:00+08:00');
    const fake = withPermissions({ alarms: false, notifications: false });
    registerReminders(fake.browser, db);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(false);
    fake.grant('alarms', 'notifications');
    await fake.added.trigger({ permissions: ['alarms', 'notifications'] });
    // The added listener synced the stored complaint into an alarm, and listens for it.
    await vi.waitFor(async () =>
      expect(await browser.alarms.get(`${REMINDER_PREFIX}${record.id}`)).toBeDefined(),
    );
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    const alarm = await browser.alarms.get(`${REMINDER_PREFIX}${record.id}`);
    await fakeBrowser.alarms.onAlarm.trigger(alarm as NonNullable<typeof alarm>);
    await vi.waitFor(() => expect(notifications()[`${REMINDER_PREFIX}${record.id}`]).toBeDefined());
  });
});

/**
 * The fake browser as the worker sees it with some reminder permissions missing: the
 * missing APIs are undefined, as in Chrome, and permissions.onAdded can be fired.
 */
function withPermissions(granted: { alarms?: boolean; notifications?: boolean } = {}) {
  const listeners: ((p: { permissions?: string[] }) => void)[] = [];
  const missing = new Set(
    (['alarms', 'notifications'] as const).filter((p) => granted[p] === false),
  );
  const added = {
    addListener: (l: (p: { permissions?: string[] }) => void) => listeners.push(l),
    trigger: async (p: { permissions?: string[] }) => {
      for (const l of listeners) l(p);
    },
  };
  const fake = new Proxy(browser, {
    get(target, key, receiver) {
      if (key === 'alarms' || key === 'notifications') {
        return missing.has(key) ? undefined : Reflect.get(target, key, receiver);
      }
      if (key === 'permissions') {
        return {
          onAdded: added,
          contains: async ({ permissions = [] }: { permissions?: string[] }) =>
            permissions.every((p) => !missing.has(p as 'alarms')),
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return {
    browser: fake,
    added,
    grant: (...ps: ('alarms' | 'notifications')[]) => {
      for (const p of ps) missing.delete(p);
    },
  };
}
