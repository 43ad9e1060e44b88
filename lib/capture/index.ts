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
