import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../app/main/contentSecurity.ts';
import { devServerUrl, isTrustedUrl, requestedExample, startUrl, trustedOrigins } from '../../app/main/startUrl.ts';

describe('start URL', () => {
  it('loads the built app through netloom://app, on the requested example', () => {
    expect(startUrl({}, [])).toBe('netloom://app/index.html');
    expect(startUrl({ NETLOOM_EXAMPLE: 'lenet5' }, [])).toBe('netloom://app/index.html?example=lenet5');
    expect(startUrl({ NETLOOM_EXAMPLE: 'lenet5' }, ['electron', '.', '--example=mnist-mlp'])).toBe('netloom://app/index.html?example=mnist-mlp');
    expect(requestedExample([], { NETLOOM_EXAMPLE: '../../x' })).toBeNull();
  });

  it('loads a local dev server when one is named, and nothing remote', () => {
    expect(startUrl({ NETLOOM_DEV_SERVER_URL: 'http://localhost:5173/' }, [])).toBe('http://localhost:5173/');
    expect(() => devServerUrl('https://example.com/')).toThrow(/localhost/);
    expect(() => devServerUrl('file:///etc/passwd')).toThrow(/localhost/);
    expect(() => devServerUrl('not a url')).toThrow(/not a URL/);
    expect(devServerUrl('')).toBeNull();
  });

  it('trusts only its own origins', () => {
    const origins = trustedOrigins({ NETLOOM_DEV_SERVER_URL: 'http://127.0.0.1:5173' });
    expect(origins).toEqual(['netloom://app', 'http://127.0.0.1:5173']);
    expect(isTrustedUrl('netloom://app/index.html?example=xo-cnn', origins)).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5173/src/main.tsx', origins)).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5174/', origins)).toBe(false);
    expect(isTrustedUrl('netloom://evil/index.html', origins)).toBe(false);
    expect(isTrustedUrl('https://example.com/', origins)).toBe(false);
    expect(isTrustedUrl('', origins)).toBe(false);
  });

  it('sets a strict CSP, loosened only for the dev server', () => {
    const strict = contentSecurityPolicy(null);
    expect(strict).toContain("script-src 'self';");
    expect(strict).toContain("object-src 'none'");
    expect(strict).not.toContain('unsafe-eval');
    const dev = contentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline' http://localhost:5173");
    expect(dev).toContain('ws://localhost:5173');
  });
});
