/**
 * How the `pyflakes` program (Debian's `pyflakes3`) is run on a Python script and read: the script on stdin,
 * no arguments (`-` would be read as a file name), warnings on stdout, syntax errors on stderr.
 */
import { parsePyflakesOutput, pyflakesChecker, type PyflakesComment } from '../rules/shared/pyflakes/findings';
import type { MappedScript } from '../rules/shared/scripts/mapped-script';
import { exitedWith, type ScriptProgram } from './script-runner';

export const pyflakesProgram: ScriptProgram<MappedScript, PyflakesComment> = {
  checker: pyflakesChecker,
  name: 'pyflakes',
  scripts: 'run: steps with shell: python',
  install: 'pyflakes (Debian: python3-pyflakes)',
  defaultPaths: ['pyflakes', 'pyflakes3'],
  args: () => [],
  read(output) {
    // 0: nothing to say, 1: warnings or a syntax error. A crash (a Python traceback) also exits with 1, so
    // an answer with something on stderr that is not a syntax error is a failure too.
    if (output.code !== 0 && output.code !== 1) throw new Error(exitedWith(output));
    const comments = [...parsePyflakesOutput(output.stdout, 'stdout'), ...parsePyflakesOutput(output.stderr, 'stderr')];
    // A script Python cannot read as text (a NUL byte from a `"\0"` escape): nothing to say about it.
    if (comments.length === 0 && /^<stdin>: problem decoding source$/m.test(output.stderr)) return [];
    if (output.code === 1 && comments.length === 0) throw new Error(exitedWith(output));
    if (/^Traceback /m.test(output.stderr)) throw new Error(exitedWith(output));
    return comments;
  },
};
