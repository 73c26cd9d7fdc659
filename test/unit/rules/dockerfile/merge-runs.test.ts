import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const df = (...lines: string[]) => `FROM debian:12\n${lines.join('\n')}\n`;

describe('dockerfile/merge-runs', () => {
  checkCases(
    'dockerfile/merge-runs',
    '/repo/Dockerfile',
    [
      { name: 'two single RUNs', text: df('RUN ./a.sh', 'RUN ./b.sh'), want: [{ at: '3:1-3:4', token: 'RUN' }] },
      { name: 'comment between', text: df('RUN ./a.sh', '# then', 'RUN ./b.sh'), want: ['RUN'] },
      { name: 'three singles', text: df('RUN ./a.sh', 'RUN ./b.sh', 'RUN ./c.sh'), want: ['RUN', 'RUN'] },
      {
        name: 'same mount',
        text: df('RUN --mount=type=cache,target=/root/.cache a', 'RUN --mount=type=cache,target=/root/.cache b'),
        want: ['RUN'],
      },
      { name: 'another instruction between', text: df('RUN ./a.sh', 'ENV X=1', 'RUN ./b.sh'), want: [] },
      { name: 'exec form', text: df('RUN ["./a.sh"]', 'RUN ["./b.sh"]'), want: [] },
      { name: 'chained script', text: df('RUN ./a.sh && ./b.sh', 'RUN ./c.sh'), want: [] },
      { name: 'different flags', text: df('RUN --network=none ./a.sh', 'RUN ./b.sh'), want: [] },
      { name: 'stage boundary', text: df('RUN ./a.sh', 'FROM debian:12', 'RUN ./b.sh'), want: [] },
    ],
    test,
  );
});
