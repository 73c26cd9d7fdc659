import type { Rule } from '../../engine/types';
import { effectiveWords, programName } from './model/commands';
import { runScripts } from './model/run-script';

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ash',
  'ksh',
  'python',
  'python3',
  'perl',
  'ruby',
  'node',
  'php',
]);

export const noCurlPipeShell: Rule<'dockerfile'> = {
  id: 'dockerfile/no-curl-pipe-shell',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Do not pipe a download straight into a shell: download, verify a checksum, then run it.' },
  aliases: [],
  check({ file, report }) {
    for (const script of runScripts(file)) {
      for (const pipe of script.pipelines) {
        const downloader = pipe.left.find((command) => DOWNLOADERS.has(programName(command)));
        const target = pipe.right[0];
        if (!downloader || !target || !INTERPRETERS.has(programName(target))) continue;
        report({
          range: effectiveWords(target)[0].range,
          message: `${programName(downloader)} output is run by ${programName(target)} unverified: a compromised or truncated download runs as is. Download to a file, check its sha256sum, then run it.`,
        });
      }
      // `sh -c "$(curl …)"` and `bash <(curl …)` are the same thing without a pipe.
      for (const command of script.commands) {
        const program = programName(command);
        if (!INTERPRETERS.has(program) || command.nested) continue;
        const fetched = command.words.slice(1).find((word) => /^(\$\(|<\(|"\$\(|`)\s*(curl|wget)\b/.test(word.text));
        if (!fetched) continue;
        report({
          range: effectiveWords(command)[0].range,
          message: `${program} runs a script fetched by ${/wget/.test(fetched.text) ? 'wget' : 'curl'} unverified: download it to a file, check its sha256sum, then run it.`,
        });
      }
    }
  },
};
