import type { Rule } from '../../engine/types';
import { NPM_VALUE_OPTIONS, subcommand } from './model/commands';
import { contextRoot, copyInstructions, isWholeContext } from './model/copies';
import { lineage } from './model/stages';
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
      const stages = lineage(stage);
      const lockCopied = copies.some(
        (copy) =>
          stages.includes(copy.stage) &&
          (copy.stage !== stage || copy.instruction.getRange().start.line < runLine) &&
          copy.sources.some((source) => copiesLockfile(source.value, root, host.exists)),
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

/**
 * Whether a COPY source brings a lockfile into the image: named outright, or matched by a glob
 * (`package*.json`) or a directory (`.`, `app/`) that holds one in the build context. A glob without
 * a lockfile beside it copies only package.json, and `npm ci` would fail there.
 */
function copiesLockfile(source: string, root: string, exists: (path: string) => boolean): boolean {
  const path = source.replace(/^\.\//, '').replace(/^\/+/, '');
  if (LOCKFILES.some((lock) => path === lock || path.endsWith(`/${lock}`))) return true;
  const inContext = (dir: string, lock: string) => exists(`${root}/${dir ? `${dir}/` : ''}${lock}`);
  if (isWholeContext(source) || path === '' || path.endsWith('/')) {
    const dir = isWholeContext(source) ? '' : path.replace(/\/+$/, '');
    return LOCKFILES.some((lock) => inContext(dir, lock));
  }
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash) : '';
  const base = path.slice(slash + 1);
  if (/[*?[]/.test(base)) return LOCKFILES.some((lock) => globMatches(base, lock) && inContext(dir, lock));
  // A plain name may be a directory of the context (`COPY frontend ./`).
  return LOCKFILES.some((lock) => inContext(path, lock));
}

function globMatches(glob: string, name: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${pattern}$`).test(name);
}
