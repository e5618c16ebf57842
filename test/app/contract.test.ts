import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  isAutosaveRequest,
  isOptionalAutosave,
  isFileInfoList,
  isFileName,
  isMenuCommand,
  isOpenedFile,
  isOpenRecentRequest,
  isSaveFileAsRequest,
  isSaveFileRequest,
  MAX_DOCUMENT_CHARS,
  type NetloomApi,
} from '../../app/contract/index.ts';
import type { NetloomBridge } from '../../renderer/platform/netloomBridge.ts';

// The renderer may not import app/, so it mirrors the preload API; these fail to compile if the two drift apart.
type Assignable<From, To> = [From] extends [To] ? true : false;
const rendererAcceptsPreload: Assignable<NetloomApi, NetloomBridge> = true;
const preloadMatchesRenderer: Assignable<NetloomBridge, NetloomApi> = true;

describe('IPC contract', () => {
  it('keeps the preload API and the renderer bridge type in step', () => {
    expect([rendererAcceptsPreload, preloadMatchesRenderer]).toEqual([true, true]);
  });

  it('names each channel once, under the netloom: prefix', () => {
    const names = Object.values(CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.startsWith('netloom:'))).toBe(true);
  });

  it('accepts well-formed payloads', () => {
    expect(isSaveFileRequest({ path: '/home/ada/xo.json', text: '{}' })).toBe(true);
    expect(isSaveFileAsRequest({ suggestedName: 'xo.netloom.json', text: '{}' })).toBe(true);
    expect(isAutosaveRequest({ text: '', file: null, saved: false })).toBe(true);
    expect(isAutosaveRequest({ text: '{}', file: { path: '/home/ada/xo.json', name: 'xo.json' }, saved: true })).toBe(true);
    expect(isOptionalAutosave(null)).toBe(true);
    expect(isOpenedFile({ path: 'C:\\graphs\\xo.json', name: 'xo.json', text: '{}' })).toBe(true);
    expect(isMenuCommand('saveAs')).toBe(true);
    expect(isMenuCommand('undo') && isMenuCommand('redo')).toBe(true);
    expect(isOpenRecentRequest({ path: '/home/ada/xo.json' })).toBe(true);
    expect(isFileInfoList([{ path: '/a.json', name: 'a.json' }])).toBe(true);
    expect(isFileInfoList([])).toBe(true);
  });

  it('refuses malformed ones', () => {
    expect(isSaveFileRequest({ path: '', text: '{}' })).toBe(false);
    expect(isSaveFileRequest({ path: '/a\0b', text: '{}' })).toBe(false);
    expect(isSaveFileRequest({ path: '/a', text: 42 })).toBe(false);
    expect(isSaveFileRequest(null)).toBe(false);
    expect(isSaveFileAsRequest({ suggestedName: '../../etc/passwd', text: '' })).toBe(false);
    expect(isSaveFileAsRequest({ suggestedName: 'a/b.json', text: '' })).toBe(false);
    expect(isAutosaveRequest({ text: 'x'.repeat(MAX_DOCUMENT_CHARS + 1), file: null, saved: false })).toBe(false);
    expect(isAutosaveRequest({ text: '' })).toBe(false);
    expect(isAutosaveRequest({ text: '', file: { path: '/a.json', name: '../a.json' }, saved: true })).toBe(false);
    expect(isAutosaveRequest({ text: '', file: null, saved: 'yes' })).toBe(false);
    expect(isOptionalAutosave('text')).toBe(false);
    expect(isAutosaveRequest(['text'])).toBe(false);
    expect(isOpenedFile({ path: '/a.json', name: 'a.json' })).toBe(false);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isFileName('..')).toBe(false);
    expect(isOpenRecentRequest({ path: '' })).toBe(false);
    expect(isOpenRecentRequest('/a.json')).toBe(false);
    expect(isFileInfoList([{ path: '/a.json', name: 'a/b.json' }])).toBe(false);
    expect(isFileInfoList(Array.from({ length: 101 }, () => ({ path: '/a.json', name: 'a.json' })))).toBe(false);
  });
});
