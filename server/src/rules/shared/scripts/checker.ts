/**
 * An outside program that checks scripts found inside files (ShellCheck on shell scripts, pyflakes on
 * Python `run:` steps), as the engine knows it: which scripts of a file it reads, what its answer depends
 * on, and how its comments become findings on the file. Running the program is the host's part.
 */
import type { ParsedFile, Report, Severity } from '../../../engine/types';
import type { MappedScript } from './mapped-script';

export type CheckerId = 'shellcheck' | 'pyflakes';

export type ExternalReport = Report & { ruleId: string; severity: Severity };

export interface ScriptChecker<S extends MappedScript = MappedScript, C = unknown> {
  id: CheckerId;
  scriptsOf(file: ParsedFile): S[];
  /** What the program's answer depends on (the script and the options it is run with): the cache key. */
  key(script: S): string;
  reports(file: ParsedFile, script: S, comments: readonly C[]): ExternalReport[];
}
