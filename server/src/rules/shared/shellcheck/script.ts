/**
 * A shell script found inside a Dockerfile or a workflow, as ShellCheck is to read it (see
 * `../scripts/mapped-script.ts` for the way back to the file).
 */
import { mappedScript, type MappedScript, type MappedText } from '../scripts/mapped-script';

/** The dialects ShellCheck knows (`--shell=`). */
export type ShellDialect = 'bash' | 'sh' | 'dash' | 'ksh';

export interface ShellScript extends MappedScript {
  dialect: ShellDialect;
  /** Checks that do not apply where this script comes from (`SC1091`: sourced files are not on this machine). */
  exclude: readonly string[];
}

const DIALECTS: Record<string, ShellDialect | undefined> = {
  bash: 'bash',
  sh: 'sh',
  ash: 'sh',
  busybox: 'sh',
  dash: 'dash',
  ksh: 'ksh',
  mksh: 'ksh',
};

/** The dialect of a shell program path (`/bin/bash`, `C:\\bin\\sh.exe`), or undefined when ShellCheck cannot read it. */
export function dialectOf(program: string): ShellDialect | undefined {
  const name = program
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  return DIALECTS[name];
}

export function makeScript(
  dialect: ShellDialect,
  prelude: readonly string[],
  body: MappedText,
  exclude: readonly string[],
): ShellScript {
  return { ...mappedScript(prelude, body), dialect, exclude };
}
