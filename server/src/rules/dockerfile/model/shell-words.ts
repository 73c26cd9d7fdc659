/**
 * The words and commands of a parsed shell script: plain data, in their own module so that the
 * command helpers (`commands.ts`) and the stage model can share them without importing the parser.
 */
import type { Run } from 'dockerfile-ast';
import type { Range } from '../../../engine/types';

export interface ShellWord {
  /** The word as written in the script. */
  text: string;
  /** The word's value with quotes removed; undefined when it contains an expansion (`$X`, `$(…)`). */
  value?: string;
  range: Range;
  /** Dockerfile offsets, for edits. */
  start: number;
  end: number;
}

export interface ShellCommand {
  words: ShellWord[];
  /** Position in the script, for "before/after" questions (`set -o pipefail` before a pipe). */
  order: number;
  /** Inside a subshell `( … )` or a command substitution `$( … )`. */
  nested: boolean;
}

export interface Pipeline {
  /** The `|` token. */
  operator: Range;
  order: number;
  left: ShellCommand[];
  right: ShellCommand[];
  /**
   * The command whose status this `|` drops can fail. False for `echo`, `printf`, `true`, `yes` and
   * `cat` of a heredoc (`echo "$SHA256 *file" | sha256sum -c -`): pipefail would catch nothing there.
   */
  leftMayFail: boolean;
}

/** A RUN instruction's shell script, parsed (run-script.ts). */
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

/* The same, with offsets into the script rather than the Dockerfile: what is kept per script text (shell-syntax.ts). */

/** A word of a command: script offsets, and its value when it is only literals and quotes. */
export interface RelativeWord {
  from: number;
  to: number;
  value?: string;
}
export interface RelativeCommand {
  words: RelativeWord[];
  order: number;
  /** Inside `$(…)`, backquotes, `<(…)` or a subshell. */
  nested: boolean;
}
export interface RelativePipeline {
  at: number;
  length: number;
  order: number;
  left: RelativeCommand[];
  right: RelativeCommand[];
  leftMayFail: boolean;
}
/** A script's commands and pipes with offsets into the script: the same for every file that has the script. */
export interface RelativeScript {
  commands: RelativeCommand[];
  pipelines: RelativePipeline[];
}
