import { defineConfig } from 'wxt';

// Reminders (complaint deadlines) are asked for when a complaint is marked as sent. The
// end-to-end tests of the notifications themselves build with
// KAMENG_REMINDERS_AT_INSTALL=1, which grants them at install instead: headless Chromium
// cannot answer the permission prompt that `notifications` shows.
const REMINDER_PERMISSIONS = ['alarms', 'notifications'] as const;
const remindersAtInstall = process.env.KAMENG_REMINDERS_AT_INSTALL === '1';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  // KAMENG_OUT_DIR lets parallel work build into separate folders (see scripts/lib/build.ts).
  outDir: process.env.KAMENG_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: [
      'activeTab',
      'tabs',
      'scripting',
      'pageCapture',
      'downloads',
      'contextMenus',
      'sidePanel',
      'storage',
      'unlimitedStorage',
      ...(remindersAtInstall ? REMINDER_PERMISSIONS : []),
    ],
    optional_permissions: remindersAtInstall ? [] : [...REMINDER_PERMISSIONS],
    host_permissions: ['<all_urls>'],
    side_panel: { default_path: 'sidepanel.html' },
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandCapture__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
});
