import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPatchDirective } from '../../../../../server/src/rules/kubernetes/model/kustomize';

test('a strategic-merge directive at a line start (after indentation or a list dash) marks a patch', () => {
  const cases: Array<[string, boolean]> = [
    ['$patch: delete\n', true],
    ['spec:\n  template:\n    $patch: replace\n', true],
    ['containers:\n  - $patch: delete\n    name: web\n', true],
    ['list:\n  -\n    $retainKeys: [a]\n', true],
    ['spec:\n  $setElementOrder/containers: [{name: a}]\n', true],
    ['env:\n  - {name: A, value: "$(B)"}\n', false],
    ['command: ["sh", "-c", "echo $patch"]\n', false],
    ['metadata: {name: web}\ndata: {a: "$patchy"}\n', false],
    ['apiVersion: v1\nkind: ConfigMap\n', false],
  ];
  for (const [text, expected] of cases) assert.equal(hasPatchDirective(text), expected, text);
});
