/**
 * The words and commands of a parsed shell script: plain data, in their own module so that the
 * command helpers (`commands.ts`) and the stage model can share them without importing the parser.
 */
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
