/**
 * Per package manager: which command installs packages, which of its words name packages, and whether a
 * package word carries a version. The semantics follow hadolint's DL3008/DL3013/DL3016/DL3018/DL3028/
 * DL3033/DL3037/DL3041, except where those would report words that are not packages (noted below).
 */
import {
  APK_VALUE_OPTIONS,
  APT_VALUE_OPTIONS,
  NPM_VALUE_OPTIONS,
  PIP_VALUE_OPTIONS,
  hasOption,
  subcommand,
} from '../model/commands';
import type { ShellWord } from '../model/shell-words';

export type PackageManager = 'apt' | 'pip' | 'npm' | 'apk' | 'gem' | 'yum' | 'zypper' | 'dnf' | 'go';

export const PACKAGE_MANAGERS: readonly PackageManager[] = [
  'apt',
  'pip',
  'npm',
  'apk',
  'gem',
  'yum',
  'zypper',
  'dnf',
  'go',
];

export interface ManagerSpec {
  /** The hadolint code for this manager. */
  code: string;
  /** How to write a pinned package, for the message. */
  example: string;
  /** The package words of one command (none when it is not an install of named packages). */
  packages(args: readonly ShellWord[]): ShellWord[];
  pinned(word: string): boolean;
}

const RPM_VALUE_OPTIONS = new Set([
  '-c',
  '--config',
  '-d',
  '--debuglevel',
  '-e',
  '--errorlevel',
  '--installroot',
  '--enablerepo',
  '--disablerepo',
  '--repo',
  '--repoid',
  '-x',
  '--exclude',
  '--releasever',
  '--setopt',
  '--rpmverbosity',
  '--forcearch',
]);
const ZYPPER_VALUE_OPTIONS = new Set(['-R', '--root', '-r', '--repo', '--from', '-t', '--type', '-D', '--reposd-dir']);
const GEM_VALUE_OPTIONS = new Set([
  '-i',
  '--install-dir',
  '-n',
  '--bindir',
  '--document',
  '--build-root',
  '-P',
  '--trust-policy',
  '-g',
  '--file',
  '--without',
  '-s',
  '--source',
  '-p',
  '--http-proxy',
  '--config-file',
  '--platform',
  '--target-rbconfig',
]);
const PIP_PACKAGE_VALUE_OPTIONS = new Set([
  ...PIP_VALUE_OPTIONS,
  '-e',
  '--editable',
  '-b',
  '--build',
  '--src',
  '--python',
  '--python-version',
  '--platform',
  '--implementation',
  '--abi',
  '--no-binary',
  '--only-binary',
  '--progress-bar',
  '--proxy',
  '--root-user-action',
  '--upgrade-strategy',
  '--report',
  '--config-settings',
  '-C',
]);

/** The words after the subcommand that are neither options nor option values. */
function operands(args: readonly ShellWord[], action: ShellWord, valueOptions: ReadonlySet<string>): ShellWord[] {
  const found: ShellWord[] = [];
  for (let i = args.indexOf(action) + 1; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') continue;
    if (value?.startsWith('-')) {
      if (valueOptions.has(value)) i++;
      continue;
    }
    found.push(args[i]);
  }
  return found;
}

/** A named install: `<program> [options] <subcommand> [options] packages…`. */
function installOperands(
  args: readonly ShellWord[],
  subcommands: readonly string[],
  valueOptions: ReadonlySet<string>,
): ShellWord[] {
  const action = subcommand(args, valueOptions);
  if (!action?.value || !subcommands.includes(action.value)) return [];
  return operands(args, action, valueOptions);
}

const PIP_VERSION = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

/** rpm versions after the name: `httpd-2.4.6`, `nginx-1:1.20.1-10.el9` (every part version-like, one numeric). */
function rpmPinned(word: string): boolean {
  if (word.endsWith('.rpm')) return true;
  const parts = word.split('-').slice(1);
  return parts.length > 0 && parts.every((part) => /^[\w.~^:+]+$/.test(part)) && parts.some((p) => /^\d/.test(p));
}

/** yum/dnf: `@group` and `module` installs are groups and streams, pinned by `name:stream` or not at all. */
function rpmPackages(args: readonly ShellWord[]): ShellWord[] {
  const action = subcommand(args, RPM_VALUE_OPTIONS);
  if (action?.value === 'module') {
    const moduleAction = subcommand(args.slice(args.indexOf(action) + 1), RPM_VALUE_OPTIONS);
    if (moduleAction?.value !== 'install') return [];
    return operands(args, moduleAction, RPM_VALUE_OPTIONS).filter((word) => !word.value?.includes(':'));
  }
  return installOperands(args, ['install'], RPM_VALUE_OPTIONS).filter((word) => !word.value?.startsWith('@'));
}

/** Go build flags that take a value as the next word (`-ldflags "-s -w"`, `-o /out`). */
const GO_VALUE_OPTIONS = new Set(
  [
    'ldflags',
    'gcflags',
    'asmflags',
    'gccgoflags',
    'tags',
    'o',
    'mod',
    'modfile',
    'p',
    'buildmode',
    'compiler',
    'installsuffix',
    'pkgdir',
    'toolexec',
    'overlay',
    'pgo',
    'C',
    'exec',
    'buildvcs',
  ].flatMap((name) => [`-${name}`, `--${name}`]),
);

/**
 * `go get` adds or updates a module: without `@version` (or with `@latest`) it takes whatever is newest.
 * `go install` / `go run` of a package without a version build it at the version the main module's go.mod
 * requires (outside a module, Go refuses them), so only `@latest` leaves their version open there.
 */
function goPackages(args: readonly ShellWord[]): ShellWord[] {
  const action = subcommand(args, GO_VALUE_OPTIONS);
  if (action?.value !== 'get' && action?.value !== 'install' && action?.value !== 'run') return [];
  const words = operands(args, action, GO_VALUE_OPTIONS).filter((word) => word.value !== 'tool');
  // `go run pkg args…`: only the first operand is a package.
  const packages = action.value === 'run' ? words.slice(0, 1) : words;
  return packages.filter((word) => {
    const value = word.value ?? '';
    const remote = /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(value) && !value.endsWith('.go') && !value.includes('...');
    return remote && (action.value === 'get' || value.includes('@'));
  });
}

function endOfGems(args: readonly ShellWord[]): number {
  const index = args.findIndex((word) => word.value === '--');
  return index < 0 ? args.length : index;
}

export const MANAGERS: Record<PackageManager, ManagerSpec & { programs: readonly string[] }> = {
  apt: {
    code: 'DL3008',
    programs: ['apt-get', 'apt'],
    example: 'apt-get install <package>=<version>',
    // `-s` only prints what would be installed (see model/apt.ts).
    packages: (args) =>
      hasOption(args, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act')
        ? []
        : installOperands(args, ['install'], APT_VALUE_OPTIONS),
    // `pkg/bookworm-backports` picks a release; a path or a .deb file is a fixed file.
    pinned: (word) => word.includes('=') || word.includes('/') || word.endsWith('.deb'),
  },
  pip: {
    code: 'DL3013',
    programs: ['pip', 'pipx'],
    example: 'pip install <package>==<version> (or -r requirements.txt)',
    packages: (args) => {
      // A requirements or constraints file, or the project itself, pins (or is) what gets installed.
      if (hasOption(args, '-r', '--requirement', '-c', '--constraint')) return [];
      const words = installOperands(args, ['install'], PIP_PACKAGE_VALUE_OPTIONS);
      return words.some((word) => word.value === '.') ? [] : words;
    },
    pinned: (word) =>
      PIP_VERSION.some((symbol) => word.includes(symbol)) ||
      (VCS.test(word) ? word.includes('@', word.indexOf('://') + 3) : word.includes('/')) ||
      word.endsWith('.whl') ||
      word.endsWith('.tar.gz') ||
      word.endsWith('.zip'),
  },
  npm: {
    code: 'DL3016',
    programs: ['npm'],
    example: 'npm install <package>@<version>',
    packages: (args) => installOperands(args, ['install', 'i', 'add'], new Set([...NPM_VALUE_OPTIONS, '--loglevel'])),
    pinned: (word) => {
      if (/^(git(\+[a-z]+)?:|github:|gitlab:|bitbucket:)/.test(word)) return word.includes('#');
      if (/\.(tgz|tar|tar\.gz)$/.test(word) || /^(\.{0,2}\/|~\/|file:|https?:)/.test(word)) return true;
      // `@scope/name@1.2.3`: the version comes after the scope.
      return (word.startsWith('@') ? word.slice(word.indexOf('/') + 1) : word).includes('@');
    },
  },
  apk: {
    code: 'DL3018',
    programs: ['apk'],
    example: 'apk add <package>=<version>',
    packages: (args) => (hasOption(args, '-s', '--simulate') ? [] : installOperands(args, ['add'], APK_VALUE_OPTIONS)),
    pinned: (word) => /[=~<>]/.test(word) || word.endsWith('.apk'),
  },
  gem: {
    code: 'DL3028',
    programs: ['gem'],
    example: 'gem install <gem>:<version> (or -v <version>)',
    packages: (args) =>
      hasOption(args, '-v', '--version')
        ? []
        : // After `--` come options for the gem's native build (`-- --use-system-libraries`), not gems.
          installOperands(args.slice(0, endOfGems(args)), ['install', 'i'], GEM_VALUE_OPTIONS),
    // A `.gem` file is one fixed version.
    pinned: (word) => word.includes(':') || word.endsWith('.gem'),
  },
  yum: {
    code: 'DL3033',
    programs: ['yum'],
    example: 'yum install <package>-<version>',
    packages: rpmPackages,
    pinned: rpmPinned,
  },
  zypper: {
    code: 'DL3037',
    programs: ['zypper'],
    example: 'zypper install <package>=<version>',
    packages: (args) => installOperands(args, ['install', 'in'], ZYPPER_VALUE_OPTIONS),
    pinned: (word) => /[=<>]/.test(word) || word.endsWith('.rpm'),
  },
  dnf: {
    code: 'DL3041',
    programs: ['dnf', 'microdnf', 'dnf5'],
    example: 'dnf install <package>-<version>',
    packages: rpmPackages,
    pinned: rpmPinned,
  },
  go: {
    code: 'DL3062',
    programs: ['go'],
    example: 'go install <module>/<package>@<version>',
    packages: goPackages,
    // `@none` removes a dependency (go get); `@latest`, `@upgrade` and `@patch` take whatever is newest.
    pinned: (word) => word.includes('@') && !/@(latest|upgrade|patch)$/.test(word),
  },
};

export function managerOf(program: string): PackageManager | undefined {
  return PACKAGE_MANAGERS.find((manager) => MANAGERS[manager].programs.includes(program));
}
