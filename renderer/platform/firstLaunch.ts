// The first-launch flag in Web Storage: true once, then false, on this machine and origin.
const LAUNCHED_KEY = 'netloom.launched';

/** True if the app never started here before (and records that it now has). No storage: never first. */
export function firstLaunchFlag(storage: Pick<Storage, 'getItem' | 'setItem'> | null): boolean {
  if (storage === null) return false;
  try {
    if (storage.getItem(LAUNCHED_KEY) !== null) return false;
    storage.setItem(LAUNCHED_KEY, new Date().toISOString());
    return true;
  } catch {
    return false;
  }
}
