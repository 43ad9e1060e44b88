import '@/lib/zod-setup';
import { browser } from 'wxt/browser';
import { registerEntryPoints } from '@/lib/background/entry-points';
import { createHandlers } from '@/lib/background/handlers';
import { registerReminders } from '@/lib/background/reminders';
import { getDb } from '@/lib/db';
import { listenForRequests } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDb();
  listenForRequests(browser, createHandlers(browser, db));
  registerEntryPoints(browser, db);
  registerReminders(browser, db);
});
