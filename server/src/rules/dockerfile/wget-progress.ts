import type { Rule } from '../../engine/types';
import { hasOption } from './model/commands';
import { invocations } from './model/invocations';

export const wgetProgress: Rule<'dockerfile'> = {
  id: 'dockerfile/wget-progress',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'wget in RUN should set its progress output (--progress=dot:giga, -q or -nv), or the build log fills with progress lines.',
  },
  aliases: ['hadolint:DL3047'],
  check({ file, report }) {
    for (const { program, args, words } of invocations(file)) {
      if (program !== 'wget') continue;
      // Quiet, less verbose, or logging to a file: nothing floods the build log.
      if (
        hasOption(args, '--progress', '-q', '--quiet', '-o', '--output-file', '-a', '--append-output', '--no-verbose')
      )
        continue;
      if (args.some((arg) => arg.value === '-nv' || quietInBundle(arg.value ?? ''))) continue;
      report({
        range: words[0].range,
        message:
          'Without a terminal, wget prints a progress line every few KB into the build log: add --progress=dot:giga, or -nv / -q (BusyBox wget knows only -q).',
      });
    }
  },
};

/** wget's short options that take a value: in a bundle (`-qO-`, `-qO /tmp/x`) the rest of the word is that value. */
const VALUE_LETTERS = new Set('OoaPtTweiBUQlARDIX'.split(''));

/** `-q`, `-o` or `-a` inside a bundle of short options such as `-qO-` or `-SqO /tmp/file`. */
function quietInBundle(word: string): boolean {
  if (!/^-[A-Za-z]/.test(word)) return false;
  for (const letter of word.slice(1)) {
    if (letter === 'q' || letter === 'o' || letter === 'a') return true;
    if (VALUE_LETTERS.has(letter) || !/[A-Za-z]/.test(letter)) return false;
  }
  return false;
}
