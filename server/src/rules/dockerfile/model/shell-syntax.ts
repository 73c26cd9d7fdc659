/**
 * The shell parser of RUN scripts: tree-sitter-bash on web-tree-sitter (WebAssembly). It replaced the
 * GopherJS build of mvdan/sh, which took about a third of a Dockerfile check (issue 16: 395 ms against
 * 180 ms to parse the benchmark's 1,801 scripts, a third of the load time).
 *
 * WebAssembly is compiled asynchronously while the engine is synchronous, so the parser is loaded once,
 * before the first Dockerfile is checked, by `prepareShellParser` (server/src/host/shell-parser.ts reads
 * the two .wasm files and every front end awaits it). A check that reaches the parser unprepared throws:
 * it must never judge a script unparsed for that reason.
 *
 * Only this file and shell-tree.ts know the parser; run-script.ts works with what they read from its trees.
 */
import { Language, Parser } from 'web-tree-sitter';
import { readScript } from './shell-tree';
import type { RelativeScript } from './shell-words';

/** The two WebAssembly modules: web-tree-sitter's runtime and the bash grammar. */
export interface ShellParserFiles {
  runtime: Uint8Array;
  grammar: Uint8Array;
}

let parser: Parser | undefined;
let preparing: Promise<void> | undefined;

/** Loads the parser from the files `load` gives; later calls share the first one's work (and its failure). */
export function prepareShellParser(load: () => Promise<ShellParserFiles>): Promise<void> {
  preparing ??= (async () => {
    const files = await load();
    // The runtime's own .wasm is handed over as bytes: it is not looked for beside web-tree-sitter's script.
    await Parser.init({ wasmBinary: files.runtime });
    const made = new Parser();
    made.setLanguage(await Language.load(files.grammar));
    parser = made;
  })();
  return preparing;
}

/**
 * What was read from recently parsed scripts, by text (undefined: it did not parse): typing in a Dockerfile
 * changes one instruction at a time, and the editor's check after each keystroke would otherwise parse every
 * RUN again. Offsets are into the script only, so one result serves every file and version with that
 * script. Trees themselves are deleted at once (WebAssembly memory is not garbage collected). Bounded by the
 * length of the scripts kept, so a CLI run over thousands of files holds only the latest.
 */
const recentScripts = new Map<string, RelativeScript | undefined>();
const RECENT_TEXT_LIMIT = 512 * 1024;
let recentTextLength = 0;

/** Forgets the kept results: the next parse of each script is a fresh one (tests compare the two). */
export function forgetShellTrees(): void {
  recentScripts.clear();
  recentTextLength = 0;
}

/**
 * The commands and pipes of a bash script; undefined when it does not parse (tree-sitter recovers from
 * errors, so any ERROR or MISSING node means the shell would reject it, and rules stay silent).
 */
export function parseShell(text: string): RelativeScript | undefined {
  if (recentScripts.has(text)) {
    const kept = recentScripts.get(text);
    // Most recently used last: the oldest entries are dropped first.
    recentScripts.delete(text);
    recentScripts.set(text, kept);
    return kept;
  }
  const read = readTree(text);
  if (text.length > RECENT_TEXT_LIMIT) return read;
  recentTextLength += text.length;
  for (const [oldest] of recentScripts) {
    if (recentTextLength <= RECENT_TEXT_LIMIT) break;
    recentScripts.delete(oldest);
    recentTextLength -= oldest.length;
  }
  recentScripts.set(text, read);
  return read;
}

function readTree(text: string): RelativeScript | undefined {
  if (!parser) {
    throw new Error(
      'The shell parser is not loaded: await prepareShellParser (server/src/host/shell-parser.ts) before checking a Dockerfile.',
    );
  }
  const tree = parser.parse(text);
  if (!tree) throw new Error('The shell parser returned no tree.');
  try {
    if (tree.rootNode.hasError) return undefined;
    const cursor = tree.walk();
    try {
      return readScript(cursor, text);
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
}
