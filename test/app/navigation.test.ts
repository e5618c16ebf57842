import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideExternalLink, EXTERNAL_LINK_HOSTS, openExternalLink } from '../../app/main/externalLinks.ts';
import { guardNavigation, isNavigationAllowed, type NavigableContents, type NavigationListener } from '../../app/main/navigation.ts';
import { trustedOrigins } from '../../app/main/startUrl.ts';

type GuardedEvent = 'will-navigate' | 'will-redirect' | 'will-frame-navigate';

/** A stand-in for WebContents that records the listeners the guard installs. */
function fakeContents(): { contents: NavigableContents; emit(name: GuardedEvent, url: string, isMainFrame?: boolean): boolean; openWindow(url: string): string } {
  const listeners = new Map<GuardedEvent, NavigationListener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: NavigableContents = {
    on(name: GuardedEvent, listener: NavigationListener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  return {
    contents,
    /** Emits as Electron does; returns whether a listener cancelled the navigation. */
    emit(name, url, isMainFrame = true) {
      let prevented = false;
      for (const listener of listeners.get(name) ?? []) listener({ url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    },
    openWindow: (url) => openHandler?.({ url }).action ?? 'no handler',
  };
}

function guarded(environment: Record<string, string | undefined>) {
  const fake = fakeContents();
  const offered: string[] = [];
  const logged: string[] = [];
  guardNavigation(fake.contents, { trustedOrigins: trustedOrigins(environment), openExternal: (url) => offered.push(url), log: (message) => logged.push(message) });
  return { ...fake, offered, logged };
}

describe('navigation guard', () => {
  it('lets every frame move within netloom://app and cancels every other origin, on all three events', () => {
    const window = guarded({});
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(window.emit(name, 'netloom://app/index.html?example=lenet5')).toBe(false);
      expect(window.emit(name, 'netloom://app/assets/index.js', false)).toBe(false);
      for (const url of ['https://example.com/', 'http://localhost:5173/', 'netloom://evil/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'not a url']) {
        expect(window.emit(name, url), `${name} ${url}`).toBe(true);
        expect(window.emit(name, url, false), `${name} subframe ${url}`).toBe(true);
      }
    }
  });

  it('trusts the dev server only when one is named', () => {
    const window = guarded({ NETLOOM_DEV_SERVER_URL: 'http://localhost:5173' });
    expect(window.emit('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(window.emit('will-redirect', 'http://localhost:5174/')).toBe(true);
  });

  it('offers a followed link to the external-link check, and logs redirects and subframes instead', () => {
    const window = guarded({});
    window.emit('will-frame-navigate', 'https://example.com/docs');
    window.emit('will-redirect', 'https://example.com/elsewhere');
    window.emit('will-frame-navigate', 'https://example.com/ad', false);
    expect(window.offered).toEqual(['https://example.com/docs']);
    expect(window.logged).toHaveLength(2);
    expect(window.logged[0]).toContain('Refused redirect to "https://example.com/elsewhere"');
  });

  it('never opens a window; window.open goes to the external-link check', () => {
    const window = guarded({});
    expect(window.openWindow('netloom://app/index.html')).toBe('deny');
    expect(window.openWindow('https://example.com/')).toBe('deny');
    expect(window.offered).toEqual(['netloom://app/index.html', 'https://example.com/']);
  });

  it('allows only inline documents in subframes besides the app', () => {
    expect(isNavigationAllowed('about:srcdoc', ['netloom://app'], false)).toBe(true);
    expect(isNavigationAllowed('about:blank', ['netloom://app'], true)).toBe(false);
  });
});

describe('external links', () => {
  it('opens only https URLs on the listed hosts, without credentials or ports', () => {
    const hosts = ['docs.example.org'];
    expect(decideExternalLink('https://docs.example.org/layers#dense', hosts)).toEqual({ open: true, url: 'https://docs.example.org/layers#dense' });
    expect(decideExternalLink('https://DOCS.example.org/', hosts)).toEqual({ open: true, url: 'https://docs.example.org/' });
    expect(decideExternalLink('http://docs.example.org/', hosts)).toMatchObject({ open: false, reason: expect.stringContaining('only https') });
    expect(decideExternalLink('https://evil.example.org/', hosts)).toMatchObject({ open: false, reason: expect.stringContaining('evil.example.org is not a host') });
    expect(decideExternalLink('https://docs.example.org.evil.net/', hosts).open).toBe(false);
    expect(decideExternalLink('https://user:pw@docs.example.org/', hosts).open).toBe(false);
    expect(decideExternalLink('https://docs.example.org:8443/', hosts).open).toBe(false);
    expect(decideExternalLink('file:///etc/passwd', hosts).open).toBe(false);
    expect(decideExternalLink('smb://docs.example.org/share', hosts).open).toBe(false);
    expect(decideExternalLink('', hosts).open).toBe(false);
  });

  it('logs a refused URL and does not open it; opens an allowed one', async () => {
    const opened: string[] = [];
    const logged: string[] = [];
    const opener = { open: async (url: string) => void opened.push(url), log: (message: string) => logged.push(message) };
    expect(openExternalLink('https://attacker.example/', opener, ['docs.example.org'])).toBe(false);
    expect(openExternalLink('https://docs.example.org/a', opener, ['docs.example.org'])).toBe(true);
    await Promise.resolve();
    expect(opened).toEqual(['https://docs.example.org/a']);
    expect(logged).toEqual(['Refused to open "https://attacker.example/" outside the app: attacker.example is not a host the app links to (app/main/externalLinks.ts).']);
  });

  it('lists exactly the hosts that renderer/ and app/ link to', () => {
    const linked = new Set<string>();
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return sources(path);
        return /\.(ts|tsx|html|css)$/.test(entry.name) ? [path] : [];
      });
    for (const file of ['../../renderer', '../../app'].flatMap((folder) => sources(fileURLToPath(new URL(folder, import.meta.url))))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/https:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) linked.add((match[1] ?? '').toLowerCase());
    }
    expect([...EXTERNAL_LINK_HOSTS].sort()).toEqual([...linked].sort());
  });
});
