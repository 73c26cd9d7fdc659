/**
 * The shell script of a `RUN` instruction, parsed with mvdan/sh (the GopherJS build `mvdan-sh`: synchronous,
 * which the engine needs; its tree is read through shell-syntax.ts). Dockerfile line continuations and comment lines are removed first, as Docker
 * does, while every character keeps its offset in the Dockerfile so findings point at the exact token.
 */
import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import type { Pipeline, ShellCommand, ShellWord } from './shell-words';
import {
  goString,
  items,
  nodeType,
  parseShell,
  walk,
  type BinaryCmd,
  type CallExpr,
  type DblQuoted,
  type Lit,
  type ShellFile,
  type ShellNode,
  type Stmt,
  type StmtList,
  type Word,
} from './shell-syntax';
import { dockerfileModel, jsonArray } from './stages';

export interface RunScript {
  run: Run;
  /** Every simple command, nested ones included, in source order. */
  commands: ShellCommand[];
  pipelines: Pipeline[];
  /** Dockerfile offset just after the last character of the script, for appending `&& …`. */
  end: number;
  /** `--mount` flags of the RUN, e.g. `type=cache,target=/var/cache/apt`. */
  mounts: Array<Record<string, string>>;
  /** The shell did not parse this script (not sh, or a syntax error): rules have nothing to judge. */
  unparsed: boolean;
}

const PIPE = 12;
const PIPE_ALL = 13;
const cache = new WeakMap<DockerfileFile, Map<Instruction, RunScript>>();

/** Every RUN of the file with its parsed script (cached per parsed file). */
export function runScripts(file: DockerfileFile): RunScript[] {
  let scripts = cache.get(file);
  if (!scripts) {
    scripts = new Map();
    const model = dockerfileModel(file);
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() === 'RUN')
          scripts.set(instruction, parseRun(file, instruction as Run, model.shellAt(instruction).posix));
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
  try {
    const parsed = parseShell(source.text);
    collect(parsed, source, file, script);
    script.unparsed = false;
  } catch {
    // A script the shell would reject fails at build time; rules stay silent rather than guess.
  }
  return script;
}

export interface Source {
  text: string;
  /** Dockerfile offset of each script character (plus one past the end). */
  offsets: number[];
  /** UTF-8 byte offset → script character index, when the script is not pure ASCII. */
  byteToChar?: number[];
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
      return withByteMap(
        text,
        Array.from({ length: text.length + 1 }, (_, i) => from + i),
      );
    }
    rawFrom = file.lines.offsetAt(heredocs[0].getStartRange().end);
  }
  return withByteMap(...joinContinuations(file.text, start, end, rawFrom, escape));
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

function withByteMap(text: string, offsets: number[]): Source {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return { text, offsets };
  const byteToChar: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) byteToChar.push(i);
    if (code >= 0x10000) i++;
  }
  byteToChar.push(text.length);
  return { text, offsets, byteToChar };
}

/** A script's commands and pipes with the shell's own (UTF-8 byte) offsets: the same for every file that has the script. */
interface RelativeWord {
  from: number;
  to: number;
  value?: string;
}
interface RelativeCommand {
  words: RelativeWord[];
  order: number;
  nested: boolean;
}
interface RelativeScript {
  commands: RelativeCommand[];
  pipelines: Array<{
    at: number;
    length: number;
    order: number;
    left: RelativeCommand[];
    right: RelativeCommand[];
    leftMayFail: boolean;
  }>;
}

/**
 * Kept per tree: parsed trees are shared by script text (shell-syntax.ts), and walking one was most of
 * what a check still spent on an unchanged RUN (issue 16); only the mapping onto the file is per check.
 */
const relativeScripts = new WeakMap<ShellFile, RelativeScript>();

function relativeScript(parsed: ShellFile): RelativeScript {
  const kept = relativeScripts.get(parsed);
  if (kept) return kept;
  const script: RelativeScript = { commands: [], pipelines: [] };
  const word = (node: Word): RelativeWord => ({
    from: node.Pos().Offset(),
    to: node.End().Offset(),
    value: literalValue(node),
  });
  const nestedDepth: number[] = [];
  const commandsIn = (node: ShellNode): RelativeCommand[] => {
    const found: RelativeCommand[] = [];
    walk(node, (child) => {
      if (nodeType(child) === 'CallExpr') found.push(commandOf(child as CallExpr));
      return true;
    });
    return found;
  };
  const commandOf = (call: CallExpr): RelativeCommand => ({
    words: items(call.Args).map(word),
    order: call.Pos().Offset(),
    nested: false,
  });
  walk(parsed, (node) => {
    const type = nodeType(node);
    if (type === 'CallExpr') {
      const command = commandOf(node as CallExpr);
      const at = node.Pos().Offset();
      command.nested = nestedDepth.some((end) => end > at);
      if (command.words.length > 0) script.commands.push(command);
    } else if (type === 'Subshell' || type === 'CmdSubst' || type === 'ProcSubst') {
      nestedDepth.push(node.End().Offset());
    } else if (type === 'BinaryCmd') {
      const binary = node as BinaryCmd;
      if (binary.Op === PIPE || binary.Op === PIPE_ALL) {
        script.pipelines.push({
          at: binary.OpPos.Offset(),
          length: binary.Op === PIPE_ALL ? 2 : 1,
          order: binary.OpPos.Offset(),
          left: nodeType(binary.X) ? commandsIn(binary.X) : [],
          right: nodeType(binary.Y) ? commandsIn(binary.Y) : [],
          leftMayFail: mayFail(binary.X),
        });
      }
    }
    return true;
  });
  relativeScripts.set(parsed, script);
  return script;
}

function collect(parsed: ShellFile, source: Source, file: DockerfileFile, script: RunScript): void {
  const docOffset = (byte: number) =>
    source.offsets[
      source.byteToChar ? (source.byteToChar[byte] ?? source.text.length) : Math.min(byte, source.text.length)
    ];
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
  const relative = relativeScript(parsed);
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

/** Commands whose exit status is 0 whatever their (literal or expanded) arguments. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes']);
const HEREDOC = 61;
const DASH_HEREDOC = 62;
const HERESTRING = 63;

/**
 * Whether the statement left of a `|` can exit non-zero. Pipes group to the left (`a | b | c` is
 * `(a | b) | c`), so the status dropped by the outer `|` is that of `b`, the inner pipe's right side.
 * Substitutions in the arguments (`echo "$(curl …)"`) do not change a command's own status, with or
 * without pipefail. Any other redirection (`> file`, `< file`) may fail, and so may any other program.
 */
function mayFail(stmt: Stmt | null): boolean {
  if (!nodeType(stmt) || stmt!.Negated) return true;
  const cmd = stmt!.Cmd;
  const type = nodeType(cmd);
  if (type === 'BinaryCmd') {
    const binary = cmd as BinaryCmd;
    return binary.Op === PIPE || binary.Op === PIPE_ALL ? mayFail(binary.Y) : true;
  }
  const redirects = items(stmt!.Redirs).map((r) => r.Op);
  // `{ echo a; echo b; } | tee f` (docker-library's php-fpm config): a group fails only through its commands.
  if (type === 'Block' || type === 'Subshell') {
    const inner = items((cmd as StmtList).Stmts);
    return inner.length === 0 || redirects.length > 0 || inner.some((s) => mayFail(s));
  }
  if (type !== 'CallExpr') return true;
  const args = items((cmd as CallExpr).Args);
  const program = args[0] ? literalValue(args[0]) : undefined;
  const stdinIsInline = redirects.some((op) => op === HEREDOC || op === DASH_HEREDOC || op === HERESTRING);
  if (redirects.some((op) => op !== HEREDOC && op !== DASH_HEREDOC && op !== HERESTRING)) return true;
  if (program !== undefined && CANNOT_FAIL.has(program)) return false;
  // `cat <<EOF`: reads only the inline text.
  return !(program === 'cat' && args.length === 1 && stdinIsInline);
}

/** The value of a word made only of literals and quotes; undefined when the shell would expand something. */
function literalValue(word: Word): string | undefined {
  let value = '';
  for (const part of items(word.Parts)) {
    const type = nodeType(part);
    if (type === 'Lit') value += goString((part as Lit).Value).replace(/\\(.)/g, '$1');
    else if (type === 'SglQuoted') value += goString((part as Lit).Value);
    else if (type === 'DblQuoted') {
      for (const inner of items((part as DblQuoted).Parts)) {
        if (nodeType(inner) !== 'Lit') return undefined;
        value += goString((inner as Lit).Value);
      }
    } else return undefined;
  }
  return value;
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
