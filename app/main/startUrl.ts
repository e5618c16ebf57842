// Where the window loads from: the Vite dev server when NETLOOM_DEV_SERVER_URL names one on this
// machine, else the built renderer through the app:// scheme. NETLOOM_EXAMPLE (or --example=NAME)
// picks the example it opens on.

export const APP_SCHEME = 'netloom';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server URL if it is an http(s) URL on this machine; anything else is refused. */
export function devServerUrl(value: string | undefined): URL | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`NETLOOM_DEV_SERVER_URL is not a URL: "${value}".`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`NETLOOM_DEV_SERVER_URL must be an http URL on localhost, not "${value}".`);
  }
  return url;
}

/** `--example=lenet5` on the command line, else NETLOOM_EXAMPLE. */
export function requestedExample(argv: readonly string[], environment: Readonly<Record<string, string | undefined>>): string | null {
  const flag = argv.find((argument) => argument.startsWith('--example='));
  const value = flag !== undefined ? flag.slice('--example='.length) : environment.NETLOOM_EXAMPLE;
  return value !== undefined && /^[A-Za-z0-9_.-]+$/.test(value) ? value : null;
}

export function startUrl(environment: Readonly<Record<string, string | undefined>>, argv: readonly string[]): string {
  const dev = devServerUrl(environment.NETLOOM_DEV_SERVER_URL);
  const url = dev ?? new URL(`${APP_ORIGIN}/index.html`);
  const example = requestedExample(argv, environment);
  if (example !== null) url.searchParams.set('example', example);
  return url.toString();
}

/** The origins whose pages may use the IPC channels and navigate within the window. */
export function trustedOrigins(environment: Readonly<Record<string, string | undefined>>): string[] {
  const dev = devServerUrl(environment.NETLOOM_DEV_SERVER_URL);
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev.origin];
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    const origin = parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
    return origins.includes(origin);
  } catch {
    return false;
  }
}
