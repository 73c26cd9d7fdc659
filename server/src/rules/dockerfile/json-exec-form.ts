import type { Rule } from '../../engine/types';
import { dockerfileModel, jsonArray } from './model/stages';

export const jsonExecForm: Rule<'dockerfile'> = {
  id: 'dockerfile/json-exec-form',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'CMD and ENTRYPOINT should use the JSON (exec) form, so the process gets signals such as SIGTERM.' },
  aliases: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') continue;
        const range = instruction.getArgumentsRange();
        const raw = instruction.getRawArgumentsContent();
        if (!range || !raw || jsonArray(instruction)) continue;
        // A broken JSON array is dockerfile/syntax's to report.
        if (/^\s*\[.*\]\s*$/s.test(raw)) continue;
        // `CMD exec java …`: sh replaces itself with the program, which then gets the signals.
        if (/^\s*exec\s+\S/.test(raw)) continue;
        report({
          range,
          message: `${keyword} in shell form runs under /bin/sh -c, which does not pass SIGTERM on: docker stop waits and then kills the process. Use the JSON form, e.g. ${keyword} ["${raw.trim().split(/\s+/)[0]}", …].`,
        });
      }
    }
  },
};
