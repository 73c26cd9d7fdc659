import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

const PORT = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;

export const exposePort: Rule<'dockerfile'> = {
  id: 'dockerfile/expose-port',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'EXPOSE takes container ports from 0 to 65535, optionally with /tcp or /udp.' },
  aliases: ['hadolint:DL3011', 'trivy:DS008'],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'EXPOSE') continue;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.includes('$')) continue; // `EXPOSE $PORT` is set at build time
          const match = PORT.exec(value);
          if (!match) {
            const hint = /^\d+:\d+/.test(value)
              ? ' Publishing (host:container) belongs to docker run -p or compose, not the Dockerfile.'
              : '';
            report({
              range: arg.getRange(),
              message: `'${value}' is not a port: write a number such as 8080 or 8080/tcp.${hint}`,
            });
            continue;
          }
          const low = Number(match[1]);
          const high = match[2] !== undefined ? Number(match[2]) : low;
          if (low > 65535 || high > 65535 || high < low) {
            report({ range: arg.getRange(), message: `Port ${value} is out of range: ports go from 0 to 65535.` });
          }
        }
      }
    }
  },
};
