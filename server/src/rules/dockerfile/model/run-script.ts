/**
 * The shell script of a `RUN` instruction, parsed as bash (tree-sitter-bash, through shell-syntax.ts, which
 * must be prepared before the first check). Dockerfile line continuations and comment lines are removed
 * first, as Docker does, while every character keeps its offset in the Dockerfile so findings point at the
 * exact token.
 */
import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import type { RelativeCommand, RelativeScript, RelativeWord, RunScript, ShellCommand, ShellWord } from './shell-words';
import { RunScriptReuse } from './run-script-reuse';
import { parseShell } from './shell-syntax';
import { dockerfileModel, jsonArray } from './stages';

export type { RunScript } from './shell-words';

const cache = new WeakMap<DockerfileFile, Map<Instruction, RunScript>>();

/** Every RUN of the file with its parsed script (cached per parsed file). */
export function runScripts(file: DockerfileFile): RunScript[] {
  let scripts = cache.get(file);
  if (!scripts) {
    scripts = new Map();
    const model = dockerfileModel(file);
    const reuse = new RunScriptReuse(file);
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'RUN') continue;
        const posix = model.shellAt(instruction).posix;
        scripts.set(
          instruction,
          reuse.script(instruction as Run, posix, () => parseRun(file, instruction as Run, posix)),
        );
      }
    }
    cache.set(file, scripts);
  }
  return [...scripts.values()];
}

/** The RUN instruction's text as written, continuations and heredoc bodies included. */
export function scriptText(file: DockerfileFile, script: RunScript): string {
  return file.text.slice(file.lines.offsetAt(script.run.getRange().start), script.end);
}

function parseRun(file: DockerfileFile, run: Run, posix: boolean): RunScript {
  const mounts = run
    .getFlags()
    .filter((flag) => flag.getName() === 'mount')
    .map((flag) => mountOptions(flag.getValue() ?? ''));
  const end = file.lines.offsetAt(run.getRange().end);
  const script: RunScript = { run, commands: [], pipelines: [], end, mounts, unparsed: true };
  const args = run.getArguments();
  if (args.length === 0) return script;
  const exec = jsonArray(run);
  if (exec) return { ...script, commands: [execCommand(file, run, exec)], unparsed: false };
  if (!posix) return script;
  const source = scriptSource(file, run, file.lines.offsetAt(args[0].getRange().start), end);
  if (!source) return script;
  const parsed = parseShell(source.text);
  // A script the shell would reject fails at build time; rules stay silent rather than guess.
  if (!parsed) return script;
  collect(parsed, source, file, script);
  script.unparsed = false;
  return script;
}

export interface Source {
  text: string;
  /** Dockerfile offset of each script character (plus one past the end). */
  offsets: number[];
}

/**
 * The text the shell sees. A `RUN <<EOF` whose first line has no command runs the heredoc body itself;
 * `RUN cat <<EOF > f` is a command whose heredoc is data, which the shell parser handles.
 */
export function scriptSource(file: DockerfileFile, run: Run, start: number, end: number): Source | undefined {
  const escape = file.dockerfile.getEscapeCharacter();
  const heredocs = run.getHeredocs();
  let rawFrom = end;
  if (heredocs.length > 0) {
    const firstLine = file.lines.lineText(heredocs[0].getStartRange().start.line);
    const body = heredocs[0].getContentRange();
    const commandPart = firstLine
      .slice(file.lines.positionAt(start).character)
      .replace(/<<-?\s*(["']?)[\w.-]+\1/g, '')
      .trim();
    if (commandPart === '') {
      if (!body) return undefined;
      const from = file.lines.offsetAt(body.start);
      const to = file.lines.offsetAt(body.end);
      const text = file.text.slice(from, to);
      if (/^#!/.test(text) && !/^#!\S*\b(sh|bash|ash|dash|zsh)\b/.test(text)) return undefined;
      return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => from + i) };
    }
    rawFrom = file.lines.offsetAt(heredocs[0].getStartRange().end);
  }
  const [text, offsets] = joinContinuations(file.text, start, end, rawFrom, escape);
  return { text, offsets };
}

/** Drop `<escape><newline>` and the comment or blank lines inside a continued instruction, as Docker does. */
function joinContinuations(
  text: string,
  start: number,
  end: number,
  rawFrom: number,
  escape: string,
): [string, number[]] {
  let out = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (i < rawFrom && ch === escape) {
      const rest = /^[ \t]*(\r\n|\n|\r)/.exec(text.slice(i + 1, i + 200));
      if (rest) {
        i += 1 + rest[0].length;
        // Blank lines and `#` comment lines inside a continuation are not part of the command.
        for (
          let line = /^([ \t]*(#[^\r\n]*)?)(\r\n|\n|\r)/.exec(text.slice(i));
          line && i < end;
          line = /^([ \t]*(#[^\r\n]*)?)(\r\n|\n|\r)/.exec(text.slice(i))
        ) {
          i += line[0].length;
        }
        continue;
      }
    }
    out += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return [out, offsets];
}

function collect(relative: RelativeScript, source: Source, file: DockerfileFile, script: RunScript): void {
  const docOffset = (index: number) => source.offsets[Math.min(index, source.text.length)];
  const word = (relative: RelativeWord): ShellWord => {
    const start = docOffset(relative.from);
    const end = docOffset(relative.to);
    return {
      text: file.text.slice(start, end),
      value: relative.value,
      range: file.lines.range(start, end),
      start,
      end,
    };
  };
  const command = (relative: RelativeCommand): ShellCommand => ({
    words: relative.words.map(word),
    order: relative.order,
    nested: relative.nested,
  });
  for (const each of relative.commands) script.commands.push(command(each));
  for (const pipeline of relative.pipelines) {
    const at = docOffset(pipeline.at);
    script.pipelines.push({
      operator: file.lines.range(at, at + pipeline.length),
      order: pipeline.order,
      left: pipeline.left.map(command),
      right: pipeline.right.map(command),
      leftMayFail: pipeline.leftMayFail,
    });
  }
}

/** `RUN ["apt-get", "install", "x"]`: one command, no shell. */
function execCommand(file: DockerfileFile, run: Run, argv: string[]): ShellCommand {
  const strings = run.getJSONStrings();
  const words = argv.map((value, i): ShellWord => {
    const range = strings[i]?.getRange() ?? run.getRange();
    const start = file.lines.offsetAt(range.start);
    const end = file.lines.offsetAt(range.end);
    return { text: file.text.slice(start, end), value, range, start, end };
  });
  return { words, order: 0, nested: false };
}

/** BuildKit's other spellings of a mount's `target`. */
const TARGET_ALIASES = new Set(['dst', 'destination']);

/** `type=cache,target=/root/.cache` as a map; `dst=` and `destination=` are read as `target`. */
function mountOptions(value: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const part of value.split(',')) {
    const [key, ...rest] = part.split('=');
    const name = key.trim().toLowerCase();
    options[TARGET_ALIASES.has(name) ? 'target' : name] = rest.join('=').trim();
  }
  return options;
}
