/**
 * Reminders for complaints nobody answered (issue #6). The state is the ComplaintRecords
 * in IndexedDB; chrome.alarms only wakes the worker. Alarms are re-created from the
 * records at startup and install, so a restart or a stopped worker loses nothing.
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

/**
 * Schedules (or replaces) the reminder of one sent complaint; clears it when none is due.
 * `notBefore` (ms) holds back a reminder whose deadline is already past: the panel that
 * just recorded the complaint shows it overdue itself, a notification at once is noise.
 */
export async function scheduleReminder(
  alarms: Browser['alarms'],
  record: ComplaintRecord,
  options: { notBefore?: number } = {},
): Promise<void> {
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

/** Re-creates every reminder from IndexedDB; the alarms themselves may not survive. */
export async function syncReminders(browser: Browser, db: EvidenceDB): Promise<void> {
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(REMINDER_PREFIX)) await browser.alarms.clear(alarm.name);
  }
  for (const record of await awaitingAnswer(db)) await scheduleReminder(browser.alarms, record);
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
  const record = await db.complaints.get(complaintId);
  if (!record || record.notifiedAt || record.status !== 'sent') return false;
  if (!isPastDeadline(record, now)) {
    // Fired early (clock change): wait for the real deadline.
    await scheduleReminder(browser.alarms, record);
    return false;
  }
  const { title, message } = await reminderMessage(db, record, now);
  await browser.notifications.create(reminderName(record.id), {
    type: 'basic',
    iconUrl: ICON,
    title,
    message,
    priority: 2,
    requireInteraction: true,
  });
  await db.complaints.update(record.id, { notifiedAt: now.toISOString() });
  return true;
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

/** Wires the reminders into the service worker. Listeners are added synchronously. */
export function registerReminders(browser: Browser, db: EvidenceDB): void {
  browser.runtime.onStartup.addListener(() => void syncReminders(browser, db));
  browser.runtime.onInstalled.addListener(() => void syncReminders(browser, db));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(REMINDER_PREFIX)) return;
    void handleReminder(browser, db, alarm.name.slice(REMINDER_PREFIX.length), new Date());
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(REMINDER_PREFIX)) return;
    void browser.notifications.clear(id);
    void openPanel(browser, db, id.slice(REMINDER_PREFIX.length));
  });
}
