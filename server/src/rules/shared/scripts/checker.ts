/**
 * An outside program that checks scripts found inside files (ShellCheck on shell scripts, pyflakes on
 * Python `run:` steps), as the engine knows it: which scripts of a file it reads, what its answer depends
 * on, and how its comments become findings on the file. Running the program is the host's part.
 */
import type { ParsedFile, Report, Severity } from '../../../engine/types';
import type { MappedScript } from './mapped-script';

export type CheckerId = 'shellcheck' | 'pyflakes';

export type ExternalReport = Report & { ruleId: string; severity: Severity };

/**
 * The scripts made for a file's previous check, by what each was made from (`previous`), and those made
 * for this one (`next`): a long-lived checker (the language server's) passes one per check, so that the
 * scripts of instructions an edit did not touch are not made again on every keystroke (issue 16).
 */
export interface ScriptMemo {
  previous?: ReadonlyMap<string, MemoizedScript>;
  next: Map<string, MemoizedScript>;
}

/** A script as made, and the file offset its source started at (its offsets move with it). */
export interface MemoizedScript {
  script: MappedScript;
  start: number;
}

export interface ScriptChecker<S extends MappedScript = MappedScript, C = unknown> {
  id: CheckerId;
  scriptsOf(file: ParsedFile, memo?: ScriptMemo): S[];
  /** What the program's answer depends on (the script and the options it is run with): the cache key. */
  key(script: S): string;
  reports(file: ParsedFile, script: S, comments: readonly C[]): ExternalReport[];
}
