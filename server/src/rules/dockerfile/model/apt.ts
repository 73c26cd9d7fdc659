/** apt-get/apt invocations, shared by the apt rules. */
import type { DockerfileFile } from '../../../engine/types';
import { APT_VALUE_OPTIONS, hasOption, invocation, subcommand } from './commands';
import { invocations, removesPath, type Invocation } from './invocations';
import type { RunScript } from './run-script';
import type { ShellWord } from './shell-words';

export interface AptInvocation extends Invocation {
  /** `install`, `update`, `upgrade`, … */
  action: ShellWord;
}

const APT = new Set(['apt-get', 'apt']);

/**
 * apt-get/apt commands that change the image. `apt-get install -s` (and its other spellings) only
 * prints what it would do — docker-library/postgres uses it to test whether a package exists — so
 * it is left out: it installs nothing, needs no `--no-install-recommends` and no fresh lists.
 */
export function* aptInvocations(file: DockerfileFile): Generator<AptInvocation> {
  for (const found of invocations(file)) {
    if (!APT.has(found.program) || simulates(found.args)) continue;
    const action = subcommand(found.args, APT_VALUE_OPTIONS);
    if (action?.value) yield { ...found, action };
  }
}

/** `-s`, `--simulate`, `--just-print`, `--dry-run`, `--recon`, `--no-act` (apt-get(8)), also inside `-qs`. */
export function simulates(args: readonly ShellWord[]): boolean {
  return hasOption(args, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act');
}

const LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?$/;

/**
 * Whether the RUN removes the package lists: `rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean`
 * (apt 2.7+, Debian trixie: `clean` plus the lists), as docker-library's trixie images end their RUNs.
 */
export function cleansLists(script: RunScript): boolean {
  if (removesPath(script, LISTS)) return true;
  return script.commands.some((command) => {
    const { program, args } = invocation(command);
    return APT.has(program) && subcommand(args, APT_VALUE_OPTIONS)?.value === 'dist-clean';
  });
}

/** Subcommands that install packages (and so need a fresh `update` in the same layer). */
export const APT_INSTALLS: ReadonlySet<string> = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'build-dep',
  'reinstall',
]);
