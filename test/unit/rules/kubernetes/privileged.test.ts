import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCases, lint } from '../../../helpers/lint';
import { pod } from './manifests';

describe('kubernetes/privileged', () => {
  checkCases(
    'kubernetes/privileged',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'privileged: true',
        text: pod('securityContext:\n  privileged: true'),
        want: [{ at: '10:9-10:25', token: 'privileged: true' }],
      },
      { name: 'privileged: false', text: pod('securityContext:\n  privileged: false'), want: [] },
      { name: 'not set', text: pod(), want: [] },
      {
        name: 'a label called privileged is not a security context',
        text: pod('env:\n  - name: privileged\n    value: "true"'),
        want: [],
      },
    ],
    test,
  );
  test('is an error by default', () => {
    const finding = lint('/repo/k8s/web.yaml', pod('securityContext:\n  privileged: true')).find(
      (f) => f.ruleId === 'kubernetes/privileged',
    );
    assert.equal(finding?.severity, 'error');
  });
});
