/**
 * The shell scripts of a Dockerfile's `RUN` instructions, as ShellCheck is to read them: in the dialect of
 * the `SHELL` in force, line continuations joined (with the file's `# escape=`), and a `RUN <<EOF` heredoc
 * (or one fed to a shell, `RUN bash <<EOF`) read as a script of its own.
 */
import type { Arg, Env, Run } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import { scriptSource } from '../../dockerfile/model/run-script';
import { dockerfileModel, jsonArray } from '../../dockerfile/model/stages';
import type { ScriptMemo } from '../scripts/checker';
import { relocatedOffsets, verbatim } from '../scripts/mapped-script';
import { dialectOf, makeScript, type ShellDialect, type ShellScript } from './script';

/** Docker passes these to every RUN without an ARG (BuildKit's predefined proxy arguments). */
const PREDEFINED = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
];
/** Sourced files are not on this machine, and nothing in a Dockerfile can say where they are. */
const EXCLUDE = ['SC1090', 'SC1091'];
const SHELL_FED_HEREDOC = /^(?:\S*\/)?((?:ba|da|a|k)?sh)(?:\s+-[a-zA-Z]+)*$/;

export function dockerfileScripts(file: DockerfileFile, memo?: ScriptMemo): ShellScript[] {
  const model = dockerfileModel(file);
  const scripts: ShellScript[] = [];
  const defined = new Set<string>(PREDEFINED);
  /** What a script's memo key holds of `defined`, made again only when it grows. */
  let definedKey: string | undefined;
  for (const instruction of file.dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const property of (instruction as Arg | Env).getProperties()) defined.add(property.getName());
      definedKey = undefined;
      continue;
    }
    if (keyword !== 'RUN' || jsonArray(instruction) || instruction.getArguments().length === 0) continue;
    const shell = model.shellAt(instruction);
    const dialect = shell.posix ? dialectOf(shell.argv[0] ?? '') : undefined;
    if (!dialect) continue;
    const script = memo
      ? memoizedRunScript(file, instruction as Run, dialect, defined, (definedKey ??= [...defined].join(' ')), memo)
      : runScript(file, instruction as Run, dialect, [...defined]);
    if (script) scripts.push(script);
  }
  return scripts;
}

/**
 * The RUN's script from the memo when it was made from the same source (the instruction's text and its
 * heredocs', its column, the escape character, the dialect and the names defined before it), moved to
 * where the instruction is now; else made, and kept for the next check.
 */
function memoizedRunScript(
  file: DockerfileFile,
  run: Run,
  dialect: ShellDialect,
  defined: ReadonlySet<string>,
  definedKey: string,
  memo: ScriptMemo,
): ShellScript | undefined {
  const range = run.getRange();
  const start = file.lines.offsetAt(range.start);
  let end = file.lines.offsetAt(range.end);
  for (const heredoc of run.getHeredocs()) {
    for (const part of [heredoc.getContentRange(), heredoc.getDelimiterRange()])
      if (part) end = Math.max(end, file.lines.offsetAt(part.end));
  }
  const source = file.text.slice(start, end);
  const key = [file.dockerfile.getEscapeCharacter(), dialect, range.start.character, definedKey, source].join('\0');
  const kept = memo.next.get(key) ?? memo.previous?.get(key);
  if (kept) {
    memo.next.set(key, kept);
    return relocatedShellScript(kept.script as ShellScript, start - kept.start);
  }
  const script = runScript(file, run, dialect, [...defined]);
  // A RUN with no script is made again each time: it costs little, and most RUNs have one.
  if (script) memo.next.set(key, { script, start });
  return script;
}

/** The script with its source `by` characters further on (see relocatedOffsets). */
function relocatedShellScript(script: ShellScript, by: number): ShellScript {
  if (by === 0) return script;
  const offsets = relocatedOffsets(script, by);
  return {
    text: script.text,
    preludeLines: script.preludeLines,
    get offsets() {
      return offsets();
    },
    placeholders: script.placeholders.map(([from, to]) => [from + by, to + by] as const),
    dialect: script.dialect,
    exclude: script.exclude,
  };
}

function runScript(file: DockerfileFile, run: Run, dialect: ShellDialect, defined: string[]): ShellScript | undefined {
  // The build's ARG and ENV values are in the environment: exported, ShellCheck knows they are set.
  const prelude = defined.filter((name) => /^[A-Za-z_]\w*$/.test(name)).map((name) => `export ${name}=1`);
  const fed = shellFedHeredoc(file, run);
  if (fed) return makeScript(dialectOf(fed.shell) ?? dialect, prelude, fed.body, EXCLUDE);
  const start = file.lines.offsetAt(run.getArguments()[0].getRange().start);
  const source = scriptSource(file, run, start, file.lines.offsetAt(run.getRange().end));
  if (!source || source.text.trim() === '') return undefined;
  return makeScript(dialect, prelude, { text: source.text, offsets: source.offsets }, EXCLUDE);
}

/** `RUN bash <<EOF` (or `sh -e <<EOF`): the shell reads the heredoc as its script. */
function shellFedHeredoc(
  file: DockerfileFile,
  run: Run,
): { shell: string; body: ReturnType<typeof verbatim> } | undefined {
  const heredoc = run.getHeredocs()[0];
  const content = heredoc?.getContentRange();
  if (!heredoc || !content) return undefined;
  const firstLine = file.lines.lineText(heredoc.getStartRange().start.line);
  const argsStart = run.getArguments()[0].getRange().start;
  if (argsStart.line !== heredoc.getStartRange().start.line) return undefined;
  const command = firstLine
    .slice(argsStart.character)
    .replace(/<<-?\s*(["']?)[\w.-]+\1/g, '')
    .trim();
  const shell = SHELL_FED_HEREDOC.exec(command)?.[1];
  if (!shell) return undefined;
  return { shell, body: verbatim(file.text, file.lines.offsetAt(content.start), file.lines.offsetAt(content.end)) };
}
