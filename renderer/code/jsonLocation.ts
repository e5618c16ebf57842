// Where in JSON text a value sits: offsets to line and column, and a path (nodes[2].params) to the
// offset of its value, by a small scanner over the text (the text is already valid JSON).

export interface TextPosition {
  /** 1-based, as editors count. */
  readonly line: number;
  readonly column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** "nodes[2].params.units" -> ['nodes', 2, 'params', 'units']. */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return parts;
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index])) index++;
  return index;
}

function stringEnd(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return text.length;
}

/** The end of the value starting at `index`. */
function valueEnd(text: string, index: number): number {
  const first = text[index];
  if (first === '"') return stringEnd(text, index);
  if (first !== '{' && first !== '[') {
    const match = /^[^,\]}\s]+/.exec(text.slice(index));
    return index + (match?.[0].length ?? 1);
  }
  let depth = 0;
  for (let at = index; at < text.length; at++) {
    const character = text[at];
    if (character === '"') at = stringEnd(text, at) - 1;
    else if (character === '{' || character === '[') depth++;
    else if ((character === '}' || character === ']') && --depth === 0) return at + 1;
  }
  return text.length;
}

/** The offset of the value of one member (a key or an index) of the container at `index`, or null. */
function memberOffset(text: string, index: number, member: string | number): number | null {
  const isObject = text[index] === '{';
  let at = skipSpace(text, index + 1);
  for (let position = 0; at < text.length && text[at] !== '}' && text[at] !== ']'; position++) {
    let key: string | number = position;
    if (isObject) {
      const end = stringEnd(text, at);
      key = JSON.parse(text.slice(at, end)) as string;
      at = skipSpace(text, skipSpace(text, end) + 1);
    }
    if (key === member) return at;
    at = skipSpace(text, valueEnd(text, at));
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return null;
}

/** The offset of the value at a path; the deepest place found when the path goes further. */
export function locatePath(text: string, path: readonly (string | number)[]): number {
  let at = skipSpace(text, 0);
  for (const member of path) {
    if (text[at] !== '{' && text[at] !== '[') break;
    const next = memberOffset(text, at, member);
    if (next === null) break;
    at = next;
  }
  return at;
}
