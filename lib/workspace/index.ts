// The case workspace: cases, the user's annotations (as custody entries), the
// timeline, the case's gathered facts, and adding or removing evidence (issue #5).
export {
  AnnotationDetails,
  annotateEvidence,
  type CaseAnnotations,
  CorrectionDetails,
  correctFact,
  type DeletedItem,
  type FactCorrection,
  foldAnnotations,
  type ItemAnnotations,
  loadAnnotations,
  parseTags,
} from './annotations';
export {
  type CaseFacts,
  type ChecklistEntry,
  complaintChecklist,
  gatherCaseFacts,
  type MissingId,
} from './case-facts';
export {
  type CaseDetails,
  createCase,
  listCases,
  loadProfile,
  platformFromItems,
  saveProfile,
  setCaseArchived,
  switchCase,
  unarchiveCase,
  updateCase,
  visibleCases,
} from './cases';
export {
  deleteEvidence,
  type ImportedFile,
  importFile,
  kindFromFileName,
  safeFileName,
} from './evidence-ops';
export {
  correctedFacts,
  type FactRow,
  FactValueError,
  factChoices,
  factRows,
  factSchema,
  getPath,
  keyFacts,
  MESSAGE_FIELDS,
  ORDER_LIST_FIELDS,
  parseFactValue,
  setPath,
} from './facts';
export {
  PANEL_TABS,
  type PanelLocation,
  type PanelTab,
  panelPath,
  parsePanelLocation,
} from './panel-location';
export {
  dayOf,
  type TimelineEntry,
  type TimelineOrder,
  type TimelineQuery,
  type TimelineRow,
  timelineEntries,
  timelineRows,
} from './timeline';
