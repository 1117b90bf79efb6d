export { axeViolations } from './axe.js';
export {
  ARTIFACTS,
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  type WatchedPage,
  WIDTHS,
} from './browser.js';
export { DEMO_ACCOUNTS, missingBuild, type RunningServer, startParleyServer } from './parley-server.js';
