import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment } from './manifests';

const strategy = (body: string) =>
  deployment('', '', `replicas: 3\nstrategy:\n  type: RollingUpdate\n  rollingUpdate:\n${body}`);

describe('kubernetes/rolling-update', () => {
  checkCases(
    'kubernetes/rolling-update',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'maxUnavailable 1',
        text: strategy('    maxUnavailable: 1\n    maxSurge: 1'),
        want: [{ at: '10:23-10:24', token: '1' }],
      },
      { name: 'maxUnavailable 25%', text: strategy('    maxUnavailable: 25%'), want: ['25%'] },
      { name: 'maxUnavailable 0', text: strategy('    maxUnavailable: 0\n    maxSurge: 1'), want: [] },
      { name: 'maxUnavailable "0%"', text: strategy('    maxUnavailable: "0%"\n    maxSurge: 25%'), want: [] },
      { name: 'no strategy written', text: deployment(), want: [] },
      {
        name: 'Recreate is a deliberate choice',
        text: deployment('', '', 'replicas: 1\nstrategy:\n  type: Recreate'),
        want: [],
      },
    ],
    test,
  );
});
