import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, resolveAppPath } from '../../app/main/appPath.ts';

describe('app:// paths', () => {
  const root = resolve('/opt/netloom/build/web');

  it('maps URL paths into the web build', () => {
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets/a b.js'));
  });

  it('refuses paths that leave it', () => {
    expect(resolveAppPath(root, '/../../etc/passwd')).toBeNull();
    expect(resolveAppPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppPath(root, '/assets/%00.js')).toBeNull();
    expect(resolveAppPath(root, '/%E0%A4%A')).toBeNull();
  });

  it('serves scripts as JavaScript (module workers require it)', () => {
    expect(contentType('/x/editor.worker-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/x/blob.bin')).toBe('application/octet-stream');
  });
});
