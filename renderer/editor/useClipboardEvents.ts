// Copy, cut and paste of layers through the system clipboard, so layers move between graphs and
// windows. The browser's copy/cut/paste events carry the data; keys that produce no such event
// (no focusable target, a menu command) fall back to the in-app clipboard.
import { useEffect, useRef, type RefObject } from 'react';
import { isTextTarget } from '../document/shortcuts.ts';
import { FRAGMENT_MIME, fragmentText, readFragment, withoutEdges, type Fragment } from './clipboard.ts';

export type ClipboardCommand = 'copy' | 'cut' | 'paste' | 'pasteWithoutEdges';

export interface ClipboardHandlers {
  /** The selected layers as a fragment, or null when none is selected. */
  readonly copy: () => Fragment | null;
  /** Removes the selected layers (after a cut copied them). */
  readonly remove: () => void;
  readonly paste: (fragment: Fragment) => void;
}

function userSelectedText(): boolean {
  return (window.getSelection()?.toString() ?? '') !== '';
}

/** The hook's state: the latest handlers, the in-app copy, and a command a key asked for. */
interface ClipboardState {
  readonly latest: RefObject<ClipboardHandlers>;
  readonly memory: RefObject<Fragment | null>;
  /** A key asked for a command; the matching clipboard event, if it comes, takes it. */
  readonly pending: RefObject<ClipboardCommand | null>;
}

/** A command no clipboard event took: copy and cut keep the fragment in the app, paste uses it. */
function runInApp({ latest, memory }: ClipboardState, command: ClipboardCommand): void {
  if (command === 'copy' || command === 'cut') {
    const fragment = latest.current.copy();
    if (fragment === null) return;
    memory.current = fragment;
    if (command === 'cut') latest.current.remove();
    return;
  }
  if (memory.current !== null) latest.current.paste(command === 'paste' ? memory.current : withoutEdges(memory.current));
}

function onCopyEvent({ latest, memory, pending }: ClipboardState, event: ClipboardEvent): void {
  const command = event.type === 'cut' ? 'cut' : 'copy';
  if (isTextTarget(event.target) || userSelectedText()) return;
  const fragment = latest.current.copy();
  if (fragment === null || event.clipboardData === null) return;
  pending.current = null;
  const text = fragmentText(fragment);
  event.clipboardData.setData(FRAGMENT_MIME, text);
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
  memory.current = fragment;
  if (command === 'cut') latest.current.remove();
}

function onPasteEvent({ latest, memory, pending }: ClipboardState, event: ClipboardEvent): void {
  if (isTextTarget(event.target) || event.clipboardData === null) return;
  const command = pending.current ?? 'paste';
  pending.current = null;
  const data = event.clipboardData;
  const fragment = readFragment(data.getData(FRAGMENT_MIME) || data.getData('text/plain'));
  event.preventDefault();
  // Text that is no fragment pastes nothing; an empty clipboard pastes the in-app copy.
  const chosen = fragment ?? (data.types.length === 0 ? memory.current : null);
  if (chosen !== null) latest.current.paste(command === 'pasteWithoutEdges' ? withoutEdges(chosen) : chosen);
}

/** Installs the listeners; the returned function runs a command from a key or a button. */
export function useClipboardEvents(handlers: ClipboardHandlers): (command: ClipboardCommand) => void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const memory = useRef<Fragment | null>(null);
  const pending = useRef<ClipboardCommand | null>(null);
  const state: ClipboardState = { latest, memory, pending };

  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => onCopyEvent(state, event);
    const onPaste = (event: ClipboardEvent) => onPasteEvent(state, event);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  return (command) => {
    // Called from a key press: let the browser's clipboard event follow, else do it in the app.
    pending.current = command;
    window.setTimeout(() => {
      if (pending.current !== command) return;
      pending.current = null;
      runInApp(state, command);
    }, 0);
  };
}
