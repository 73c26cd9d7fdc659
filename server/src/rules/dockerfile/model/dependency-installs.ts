import managersData from '../data/dependency-managers.json';
import { subcommand } from './commands';
import type { Invocation } from './invocations';

export interface DependencyManager {
  name: string;
  command: string;
  subcommands?: string[];
  subcommandPrefix?: string;
  requires?: string[];
  manifests: string[];
  copy: string;
  fixable?: boolean;
}

const MANAGERS = managersData.managers as DependencyManager[];

/** The dependency manager an invocation installs with (`npm ci`, `pip install -r …`), if any. */
export function dependencyInstall(found: Pick<Invocation, 'program' | 'args'>): DependencyManager | undefined {
  return MANAGERS.find((manager) => {
    if (manager.command !== found.program) return false;
    const action = subcommand(found.args)?.value ?? '';
    if (manager.subcommandPrefix) return action.startsWith(manager.subcommandPrefix);
    if (!manager.subcommands?.includes(action)) return false;
    return (
      !manager.requires ||
      found.args.some(
        (arg) => manager.requires!.includes(arg.value ?? '') || (arg.value ?? '').startsWith('--requirement='),
      )
    );
  });
}
