/** apt-get/apt invocations, shared by the apt rules. */
import type { DockerfileFile } from '../../../engine/types';
import { APT_VALUE_OPTIONS, subcommand } from './commands';
import { invocations, type Invocation } from './invocations';
import type { ShellWord } from './shell-words';

export interface AptInvocation extends Invocation {
  /** `install`, `update`, `upgrade`, … */
  action: ShellWord;
}

const APT = new Set(['apt-get', 'apt']);

export function* aptInvocations(file: DockerfileFile): Generator<AptInvocation> {
  for (const found of invocations(file)) {
    if (!APT.has(found.program)) continue;
    const action = subcommand(found.args, APT_VALUE_OPTIONS);
    if (action?.value) yield { ...found, action };
  }
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
