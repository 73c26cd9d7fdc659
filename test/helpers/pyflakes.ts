import { installedProgram } from './installed-tool';

/** The pyflakes program (`pyflakes`, or Debian's `pyflakes3`); undefined (skip) only outside CI, where it throws. */
export function pyflakesProgram(): string | undefined {
  return installedProgram('python3-pyflakes', ['pyflakes', 'pyflakes3']);
}
