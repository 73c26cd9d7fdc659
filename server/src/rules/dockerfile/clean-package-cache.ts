import type { Rule } from '../../engine/types';
import { subcommand } from './model/commands';
import { invocations, mountsOver, type Invocation } from './model/invocations';
import type { RunScript } from './model/run-script';
import { dockerfileModel } from './model/stages';

interface CacheKeeper {
  code: string;
  programs: ReadonlySet<string>;
  installs: ReadonlySet<string>;
  /** The command that empties the cache, for the message and the fix (`{program}`: the one that installed). */
  clean: string;
  cleans(program: string, words: readonly string[]): boolean;
  /** Cache directories: a cache or tmpfs mount there, or removing them, keeps the layer clean too. */
  directories: readonly string[];
  removes: RegExp;
}

const RPM_INSTALLS = new Set([
  'install',
  'in',
  'upgrade',
  'up',
  'update',
  'reinstall',
  'rei',
  'groupinstall',
  'localinstall',
]);
const cleanAll = (_program: string, words: readonly string[]) => words[0] === 'clean' && words.includes('all');

const KEEPERS: CacheKeeper[] = [
  {
    code: 'DL3032',
    programs: new Set(['yum']),
    installs: RPM_INSTALLS,
    clean: '{program} clean all',
    cleans: cleanAll,
    directories: ['/var/cache/yum'],
    removes: /^\/var\/cache\/yum(\/\*?)?$/,
  },
  {
    code: 'DL3040',
    programs: new Set(['dnf', 'microdnf', 'dnf5']),
    installs: RPM_INSTALLS,
    clean: '{program} clean all',
    cleans: cleanAll,
    directories: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
    removes: /^\/var\/cache\/(dnf|libdnf5|yum)\*?(\/\*?)?$/,
  },
  {
    code: 'DL3036',
    programs: new Set(['zypper']),
    installs: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch']),
    clean: 'zypper clean --all',
    cleans: (_program, words) => words[0] === 'clean' || words[0] === 'cc',
    directories: ['/var/cache/zypp'],
    removes: /^\/var\/cache\/zypp(\/\*?)?$/,
  },
  {
    code: 'DL3060',
    programs: new Set(['yarn']),
    installs: new Set(['install', 'add']),
    clean: 'yarn cache clean',
    cleans: (_program, words) => words[0] === 'cache' && words[1] === 'clean',
    directories: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn'],
    removes: /\/\.cache\/yarn(\/\*?)?$|^\/usr\/local\/share\/\.cache(\/\*?)?$/,
  },
];

/** The non-option words after the program: `clean all`, `cache clean`. */
function operands(found: Invocation): string[] {
  return found.args.map((arg) => arg.value ?? '').filter((value) => !value.startsWith('-'));
}

function cleanedLater(script: RunScript, keeper: CacheKeeper, after: number, all: readonly Invocation[]): boolean {
  if (mountsOver(script, ...keeper.directories)) return true;
  // Removing the cache folder counts only after the install: a removal before it cleans nothing the install writes.
  const removedAfter = all.some(
    (other) =>
      other.script === script &&
      other.command.order > after &&
      other.program === 'rm' &&
      other.args.some((arg) => keeper.removes.test(arg.value ?? arg.text)),
  );
  if (removedAfter) return true;
  if (script.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /\.cache\/yarn$/.test(m.target ?? '')))
    return keeper.code === 'DL3060';
  return all.some(
    (other) =>
      other.script === script &&
      other.command.order > after &&
      keeper.programs.has(other.program) &&
      keeper.cleans(other.program, operands(other)),
  );
}

export const cleanPackageCache: Rule<'dockerfile'> = {
  id: 'dockerfile/clean-package-cache',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'A RUN that installs with yum, dnf, zypper or yarn should clean the package cache in the same RUN, or the cache stays in the image.',
  },
  aliases: ['hadolint:DL3032', 'hadolint:DL3036', 'hadolint:DL3040', 'hadolint:DL3060'],
  check({ file, report }) {
    const { shippedStages } = dockerfileModel(file);
    const all = invocations(file);
    for (const found of all) {
      const keeper = KEEPERS.find((k) => k.programs.has(found.program));
      // A cache left in a build stage never reaches the final image.
      if (!keeper || !shippedStages.has(found.stage)) continue;
      const action = subcommand(found.args, new Set(['-c', '--config', '--installroot', '--cwd']));
      if (!action?.value || !keeper.installs.has(action.value)) continue;
      if (cleanedLater(found.script, keeper, found.command.order, all)) continue;
      const clean = keeper.clean.replace('{program}', found.program);
      report({
        range: action.range,
        message: `${found.program} ${action.value} leaves its package cache in this layer: end the RUN with && ${clean}.`,
        data: { appendAt: found.script.end, heredoc: found.script.run.getHeredocs().length > 0, cleanup: clean },
      });
    }
  },
};
