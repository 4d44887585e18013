// A server action's arguments arrive as a React "reply" (what React's encodeReply writes): one JSON
// row for plain values (a text/plain body), or multipart form data whose fields are JSON rows,
// files and forms. Next.js decodes the reply in its action handler, before any of our code runs,
// and answers 500 to anything React's decoder throws on. readReply accepts what React's client
// writes and refuses what the decoder would throw on, so the proxy can answer 400 instead. The
// grammar is parseModelString in react-server-dom-*/server (React 19); action-reply.test.ts holds
// this module to React's own encoder and decoder.

export type ReplyField = string | Blob;

export interface ReplySource {
  /** A field by name (a text body is the single field "0"); null when absent or repeated. */
  get(name: string): ReplyField | null | undefined;
  /**
   * Where a field stands in a multipart body, which Next.js decodes as it streams in: the rows and
   * files that the root row reads at once must come before it. Absent for bodies decoded whole.
   */
  position?(name: string): number | undefined;
  /** Field names' prefix: "" for a fetch call, "$ACTION_<n>:" for a form's bound action. */
  prefix: string;
  /** Next.js gives the decoder temporary references for fetch calls only. */
  temporaryReferences: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// React's decoder recurses through values and through the rows they reference, and refuses
// arrays whose slots and strings add up past a million (its arraySizeLimit). This app's
// arguments are a form or a few plain objects, far inside all three limits.
const MAX_DEPTH = 64;
const MAX_ROWS = 1000;
const ARRAY_SIZE_LIMIT = 1_000_000;

const INVALID = Symbol("invalid");
type Row = Json | typeof INVALID;

function hexId(text: string): number | null {
  return /^[0-9a-f]{1,12}$/.test(text) ? parseInt(text, 16) : null;
}

/** A token's reference to another row: its id, the path inside it, and whether it is read at once. */
function referenceOf(text: string): { id: number; path: string[]; eager: boolean } | null {
  const tag = text[1] ?? "";
  const reference = /^[0-9a-f]$/.test(tag)
    ? text.slice(1)
    : /^[@QWi]$/.test(tag)
      ? text.slice(2)
      : null;
  if (reference === null) return null;
  const [head = "", ...path] = reference.split(":");
  const id = hexId(head);
  if (id === null || (tag === "@" && path.length > 0)) return null;
  // "$@" is a promise of the row, read when awaited; the others are read while parsing.
  return { id, path, eager: tag !== "@" };
}

/** The decoded root of a well-formed reply (row 0), or undefined when React would refuse it. */
export function readReply(source: ReplySource): Json | undefined {
  const rows = new Map<number, Row>();
  const name = (id: number) => `${source.prefix}${id}`;

  function row(id: number): Row {
    const known = rows.get(id);
    if (known !== undefined) return known;
    if (rows.size >= MAX_ROWS) return INVALID;
    const field = source.get(name(id));
    let value: Row = INVALID;
    if (typeof field === "string") {
      try {
        value = JSON.parse(field) as Json;
      } catch {
        value = INVALID;
      }
    }
    rows.set(id, value);
    return value;
  }

  function resolve(id: number, path: string[]): Row {
    let value = row(id);
    for (const key of path) {
      if (value === INVALID || typeof value !== "object" || value === null) return INVALID;
      if (!Object.hasOwn(value, key)) return INVALID;
      value = (value as Record<string, Json>)[key]!;
    }
    return value;
  }

  // Read at once while the root is parsed: present before the root in a streamed body.
  const rootAt = source.position?.(name(0));
  function arrivedBeforeRoot(id: number): boolean {
    if (rootAt === undefined || id === 0) return true;
    const at = source.position!(name(id));
    return at !== undefined && at < rootAt;
  }

  // The slots an array's context counts (React's bumpArrayCount): every array nested directly
  // in arrays, the strings directly in them, and what references placed in them point to. The
  // decoder refuses a context past the limit once one of its arrays has two items or more.
  type Context = { count: number; fork: boolean };
  const contexts = new Map<Json[], Context>();
  const OVER: Context = { count: Infinity, fork: true };
  function context(array: Json[], seen: Set<Json[]>): Context {
    const known = contexts.get(array);
    if (known !== undefined) return known;
    // Deeper than the walk allows (it refuses those anyway), or a cycle.
    if (seen.size > MAX_DEPTH || seen.has(array)) return OVER;
    seen.add(array);
    const total: Context = { count: array.length + 1, fork: array.length > 1 };
    for (const item of array) {
      if (total.count > ARRAY_SIZE_LIMIT && total.fork) break;
      const inner = Array.isArray(item)
        ? context(item, seen)
        : typeof item === "string"
          ? stringContext(item, seen)
          : null;
      if (inner === null) continue;
      total.count += inner.count;
      total.fork ||= inner.fork;
    }
    seen.delete(array);
    contexts.set(array, total);
    return total;
  }
  function stringContext(text: string, seen: Set<Json[]>): Context {
    if (text[0] !== "$") return { count: text.length, fork: false };
    if (text[1] === "$") return { count: text.length - 1, fork: false };
    if (text[1] === "n") return { count: text.length - 2, fork: false };
    const reference = referenceOf(text);
    if (reference === null || !reference.eager) return { count: 0, fork: false };
    const value = resolve(reference.id, reference.path);
    if (Array.isArray(value)) return context(value, seen);
    return { count: typeof value === "string" ? value.length : 0, fork: false };
  }

  function wellFormedString(text: string, eager: boolean): boolean {
    if (text[0] !== "$") return true;
    const tag = text[1];
    const rest = text.slice(2);
    switch (tag) {
      case "$": // an escaped string
      case "u": // undefined
      case "N": // NaN
      case "I": // Infinity
      case "-": // -0, -Infinity
      case "D": // a date (an invalid one is still a Date)
        return true;
      case "T":
        return source.temporaryReferences;
      case "n":
        return rest.length <= 300 && /^-?\d+$/.test(rest);
      case "K": // a FormData of the fields named "_<id>_…"
        return hexId(rest) !== null;
      case "B": {
        const id = hexId(rest);
        return (
          id !== null && source.get(name(id)) instanceof Blob && (!eager || arrivedBeforeRoot(id))
        );
      }
    }
    // A row by its hex id, or a Map ("$Q"), Set ("$W"), iterator ("$i") or promise ("$@") of
    // one. Everything else (server references "$h", typed arrays, streams, unknown tags) this
    // app's clients never send, and the decoder may throw on.
    const reference = referenceOf(text);
    if (reference === null) return false;
    if (eager && reference.eager && !arrivedBeforeRoot(reference.id)) return false;
    const value = resolve(reference.id, reference.path);
    if (value === INVALID) return false;
    if (tag === "Q") return Array.isArray(value) && value.every((entry) => Array.isArray(entry));
    if (tag === "W" || tag === "i") return Array.isArray(value);
    return true;
  }

  const root = row(0);
  if (root === INVALID) return undefined;
  // Depth-first in document order, following each reference when first met, as the decoder does:
  // its recursion runs through the rows it reads at once, so depth adds up across them. A row
  // behind a promise is read later, when the whole body has arrived.
  const walked = { eager: new Set<number>([0]), lazy: new Set<number>() };
  const stack: [Json, number, boolean][] = [[root, 0, true]];
  while (stack.length > 0) {
    const [value, depth, eager] = stack.pop()!;
    if (depth > MAX_DEPTH) return undefined;
    if (typeof value === "string") {
      if (!wellFormedString(value, eager)) return undefined;
      const reference = value[0] === "$" ? referenceOf(value) : null;
      if (reference === null) continue;
      const readNow = eager && reference.eager;
      if (walked.eager.has(reference.id) || (!readNow && walked.lazy.has(reference.id))) continue;
      (readNow ? walked.eager : walked.lazy).add(reference.id);
      stack.push([row(reference.id) as Json, depth + 1, readNow]);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      const { count, fork } = context(value, new Set());
      if (count > ARRAY_SIZE_LIMIT && fork) return undefined;
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1, eager]);
  }
  return root;
}

/** A fetch call's arguments: a well-formed reply whose root is the argument list. */
export function isWellFormedArguments(source: ReplySource): boolean {
  return Array.isArray(readReply(source));
}
