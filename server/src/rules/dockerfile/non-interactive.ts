import type { Rule } from '../../engine/types';
import { APT_VALUE_OPTIONS, hasOption, optionValue, subcommand } from './model/commands';
import type { ShellWord } from './model/shell-words';
import { invocations } from './model/invocations';
import { simulates } from './model/apt';

interface Prompting {
  code: string;
  subcommands: ReadonlySet<string>;
  valueOptions: ReadonlySet<string>;
  answersYes(args: readonly ShellWord[]): boolean;
}

const RPM_VALUE_OPTIONS = new Set([
  '-c',
  '--config',
  '--installroot',
  '--enablerepo',
  '--disablerepo',
  '--setopt',
  '-x',
]);
const RPM: Omit<Prompting, 'code'> = {
  subcommands: new Set(['install', 'groupinstall', 'localinstall']),
  valueOptions: RPM_VALUE_OPTIONS,
  answersYes: (args) => hasOption(args, '-y', '--assumeyes') || optionValue(args, '--setopt') === 'assumeyes=1',
};

/**
 * The installs that stop to ask "Do you want to continue? [Y/n]" and so fail a build, which has no terminal
 * to answer (apt-get aborts, yum and dnf exit with "Operation aborted").
 * microdnf is left out: it never asks (its `-y` exists only for dnf compatibility).
 */
const PROMPTING: Record<string, Prompting> = {
  'apt-get': {
    code: 'DL3014',
    subcommands: new Set(['install']),
    valueOptions: APT_VALUE_OPTIONS,
    answersYes: (args) =>
      hasOption(args, '-y', '--yes', '--assume-yes') ||
      args.some(
        (arg) => arg.value === '-qq' || arg.value === '-q=2' || /Assume-Yes=(true|yes|1)/i.test(arg.value ?? ''),
      ) ||
      args.filter((arg) => arg.value === '-q' || arg.value === '--quiet').length >= 2 ||
      simulates(args),
  },
  yum: { code: 'DL3030', ...RPM },
  dnf: { code: 'DL3038', ...RPM },
  dnf5: { code: 'DL3038', ...RPM },
  zypper: {
    code: 'DL3034',
    subcommands: new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']),
    valueOptions: new Set(['-R', '--root', '-r', '--repo', '--from', '-t', '--type', '-D', '--reposd-dir']),
    answersYes: (args) => hasOption(args, '-n', '--non-interactive', '-y', '--no-confirm'),
  },
};
PROMPTING.apt = PROMPTING['apt-get'];

export const nonInteractive: Rule<'dockerfile'> = {
  id: 'dockerfile/non-interactive',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'apt-get, yum, dnf and zypper installs should answer their confirmation prompt (-y, -n), or the build stops there.',
  },
  aliases: ['hadolint:DL3014', 'hadolint:DL3030', 'hadolint:DL3034', 'hadolint:DL3038'],
  check({ file, report }) {
    for (const { program, args } of invocations(file)) {
      const manager = PROMPTING[program];
      if (!manager) continue;
      const action = subcommand(args, manager.valueOptions);
      if (!action?.value || !manager.subcommands.has(action.value) || manager.answersYes(args)) continue;
      report({
        range: action.range,
        message: `${program} ${action.value} asks for confirmation and a build cannot answer: add -y (${program} ${action.value} -y …).`,
        data: { insertAt: action.end, flag: '-y' },
      });
    }
  },
};
