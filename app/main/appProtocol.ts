// The app:// scheme (netloom://app/...): serves the built renderer with its CSP, instead of file://.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../contract/index.ts';
import { contentType, resolveAppPath } from './appPath.ts';
import { APP_HOST, APP_SCHEME } from './startUrl.ts';

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveApp(webRoot: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.host === APP_HOST ? resolveAppPath(webRoot, url.pathname) : null;
    if (path === null) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).toString());
    if (!file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, {
      status: 200,
      headers: {
        'Content-Type': contentType(path),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        ...CROSS_ORIGIN_ISOLATION_HEADERS,
      },
    });
  });
}
