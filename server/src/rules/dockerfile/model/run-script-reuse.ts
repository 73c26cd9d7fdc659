/**
 * While typing in a Dockerfile, every RUN but the edited one is as it was at the file's previous check,
 * at most moved. A RUN's script model (its words, commands, pipes and mounts) is a function of the
 * instruction's text (heredoc bodies are inside its range), where it starts (line and character: the
 * model's ranges are positions), the escape character and whether its shell is POSIX; only its offsets
 * depend on where it sits in the file. So a check of an edited file takes the models of the previous
 * check of the same file that agree on all four, with their offsets moved, instead of building them again
 * (issue 16: on a 300-line Dockerfile that was about a fifth of each keystroke's check).
 */
import type { Run } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import { keepEffectiveWords } from './commands';
import type { Pipeline, RunScript, ShellCommand, ShellWord } from './shell-words';

/** The models of the last check of each of the most recently checked files, by path. */
const RECENT_FILES = 8;
const recent = new Map<string, { file: DockerfileFile; scripts: Map<Run, Made> }>();

interface Made {
  script: RunScript;
  /** Whether the RUN's shell is POSIX: for its key, worked out only once the file is checked again. */
  posix: boolean;
  /** Its key, when it was worked out already (to look for it in the check before). */
  keyed?: { key: string; start: number };
}

interface Reusable {
  script: RunScript;
  /** The offset where the RUN started in its file. */
  start: number;
}

/**
 * What the model of `run` is made from, but for its place in the file. The two characters after the RUN
 * count too: whether a line break follows decides whether an escape character at its very end joins lines.
 */
function runKey(file: DockerfileFile, run: Run, posix: boolean): { key: string; start: number } {
  const range = run.getRange();
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const escape = file.dockerfile.getEscapeCharacter();
  const text = file.text.slice(start, end + 2);
  return {
    key: `${posix ? 1 : 0}${escape}${range.start.line}:${range.start.character}:${end - start}\n${text}`,
    start,
  };
}

/**
 * Made once per check of `file`: looks up models of the previous check of the same path, and keeps this
 * check's models for the next. Keys are worked out only for a file checked again (a batch run checks
 * each file once).
 */
export class RunScriptReuse {
  private readonly previous: Map<string, Reusable> | undefined;
  private readonly made = new Map<Run, Made>();

  constructor(private readonly file: DockerfileFile) {
    const last = recent.get(file.path);
    if (last && last.file !== file) {
      this.previous = new Map();
      for (const [run, { script, posix, keyed }] of last.scripts) {
        const { key, start } = keyed ?? runKey(last.file, run, posix);
        this.previous.set(key, { script, start });
      }
    }
    recent.delete(file.path);
    recent.set(file.path, { file, scripts: this.made });
    if (recent.size > RECENT_FILES) recent.delete(recent.keys().next().value!);
  }

  /** The model of `run`, from the previous check where it can be, else made by `make`. */
  script(run: Run, posix: boolean, make: () => RunScript): RunScript {
    let script: RunScript | undefined;
    let keyed: Made['keyed'];
    if (this.previous) {
      keyed = runKey(this.file, run, posix);
      const before = this.previous.get(keyed.key);
      if (before) script = moved(before.script, run, keyed.start - before.start);
    }
    script ??= make();
    this.made.set(run, { script, posix, keyed });
    return script;
  }
}

/** Forget every kept model (tests compare with a check that keeps nothing). */
export function forgetRunScripts(): void {
  recent.clear();
}

/** `script` for `run`, `delta` characters further on: its words moved (built field by field: spreading them cost more). */
function moved(script: RunScript, run: Run, delta: number): RunScript {
  if (delta === 0) return { ...script, run };
  return {
    run,
    commands: movedCommands(script.commands, delta),
    pipelines: script.pipelines.map((each): Pipeline => ({
      operator: each.operator,
      order: each.order,
      left: movedCommands(each.left, delta),
      right: movedCommands(each.right, delta),
      leftMayFail: each.leftMayFail,
    })),
    end: script.end + delta,
    mounts: script.mounts,
    unparsed: script.unparsed,
  };
}

function movedCommands(commands: ShellCommand[], delta: number): ShellCommand[] {
  const result: ShellCommand[] = [];
  for (const each of commands) {
    const words: ShellWord[] = [];
    for (const word of each.words)
      words.push({
        text: word.text,
        value: word.value,
        range: word.range,
        start: word.start + delta,
        end: word.end + delta,
      });
    const moved = { words, order: each.order, nested: each.nested };
    keepEffectiveWords(each, moved);
    result.push(moved);
  }
  return result;
}
