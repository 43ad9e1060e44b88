/**
 * Where the panel page opens: a case and a tab in its query string
 * (`sidepanel.html?case=ID&tab=complaints`), so a reminder opens its own complaint.
 */

/** The panel's tabs, in the order the tab bar shows them. */
export const PANEL_TABS = ['timeline', 'case', 'complaints', 'profile'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface PanelLocation {
  caseId?: string;
  tab?: PanelTab;
}

/** The extension path of the panel page showing `location`. */
export function panelPath(location: PanelLocation): string {
  const params = new URLSearchParams();
  if (location.caseId) params.set('case', location.caseId);
  if (location.tab) params.set('tab', location.tab);
  const query = params.toString();
  return query ? `/sidepanel.html?${query}` : '/sidepanel.html';
}

/** Reads a panel location from a query string; unknown tabs and empty values are dropped. */
export function parsePanelLocation(search: string): PanelLocation {
  const params = new URLSearchParams(search);
  const caseId = params.get('case') || undefined;
  const tab = params.get('tab');
  return {
    caseId,
    tab: PANEL_TABS.find((t) => t === tab),
  };
}
