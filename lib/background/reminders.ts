/**
 * Reminders for complaints nobody answered (issue #6). The state is the ComplaintRecords
 * in IndexedDB; chrome.alarms only wakes the worker. Alarms are re-created from the
 * records at startup and install, so a restart or a stopped worker loses nothing.
 *
 * `alarms` and `notifications` are optional permissions (issue #8): only people who send
 * complaints need them, and they are asked for when a complaint is marked as sent. Chrome
 * grants `alarms` without a prompt; `notifications` shows one. Without notifications an
 * overdue complaint still shows as a red "!" on the toolbar button; without alarms the
 * side panel still lists it as overdue when opened.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { formatCnDateTime } from '../complaint/calendar-date';
import { CHANNELS, ChannelId } from '../complaint/channels';
import { nextEscalation } from '../complaint/escalation';
import { buildDraftInput } from '../complaint/from-case';
import { awaitingAnswer, chinaToday, isPastDeadline } from '../complaint/store';
import type { EvidenceDB } from '../db/database';
import type { ComplaintRecord } from '../db/schema';
import { panelPath } from '../workspace/panel-location';

type Browser = typeof extensionBrowser;

/** Alarm and notification names: the prefix, then the ComplaintRecord id. */
export const REMINDER_PREFIX = 'complaint-deadline:';

// Notifications need an icon and the extension ships none yet: a 16×16 red square PNG.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4pqFBEmIY1TCqYfhqAABqBhYQ0IfjAAAAAABJRU5ErkJggg==';

const reminderName = (id: string) => `${REMINDER_PREFIX}${id}`;

/** The optional permissions reminders use, each asked for on its own. */
export const REMINDER_PERMISSIONS = ['alarms', 'notifications'] as const;
export type ReminderPermission = (typeof REMINDER_PERMISSIONS)[number];

/** Which of the reminder permissions the user has granted. */
export async function reminderAccess(
  browser: Browser,
): Promise<Record<ReminderPermission, boolean>> {
  const [alarms, notifications] = await Promise.all(
    REMINDER_PERMISSIONS.map(async (p) => {
      try {
        return await browser.permissions.contains({ permissions: [p] });
      } catch {
        return false;
      }
    }),
  );
  return { alarms: alarms ?? false, notifications: notifications ?? false };
}

/**
 * Asks for one reminder permission. Chrome needs a user gesture: call it from a click
 * handler before anything slow (a transient activation lasts a few seconds). Resolves
 * when the user answers; `alarms` is answered at once, without a prompt.
 */
export function requestReminderPermission(
  browser: Browser,
  permission: ReminderPermission,
): Promise<boolean> {
  return browser.permissions.request({ permissions: [permission] });
}

/**
 * Schedules (or replaces) the reminder of one sent complaint; clears it when none is due.
 * `notBefore` (ms) holds back a reminder whose deadline is already past: the panel that
 * just recorded the complaint shows it overdue itself, a notification at once is noise.
 * Does nothing when the `alarms` permission was not granted (`alarms` is undefined).
 */
export async function scheduleReminder(
  alarms: Browser['alarms'] | undefined,
  record: ComplaintRecord,
  options: { notBefore?: number } = {},
): Promise<void> {
  if (!alarms) return;
  const name = reminderName(record.id);
  if (record.status !== 'sent' || !record.deadline || record.notifiedAt) {
    await alarms.clear(name);
    return;
  }
  // A deadline already past fires at once (Chrome may delay it up to 30 s).
  await alarms.create(name, {
    when: Math.max(Date.parse(record.deadline), options.notBefore ?? 0),
  });
}

/**
 * Re-creates every reminder from IndexedDB; the alarms themselves may not survive.
 * `notBefore` as for scheduleReminder.
 */
export async function syncReminders(
  browser: Browser,
  db: EvidenceDB,
  options: { notBefore?: number } = {},
): Promise<void> {
  await refreshOverdueBadge(browser, db, new Date());
  if (!browser.alarms) return;
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(REMINDER_PREFIX)) await browser.alarms.clear(alarm.name);
  }
  for (const record of await awaitingAnswer(db)) {
    await scheduleReminder(browser.alarms, record, options);
  }
}

/** The notification's words for an overdue complaint and the next step of the ladder. */
export async function reminderMessage(
  db: EvidenceDB,
  record: ComplaintRecord,
  now: Date,
): Promise<{ title: string; message: string }> {
  const channel = ChannelId.safeParse(record.channel);
  const name = channel.success ? CHANNELS[channel.data].name : record.channel;
  const ticket = record.ticketNo ? `（编号${record.ticketNo}）` : '';
  const due = record.deadline ? formatCnDateTime(record.deadline) : '';
  let next = '请在侧边栏查看下一步。';
  try {
    const input = await buildDraftInput(db, record.caseId, chinaToday(now));
    const step = nextEscalation(input, now.toISOString(), { platformHours: record.platformHours });
    if (step.kind === 'escalate') next = `下一步：向${CHANNELS[step.channel].name}投诉，点击起草。`;
    else if (step.kind === 'exhausted') next = '建议的渠道均已投诉过，可考虑向法院起诉。';
  } catch {
    // The case may be gone; the reminder itself still matters.
  }
  return {
    title: '投诉未获答复 · Complaint unanswered',
    message: `向${name}的投诉${ticket}已过答复期限（${due}），尚未记录答复。${next}`,
  };
}

/**
 * An alarm fired: notify when the complaint is still unanswered past its deadline.
 * Records `notifiedAt` so a restart does not repeat it.
 */
export async function handleReminder(
  browser: Browser,
  db: EvidenceDB,
  complaintId: string,
  now: Date,
): Promise<boolean> {
  // Claimed in one transaction: two firings at once (an alarm and the startup sync)
  // cannot both get past the notifiedAt check.
  const claim = await db.transaction('rw', db.complaints, async () => {
    const record = await db.complaints.get(complaintId);
    if (!record || record.notifiedAt || record.status !== 'sent') return undefined;
    if (!isPastDeadline(record, now)) return { record, early: true };
    await db.complaints.update(record.id, { notifiedAt: now.toISOString() });
    return { record, early: false };
  });
  if (!claim) return false;
  const { record } = claim;
  if (claim.early) {
    // Fired early (clock change): wait for the real deadline.
    await scheduleReminder(browser.alarms, record);
    return false;
  }
  const { title, message } = await reminderMessage(db, record, now);
  // Without the notifications permission the toolbar badge is the reminder.
  if (browser.notifications) {
    try {
      await browser.notifications.create(reminderName(record.id), {
        type: 'basic',
        iconUrl: ICON,
        title,
        message,
        priority: 2,
        requireInteraction: true,
      });
    } catch (error) {
      // Not shown: release the claim so the next startup tries again.
      await db.complaints.update(record.id, { notifiedAt: undefined });
      throw error;
    }
  }
  await refreshOverdueBadge(browser, db, now);
  return true;
}

/** Text of the toolbar badge shown while complaints are overdue: none when none is. */
export const OVERDUE_BADGE = '!';

/**
 * Shows a red "!" on the toolbar button (every tab) while some sent complaint is past its
 * deadline with no answer recorded, with a tooltip saying so; clears it otherwise. Needs
 * no permission. A capture's own badge on one tab takes precedence there.
 */
export async function refreshOverdueBadge(
  browser: Browser,
  db: EvidenceDB,
  now: Date,
): Promise<number> {
  const overdue = (await awaitingAnswer(db)).filter((r) => isPastDeadline(r, now)).length;
  try {
    if (overdue > 0) {
      await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
      await browser.action.setBadgeText({ text: OVERDUE_BADGE });
      await browser.action.setTitle({
        title: `${overdue} 件投诉已过答复期限 · ${overdue} complaint(s) past the answer deadline`,
      });
    } else {
      await browser.action.setBadgeText({ text: '' });
      await browser.action.setTitle({ title: browser.i18n.getMessage('actionTitle') });
    }
  } catch {
    // No toolbar button in this context (tests, or a page without the action API).
  }
  return overdue;
}

/**
 * The side panel page, opened in a tab (a panel cannot be opened without a gesture), on
 * the complaints tab of the reminder's own case: the active case may be another one.
 */
async function openPanel(browser: Browser, db: EvidenceDB, complaintId: string): Promise<void> {
  const record = await db.complaints.get(complaintId).catch(() => undefined);
  const path = record ? panelPath({ caseId: record.caseId, tab: 'complaints' }) : '/sidepanel.html';
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/sidepanel.html') });
}

/**
 * Wires the reminders into the service worker. Listeners are added synchronously when the
 * permissions are already granted (so an alarm wakes a stopped worker), and as soon as the
 * user grants them otherwise: Chrome adds `browser.alarms` to a running worker then.
 */
export function registerReminders(browser: Browser, db: EvidenceDB): void {
  let alarmsWired = false;
  let notificationsWired = false;
  const wire = () => {
    if (!alarmsWired && browser.alarms) {
      alarmsWired = true;
      browser.alarms.onAlarm.addListener((alarm) => {
        if (!alarm.name.startsWith(REMINDER_PREFIX)) return;
        void handleReminder(browser, db, alarm.name.slice(REMINDER_PREFIX.length), new Date());
      });
    }
    if (!notificationsWired && browser.notifications) {
      notificationsWired = true;
      browser.notifications.onClicked.addListener((id) => {
        if (!id.startsWith(REMINDER_PREFIX)) return;
        void browser.notifications.clear(id);
        void openPanel(browser, db, id.slice(REMINDER_PREFIX.length));
      });
    }
  };
  wire();
  browser.runtime.onStartup.addListener(() => void syncReminders(browser, db));
  browser.runtime.onInstalled.addListener(() => void syncReminders(browser, db));
  browser.permissions.onAdded.addListener((added) => {
    if (!added.permissions?.some((p) => (REMINDER_PERMISSIONS as readonly string[]).includes(p)))
      return;
    wire();
    // The user is in the side panel, which shows overdue complaints itself.
    void syncReminders(browser, db, { notBefore: Date.now() + 60_000 });
  });
}
