import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { LineIndex } from '../../../../../server/src/engine/line-index';
import { kubernetesObjects } from '../../../../../server/src/engine/kubernetes/objects';
import { ItemMemo } from '../../../../../server/src/rules/kubernetes/model/schema-memo';
import { validateObject } from '../../../../../server/src/rules/kubernetes/model/schema-validator';

const container = (name: string, wrong: string) => [
  `  - name: ${name}`,
  `    image: ghcr.io/acme/${name}:1.2.3`,
  '    ports: [{name: http, containerPort: 8080}]',
  '    env: [{name: LOG_LEVEL, value: info}, {name: MODE, value: fast}]',
  '    resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}',
  `    ${wrong}`,
];

function pod(header: string[], containers: string[][]): string {
  return ['apiVersion: v1', 'kind: Pod', ...header, 'spec:', ' containers:', ...containers.flat(), ''].join('\n');
}

/** The validator's problems with the memo, how many containers it checked itself, and the problems without it. */
function validate(text: string, memo: ItemMemo) {
  const lines = new LineIndex(text);
  const [object] = kubernetesObjects(parseAllDocuments(text) as never);
  let checked = 0;
  const counting = Object.create(memo) as ItemMemo;
  counting.problems = (lines, item, key, problems, check) =>
    memo.problems(lines, item, key, problems, (into) => {
      if (key.includes('\0containers\0')) checked++;
      check(into);
    });
  const problems = validateObject(object, lines, undefined, counting);
  memo.finish();
  return { problems, checked, fresh: validateObject(object, lines) };
}

test('list items whose text is unchanged keep their problems, moved to where they are now', () => {
  const memo = new ItemMemo();
  const a = container('a', 'stdin: maybe');
  const b = container('b', 'imagePullPolicyy: Always');
  const first = validate(pod(['metadata: {name: web}'], [a, b]), memo);
  assert.equal(first.checked, 2);
  assert.equal(first.problems.length, 2);
  assert.deepEqual(first.problems, first.fresh);

  // One item edited, and a line added above both: the other item is not checked again, its problem moves down.
  const edited = container('a', 'stdin: perhaps');
  const second = validate(pod(['metadata:', '  name: web'], [edited, b]), memo);
  assert.equal(second.checked, 1);
  assert.deepEqual(second.problems, second.fresh);
  assert.equal(second.problems[1].range.start.line, first.problems[1].range.start.line + 1);

  // The same item text twice: checked once, each copy's problem at its own place.
  const twice = validate(pod(['metadata: {name: web}'], [b, b]), memo);
  assert.equal(twice.checked, 0);
  assert.deepEqual(twice.problems, twice.fresh);
  assert.notDeepEqual(twice.problems[0].range, twice.problems[1].range);
});

test('an item indented differently is checked again, and what no check used is dropped', () => {
  const memo = new ItemMemo();
  const b = container('b', 'imagePullPolicyy: Always');
  validate(pod([], [b]), memo);
  const deeper = b.map((line) => ` ${line}`);
  assert.equal(validate(pod([], [deeper]), memo).checked, 1);
  // The check of the deeper item did not use the first one's problems: they were dropped.
  assert.equal(validate(pod([], [b]), memo).checked, 1);
});
