export { CAPTURE_SCRIPT, createBrowserCaptureEnv, dataUrlBytes } from './browser-env';
export {
  type CaptureEnv,
  type CaptureRequest,
  type CaptureResult,
  captureTab,
  type TabInfo,
} from './capture-tab';
export { CaptureError, type CaptureErrorCode, toCaptureError } from './errors';
export { PageSnapshot, serializeDocument, snapshotPage } from './page-snapshot';
export { type RestrictedReason, restrictedReason } from './restricted';
export { CHINA_TIME_ZONE, toChinaIso } from './time';
export {
  captureFullPage,
  type FullPageEnv,
  type FullPageResult,
  rateLimitedShooter,
} from './full-page-capture';
export {
  MAX_CANVAS_AREA,
  MAX_CANVAS_SIDE,
  MAX_SLICES,
  planSlices,
  planTiles,
  type SlicePlan,
} from './full-page';
export { measurePage, type PageMeasure, preparePageSlice, restorePage } from './page-functions';
