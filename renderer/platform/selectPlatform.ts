// Electron when the preload script exposed `window.netloom`, else the browser.
import { createBrowserPlatform } from './browserPlatform.ts';
import { createElectronPlatform } from './electronPlatform.ts';
import { findBridge } from './netloomBridge.ts';
import type { Platform } from './platform.ts';

export function selectPlatform(scope: Window = window): Platform {
  const bridge = findBridge(scope);
  return bridge === null ? createBrowserPlatform(scope) : createElectronPlatform(bridge);
}
