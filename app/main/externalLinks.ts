// Links out of the app: opened in the system browser only when they are https and their host is one
// the app links to. Anything else is logged and dropped, so a page cannot hand the OS an arbitrary URL.

/**
 * The hosts the renderer and main link to. Add a host here when a link to it is added; a test
 * checks that this list and the https links in renderer/ and app/ name the same hosts.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

export type ExternalLinkDecision = { readonly open: true; readonly url: string } | { readonly open: false; readonly reason: string };

/** Whether `url` may be handed to the system browser, and why not when it may not. */
export function decideExternalLink(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): ExternalLinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { open: false, reason: 'it is not a URL' };
  }
  if (parsed.protocol !== 'https:') return { open: false, reason: `only https links open outside the app, not ${parsed.protocol}` };
  if (parsed.username !== '' || parsed.password !== '') return { open: false, reason: 'it carries a user name or password' };
  if (parsed.port !== '') return { open: false, reason: `it names port ${parsed.port}` };
  if (!hosts.includes(parsed.hostname)) return { open: false, reason: `${parsed.hostname} is not a host the app links to (app/main/externalLinks.ts)` };
  return { open: true, url: parsed.toString() };
}

export interface ExternalOpener {
  /** shell.openExternal in the app. */
  open(url: string): Promise<void>;
  log(message: string): void;
}

/** Opens `url` in the system browser if allowed; logs and drops it otherwise. Returns whether it opened. */
export function openExternalLink(url: string, opener: ExternalOpener, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const decision = decideExternalLink(url, hosts);
  if (!decision.open) {
    opener.log(`Refused to open ${JSON.stringify(url.slice(0, 200))} outside the app: ${decision.reason}.`);
    return false;
  }
  opener.open(decision.url).catch((cause: unknown) => {
    opener.log(`Could not open ${decision.url} in the system browser: ${cause instanceof Error ? cause.message : String(cause)}.`);
  });
  return true;
}
