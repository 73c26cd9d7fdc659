/** Parsing inline files and asking where a piece of an extracted script lands in them. */
import { Linter } from '../../../server/src/engine/linter';
import type { ParsedFile } from '../../../server/src/engine/types';
import { registry } from '../../../server/src/rules';
import { fileSpan, type MappedScript } from '../../../server/src/rules/shared/scripts/mapped-script';

export function parsed(path: string, text: string): { file: ParsedFile; linter: Linter } {
  const files: Record<string, string> = { [path]: text };
  const linter = new Linter(registry, { readFile: (p) => files[p], exists: (p) => p in files });
  linter.workspace.set(path, text);
  const file = linter.workspace.parsed(path);
  if (!file) throw new Error(`${path} is not a kind Shipshape checks`);
  return { file, linter };
}

/** The body of a script: what follows the prelude lines. */
export function bodyOf(script: MappedScript): string {
  return script.text.split('\n').slice(script.preludeLines).join('\n');
}

/**
 * The ShellCheck position (1-based, as json1 gives it) of the `occurrence`-th `needle` in the script, mapped
 * back to the file: the text there, which must be the needle itself when the map is right.
 */
export function landsOn(file: ParsedFile, script: MappedScript, needle: string, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = script.text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' is not in the script`);
  const position = (offset: number) => {
    const before = script.text.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const span = fileSpan(script, position(index), position(index + needle.length));
  if (!span) throw new Error('the span fell in the prelude');
  return file.lines.text.slice(span[0], span[1]);
}
