import type { FailOn } from '../engine/config';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type { FailOn };

export interface CheckCommand {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  /** Undefined when not given: a `.hadolint.yaml` failure-threshold applies, else `error`. */
  failOn: FailOn | undefined;
  color: boolean | undefined;
}
export type Command =
  CheckCommand | { command: 'rules'; format: 'text' | 'json' } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: shipshape check [paths...] [options]
       shipshape rules [--format text|json]

Checks Dockerfiles, Kubernetes manifests, GitHub Actions workflows, GitLab CI and Compose files.
Directories are walked (skipping .git, node_modules and the config's ignore globs); default: the current directory.

Options:
  --format text|json|sarif       output format (default: text)
  --fail-on error|warning|info|none
                                 exit 1 when a finding at or above this severity exists
                                 (default: error, or a .hadolint.yaml failure-threshold)
  --color, --no-color            force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                     show this help
  -v, --version                  print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or internal error.`;

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
  const format = takeOption(args, '--format', ['text', 'json', 'sarif'] as const) ?? 'text';
  const failOn = takeOption(args, '--fail-on', ['error', 'warning', 'info', 'none'] as const);
  let color: boolean | undefined;
  if (takeFlag(args, '--color')) color = true;
  if (takeFlag(args, '--no-color')) color = false;
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown) throw new UsageError(`unknown option '${unknown}'`);
  return { command: 'check', paths: args.length > 0 ? args : ['.'], format, failOn, color };
}

function takeOption<T extends string>(args: string[], name: string, allowed: readonly T[]): T | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      value = args[i + 1];
      if (value === undefined) throw new UsageError(`${name} needs a value: ${allowed.join(', ')}`);
      args.splice(i, 2);
      i--;
    } else if (args[i].startsWith(`${name}=`)) {
      value = args[i].slice(name.length + 1);
      args.splice(i, 1);
      i--;
    }
  }
  if (value !== undefined && !allowed.includes(value as T)) {
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
