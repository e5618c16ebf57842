// Payload checks both ends of every channel run: nothing crosses the bridge unchecked.
import { MAX_DOCUMENT_CHARS, MENU_COMMANDS, type AutosaveRequest, type FileInfo, type MenuCommand, type OpenedFile, type OpenRecentRequest, type SaveFileAsRequest, type SaveFileRequest } from './channels.ts';

const MAX_PATH_CHARS = 4096;
const MAX_NAME_CHARS = 255;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_DOCUMENT_CHARS;
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_CHARS && !value.includes('\0');
}

/** A bare file name: no folders, no NUL, not "." or "..". */
export function isFileName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_CHARS && !/[/\\\0]/.test(value) && value !== '.' && value !== '..';
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export function isSaveFileRequest(value: unknown): value is SaveFileRequest {
  return isRecord(value) && isPath(value.path) && isText(value.text);
}

export function isSaveFileAsRequest(value: unknown): value is SaveFileAsRequest {
  return isRecord(value) && isFileName(value.suggestedName) && isText(value.text);
}

export function isAutosaveRequest(value: unknown): value is AutosaveRequest {
  return isRecord(value) && isText(value.text) && (value.file === null || isFileInfo(value.file)) && typeof value.saved === 'boolean';
}

export function isOptionalAutosave(value: unknown): value is AutosaveRequest | null {
  return value === null || isAutosaveRequest(value);
}

export function isFileInfo(value: unknown): value is FileInfo {
  return isRecord(value) && isPath(value.path) && isFileName(value.name);
}

export function isOpenedFile(value: unknown): value is OpenedFile {
  return isRecord(value) && isFileInfo(value) && isText(value.text);
}

export function isOptionalText(value: unknown): value is string | null {
  return value === null || isText(value);
}

export function isOpenRecentRequest(value: unknown): value is OpenRecentRequest {
  return isRecord(value) && isPath(value.path);
}

/** At most 100 entries: the recent list is short. */
export function isFileInfoList(value: unknown): value is FileInfo[] {
  return Array.isArray(value) && value.length <= 100 && value.every(isFileInfo);
}
