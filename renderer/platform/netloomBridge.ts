// The preload API as the renderer sees it (`window.netloom`): the types of app/contract.
import type { FileInfo, MenuCommand, NetloomApi, OpenedFile } from '../../app/contract/index.ts';

export type BridgeFile = FileInfo;
export type BridgeOpenedFile = OpenedFile;
export type BridgeMenuCommand = MenuCommand;
export type NetloomBridge = NetloomApi;

/** `window.netloom` when the preload script exposed it, else null (a plain browser). */
export function findBridge(scope: object): NetloomBridge | null {
  const candidate = (scope as { netloom?: unknown }).netloom;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Partial<NetloomBridge>;
  return bridge.version === 1 && typeof bridge.openFile === 'function' ? (bridge as NetloomBridge) : null;
}
