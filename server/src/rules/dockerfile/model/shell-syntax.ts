/**
 * mvdan/sh's syntax tree, read as the GopherJS build `mvdan-sh` holds it in memory.
 *
 * Why not through the package's JS API: every node it hands to JavaScript (`syntax.Walk`'s callback,
 * `call.Args`, `word.Parts`, …) is a fresh wrapper object with a getter per field and method, built by
 * GopherJS's externalisation. On the 300-Dockerfile benchmark corpus that bridge cost 5.5 s of CPU
 * (and most of 3.5 s of garbage collection) against 0.7 s for parsing itself (issue 16). The parsed
 * file's wrapper exposes the Go value it wraps (`__internal_object__`), and GopherJS keeps Go structs
 * as plain objects whose properties are the Go field names, slices as `{ $array, $offset, $length }`,
 * pointers' types in `constructor.string` (`*syntax.CallExpr`) and methods (`Pos()`, `End()`) on their
 * prototypes. Reading those directly allocates nothing. mvdan-sh is pinned; the Dockerfile tests
 * (unit, real-world, conformance) read every shape used here, so a change of layout fails them.
 *
 * Only this file knows that layout; run-script.ts works with the types below.
 */
import sh from 'mvdan-sh';

/** A Go slice. */
export interface GoSlice<T> {
  $array: ArrayLike<T>;
  $offset: number;
  $length: number;
}

interface GoType {
  string: string;
  nil: unknown;
  elem?: { fields: Array<{ prop: string; exported: boolean }> };
}

/** Any node of the tree (a Go pointer to a syntax struct). */
export interface ShellNode {
  constructor: GoType;
  Pos(): { Offset(): number };
  End(): { Offset(): number };
}
export interface ShellFile extends ShellNode {
  Stmts: GoSlice<Stmt>;
}
export interface Stmt extends ShellNode {
  Cmd: ShellNode;
  Negated: boolean;
  Redirs: GoSlice<Redirect>;
}
export interface Redirect extends ShellNode {
  Op: number;
}
export interface CallExpr extends ShellNode {
  Args: GoSlice<Word>;
}
export interface Word extends ShellNode {
  Parts: GoSlice<ShellNode>;
}
export interface Lit extends ShellNode {
  Value: string;
}
export interface DblQuoted extends ShellNode {
  Parts: GoSlice<ShellNode>;
}
export interface BinaryCmd extends ShellNode {
  Op: number;
  OpPos: { Offset(): number };
  X: Stmt;
  Y: Stmt;
}
export interface StmtList extends ShellNode {
  Stmts: GoSlice<Stmt>;
}

// Made on first use: the bundles load the shell parser only when a Dockerfile has a RUN to parse (start-up time).
let parser: sh.Parser | undefined;
const shellParser = () =>
  (parser ??= sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash)));

/**
 * Trees of recently parsed scripts, by text (or the syntax error): typing in a Dockerfile changes one
 * instruction at a time, and the editor's check after each keystroke would otherwise parse every RUN again
 * (most of a check's time, issue 16). A tree holds offsets into its own script only, and nothing changes
 * it after parsing, so one tree serves every file and version with that script. Bounded by the length of
 * the scripts kept, so a CLI run over thousands of files holds only the latest.
 */
const recentTrees = new Map<string, ShellFile | Error>();
const RECENT_TEXT_LIMIT = 512 * 1024;
let recentTextLength = 0;

/** Forgets the kept trees: the next parse of each script is a fresh one (tests compare the two). */
export function forgetShellTrees(): void {
  recentTrees.clear();
  recentTextLength = 0;
}

/** Parses a bash script; throws on a syntax error. Offsets in the tree are UTF-8 byte offsets. */
export function parseShell(text: string): ShellFile {
  let parsed = recentTrees.get(text);
  if (parsed) {
    // Most recently used last: the oldest entries are dropped first.
    recentTrees.delete(text);
  } else {
    try {
      parsed = (shellParser().Parse(text, '') as unknown as { __internal_object__: ShellFile }).__internal_object__;
    } catch (error) {
      parsed = error instanceof Error ? error : new Error(String(error));
    }
    recentTextLength += text.length;
    for (const [oldest] of recentTrees) {
      if (recentTextLength <= RECENT_TEXT_LIMIT) break;
      recentTrees.delete(oldest);
      recentTextLength -= oldest.length;
    }
  }
  if (text.length <= RECENT_TEXT_LIMIT) recentTrees.set(text, parsed);
  else recentTextLength -= text.length;
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

const SYNTAX_POINTER = '*syntax.';

/** `CallExpr`, `BinaryCmd`, …; undefined for a nil pointer or interface. */
export function nodeType(node: ShellNode | null | undefined): string | undefined {
  if (!isNode(node)) return undefined;
  return node.constructor.string.slice(SYNTAX_POINTER.length);
}

function isNode(value: unknown): value is ShellNode {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as ShellNode).constructor as GoType | undefined;
  return typeof type?.string === 'string' && type.string.startsWith(SYNTAX_POINTER) && value !== type.nil;
}

/** The elements of a Go slice. */
export function items<T>(slice: GoSlice<T> | null | undefined): T[] {
  if (!slice || slice.$length === 0) return [];
  return Array.prototype.slice.call(slice.$array, slice.$offset, slice.$offset + slice.$length) as T[];
}

/** GopherJS keeps a Go string as one character per UTF-8 byte: the JavaScript string it stands for. */
export function goString(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  return new TextDecoder().decode(Uint8Array.from(value, (ch) => ch.charCodeAt(0)));
}

const exportedFields = new Map<GoType, string[]>();

/**
 * Visits `node` and every node below it, parents first and children in field order (source order),
 * as `syntax.Walk` does; `visit` returning false skips the node's children.
 */
export function walk(node: ShellNode, visit: (node: ShellNode) => boolean): void {
  if (!visit(node)) return;
  const type = node.constructor;
  let fields = exportedFields.get(type);
  if (!fields) {
    fields = (type.elem?.fields ?? []).filter((field) => field.exported).map((field) => field.prop);
    exportedFields.set(type, fields);
  }
  for (const field of fields) {
    const value = (node as unknown as Record<string, unknown>)[field];
    if (isNode(value)) walk(value, visit);
    else if (isSlice(value)) {
      for (const item of items(value)) if (isNode(item)) walk(item, visit);
    }
  }
}

function isSlice(value: unknown): value is GoSlice<unknown> {
  return typeof value === 'object' && value !== null && '$array' in value && '$length' in value;
}
