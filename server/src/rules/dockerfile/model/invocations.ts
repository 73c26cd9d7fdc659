import type { DockerfileFile } from '../../../engine/types';
import { invocation } from './commands';
import { runScripts, type RunScript } from './run-script';
import type { ShellCommand, ShellWord } from './shell-words';
import { dockerfileModel, type Stage } from './stages';

export interface Invocation {
  script: RunScript;
  command: ShellCommand;
  stage: Stage;
  /** `apt-get`, `pip` (also for `python -m pip`), … */
  program: string;
  args: ShellWord[];
  /** The command's own words after wrappers such as `sudo`; `words[0]` is the program. */
  words: ShellWord[];
}

const cache = new WeakMap<DockerfileFile, readonly Invocation[]>();

/** Every command of every parsed RUN, with its stage; computed once per parse, as a dozen rules ask. */
export function invocations(file: DockerfileFile): readonly Invocation[] {
  let found = cache.get(file);
  if (!found) {
    const model = dockerfileModel(file);
    found = runScripts(file).flatMap((script) => {
      const stage = model.stageOf(script.run);
      if (!stage) return [];
      return script.commands.flatMap((command) => {
        const { program, args, words } = invocation(command);
        return program ? [{ script, command, stage, program, args, words }] : [];
      });
    });
    cache.set(file, found);
  }
  return found;
}

/** Whether a RUN mounts a cache or tmpfs over a directory (so nothing written there reaches the image). */
export function mountsOver(script: RunScript, ...directories: string[]): boolean {
  return script.mounts.some(
    (mount) =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      directories.some((dir) => (mount.target ?? '').replace(/\/+$/, '') === dir),
  );
}

/** Whether the same RUN removes a path (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(script: RunScript, pattern: RegExp): boolean {
  return script.commands.some((command) => {
    const { program, args } = invocation(command);
    return program === 'rm' && args.some((arg) => pattern.test(arg.value ?? arg.text));
  });
}
