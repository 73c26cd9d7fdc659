import type { FailOn } from '../engine/config';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type { FailOn };

export interface CheckCommand {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  /** Undefined when not given: a `.hadolint.yaml` failure-threshold applies, else `error`. */
  failOn: FailOn | undefined;
  color: boolean | undefined;
  /** `--stdin`: check the text on standard input as if it were saved at `stdinFilename`. */
  stdin: boolean;
  stdinFilename: string | undefined;
  /** `--fix` writes automatic fixes to disk; `--fix-dry-run` prints them as a unified diff. */
  fix: 'write' | 'dry-run' | undefined;
  /** `--cache`: reuse the findings of files unchanged since the last run, stored at `cacheLocation`. */
  cache: boolean;
  cacheLocation: string | undefined;
  /** `--jobs N`: threads for the checks, the main one and N − 1 workers; undefined: see check-pool.ts. */
  jobs: number | undefined;
  /** Run ShellCheck on RUN and run: scripts (`--no-shellcheck` turns it off). */
  shellcheck: boolean;
  /** `--shellcheck-path`: the ShellCheck program, else `shellcheck` on the PATH. */
  shellcheckPath: string | undefined;
  /** Run pyflakes on `shell: python` run: steps (`--no-pyflakes` turns it off). */
  pyflakes: boolean;
  /** `--pyflakes-path`: the pyflakes program, else `pyflakes` (or Debian's `pyflakes3`) on the PATH. */
  pyflakesPath: string | undefined;
}
export type Command =
  CheckCommand | { command: 'rules'; format: 'text' | 'json' } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: shipshape check [paths...] [options]
       shipshape rules [--format text|json]

Checks Dockerfiles, Kubernetes manifests, GitHub Actions workflows, GitLab CI and Compose files.
Directories are walked (skipping .git, node_modules and the config's ignore globs); default: the current directory.

Options:
  --format FORMAT                text (default), json, sarif, github (workflow commands),
                                 gitlab (Code Quality), checkstyle or junit
  --fix                          apply the fixes that need no human choice to the files, then report
                                 what is left
  --fix-dry-run                  print those fixes as a unified diff instead of writing them
  --cache                        reuse the findings of files unchanged since the last --cache run
                                 (keyed on file, config, cross-file inputs and Shipshape's version)
  --cache-location PATH          the cache file, or a folder for it
                                 (default: node_modules/.cache/shipshape/results.json)
  --jobs N                       check on N threads, this one and N-1 workers; the output does
                                 not depend on N (default: one per core in a long run, one per
                                 two cores in a short one, at least 32 files each)
  --stdin                        check standard input instead of files (give --stdin-filename)
  --stdin-filename PATH          the path the standard input is checked as (kind, config, messages)
  --fail-on error|warning|info|none
                                 exit 1 when a finding at or above this severity exists
                                 (default: failOn of .shipshape.yaml, a .hadolint.yaml
                                 failure-threshold, else error)
  --no-shellcheck                do not run ShellCheck on RUN and run: scripts (it runs when
                                 installed; findings are shellcheck/SCxxxx)
  --shellcheck-path PATH         the ShellCheck program (default: shellcheck on the PATH)
  --no-pyflakes                  do not run pyflakes on run: steps with shell: python (it runs when
                                 installed; findings are github-actions/pyflakes)
  --pyflakes-path PATH           the pyflakes program (default: pyflakes, else pyflakes3, on the PATH)
  --color, --no-color            force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                     show this help
  -v, --version                  print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it (after --fix: the ones left),
2 usage or internal error.`;

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0 || args.includes('-h') || args.includes('--help') || args[0] === 'help')
    return { command: 'help' };
  if (args.includes('-v') || args.includes('--version')) return { command: 'version' };
  const command = args.shift();
  if (command === 'rules') {
    const format = takeOption(args, '--format', ['text', 'json'] as const) ?? 'text';
    rejectRest(args);
    return { command: 'rules', format };
  }
  if (command !== 'check') throw new UsageError(`unknown command '${command}': use 'check' or 'rules'`);
  const format = takeOption(args, '--format', OUTPUT_FORMATS) ?? 'text';
  const failOn = takeOption(args, '--fail-on', ['error', 'warning', 'info', 'none'] as const);
  const stdinFilename = takeOption(args, '--stdin-filename');
  const cacheLocation = takeOption(args, '--cache-location');
  const cache = takeFlag(args, '--cache');
  const jobsGiven = takeOption(args, '--jobs');
  const jobs = jobsGiven === undefined ? undefined : Number(jobsGiven);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs needs a whole number of at least 1, not '${jobsGiven}'`);
  const shellcheckPath = takeOption(args, '--shellcheck-path');
  const shellcheck = !takeFlag(args, '--no-shellcheck');
  const pyflakesPath = takeOption(args, '--pyflakes-path');
  const pyflakes = !takeFlag(args, '--no-pyflakes');
  let color: boolean | undefined;
  if (takeFlag(args, '--color')) color = true;
  if (takeFlag(args, '--no-color')) color = false;
  const stdin = takeFlag(args, '--stdin');
  const dryRun = takeFlag(args, '--fix-dry-run');
  const fix = dryRun ? 'dry-run' : takeFlag(args, '--fix') ? 'write' : undefined;
  if (dryRun) takeFlag(args, '--fix');
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown) throw new UsageError(`unknown option '${unknown}'`);
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdin && args.length > 0) throw new UsageError(`--stdin checks standard input, not '${args[0]}'`);
  if (stdin && fix === 'write') throw new UsageError('--fix writes files: with --stdin use --fix-dry-run');
  const paths = args.length > 0 ? args : ['.'];
  if (cacheLocation !== undefined && !cache) throw new UsageError('--cache-location needs --cache');
  return {
    command: 'check',
    paths,
    format,
    failOn,
    color,
    stdin,
    stdinFilename,
    fix,
    cache,
    cacheLocation,
    jobs,
    shellcheck,
    shellcheckPath,
    pyflakes,
    pyflakesPath,
  };
}

function takeOption<T extends string>(args: string[], name: string, allowed?: readonly T[]): T | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      value = args[i + 1];
      if (value === undefined) throw new UsageError(`${name} needs a value${allowed ? `: ${allowed.join(', ')}` : ''}`);
      args.splice(i, 2);
      i--;
    } else if (args[i].startsWith(`${name}=`)) {
      value = args[i].slice(name.length + 1);
      args.splice(i, 1);
      i--;
    }
  }
  if (value !== undefined && allowed && !allowed.includes(value as T)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not '${value}'`);
  }
  return value as T | undefined;
}

function takeFlag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
}

function rejectRest(args: string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}'`);
}
