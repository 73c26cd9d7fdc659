import type { Rule } from '../../engine/types';
import { copyInstructions, type CopySource } from './model/copies';
import { invocations } from './model/invocations';

/** Tar archives, bare or compressed as ADD unpacks them (gzip, bzip2, xz). Zip files ADD does not unpack. */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

const basename = (path: string) =>
  path
    .replace(/^["']|["']$/g, '')
    .split(/[/\\]/)
    .pop() ?? '';

export const extractWithAdd: Rule<'dockerfile'> = {
  id: 'dockerfile/extract-with-add',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'A tar archive COPYed from the context and then extracted in RUN stays in a layer: ADD unpacks a local tar archive in one step.',
  },
  aliases: ['hadolint:DL3010'],
  check({ file, report }) {
    const extractions = invocations(file).filter(({ program, args }) => program === 'tar' && extracts(args));
    for (const { instruction, keyword, from, sources, destination, stage } of copyInstructions(file)) {
      if (keyword !== 'COPY' || from !== undefined || !destination) continue;
      const line = instruction.getRange().start.line;
      // `COPY app.tar.gz /tmp/` keeps the name; `COPY build/app.tar.gz /tmp/app.tgz` renames it.
      const archives: CopySource[] = TAR_ARCHIVE.test(destination.value)
        ? [destination]
        : sources.filter((source) => TAR_ARCHIVE.test(source.value));
      for (const archive of archives) {
        const name = basename(archive.value);
        const extraction = extractions.find(
          (found) =>
            found.stage === stage &&
            found.script.run.getRange().start.line > line &&
            found.args.some((arg) => arg.value !== undefined && basename(arg.value) === name),
        );
        if (!extraction) continue;
        report({
          range: archive.range,
          message: `${name} is copied here and extracted on line ${extraction.script.run.getRange().start.line + 1}, so the archive stays in this layer: ADD ${name} <folder> unpacks it in one step.`,
        });
      }
    }
  },
};

/** `tar -xf`, `tar xzf` (old-style bundle first), `tar --extract`, `tar --get`. */
function extracts(args: readonly { value?: string }[]): boolean {
  return args.some((arg, i) => {
    const value = arg.value ?? '';
    if (value === '--extract' || value === '--get') return true;
    if (/^-[A-Za-z]*x/.test(value) && !value.startsWith('--')) return true;
    return i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(value) && /^[xzjJvfpoC]+$/.test(value);
  });
}
