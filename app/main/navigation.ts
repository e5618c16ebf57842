// Keeps the window on the app's own origins: every navigation, redirect and frame navigation to any
// other origin is cancelled, and no page opens a window. A link the user follows to an allowed
// external host opens in the system browser instead (externalLinks.ts).
import { isTrustedUrl } from './startUrl.ts';

/** The part of an Electron navigation event the guard reads and cancels. */
export interface NavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

export type NavigationListener = (event: NavigationEvent) => void;

/** The part of Electron's WebContents the guard hooks. */
export interface NavigableContents {
  on(event: 'will-navigate', listener: NavigationListener): unknown;
  on(event: 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-frame-navigate', listener: NavigationListener): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** A subframe may show an empty or inline document: it has its parent's origin and loads nothing. */
const INLINE_FRAME_URLS = new Set(['about:blank', 'about:srcdoc']);

/** Whether a frame may go to `url`: a page of a trusted origin, or an inline document in a subframe. */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[], isMainFrame: boolean): boolean {
  if (!isMainFrame && INLINE_FRAME_URLS.has(url)) return true;
  return isTrustedUrl(url, trustedOrigins);
}

export interface NavigationGuardOptions {
  readonly trustedOrigins: readonly string[];
  /** Offered a link the user followed out of the app (openExternalLink, which checks and logs). */
  readonly openExternal: (url: string) => void;
  readonly log: (message: string) => void;
}

function guard(kind: string, options: NavigationGuardOptions, followLinks: boolean): NavigationListener {
  return (event) => {
    if (isNavigationAllowed(event.url, options.trustedOrigins, event.isMainFrame)) return;
    event.preventDefault();
    if (followLinks && event.isMainFrame) options.openExternal(event.url);
    else options.log(`Refused ${kind} to ${JSON.stringify(event.url.slice(0, 200))}: the window stays on the app's own pages.`);
  };
}

/**
 * Electron emits will-frame-navigate for every frame, the main one included, then will-navigate for
 * the main frame if the first was not cancelled; both are guarded, and a link followed in the main
 * frame is offered to the system browser by whichever cancels it. Redirects are never followed out.
 */
export function guardNavigation(contents: NavigableContents, options: NavigationGuardOptions): void {
  contents.on('will-frame-navigate', guard('navigation', options, true));
  contents.on('will-navigate', guard('navigation', options, true));
  contents.on('will-redirect', guard('redirect', options, false));
  contents.setWindowOpenHandler(({ url }) => {
    options.openExternal(url);
    return { action: 'deny' };
  });
}
