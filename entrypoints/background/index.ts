import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { getDb } from '@/lib/db';
import { listenForRequests } from '@/lib/messaging';

export default defineBackground(() => {
  listenForRequests(browser, createHandlers(browser, getDb()));
});
