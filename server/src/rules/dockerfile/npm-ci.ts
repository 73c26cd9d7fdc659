import type { Rule } from '../../engine/types';
import { NPM_VALUE_OPTIONS, subcommand } from './model/commands';
import { contextRoot, copyInstructions, isWholeContext } from './model/copies';
import { invocations } from './model/invocations';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

export const npmCi: Rule<'dockerfile'> = {
  id: 'dockerfile/npm-ci',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: { summary: 'Use npm ci rather than npm install when a lockfile is copied, for reproducible installs.' },
  aliases: [],
  check({ file, host, report }) {
    const copies = copyInstructions(file).filter((copy) => copy.from === undefined);
    const root = contextRoot(file).replace(/\/$/, '');
    for (const { program, args, stage, script } of invocations(file)) {
      if (program !== 'npm') continue;
      const action = subcommand(args, NPM_VALUE_OPTIONS);
      if (action?.value !== 'install' && action?.value !== 'i') continue;
      // `npm install express` adds a package: npm ci cannot do that.
      const rest = args.slice(args.indexOf(action) + 1);
      if (
        rest.some((arg) => !(arg.value ?? '-').startsWith('-')) ||
        rest.some((arg) => arg.value === '-g' || arg.value === '--global')
      )
        continue;
      const runLine = script.run.getRange().start.line;
      const lockCopied = copies.some(
        (copy) =>
          copy.stage === stage &&
          copy.instruction.getRange().start.line < runLine &&
          copy.sources.some(
            (source) =>
              LOCKFILES.some((lock) => source.value.endsWith(lock)) ||
              /package\*\.json$|\*\.json$/.test(source.value) ||
              (isWholeContext(source.value) && LOCKFILES.some((lock) => host.exists(`${root}/${lock}`))),
          ),
      );
      if (!lockCopied) continue;
      report({
        range: action.range,
        message:
          'npm install may update the lockfile and install other versions than it pins: npm ci installs exactly what package-lock.json says (and fails if it is out of date).',
        data: { replace: true },
      });
    }
  },
};
