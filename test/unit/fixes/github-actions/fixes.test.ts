import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, lint } from '../../../helpers/lint';

const path = '/repo/.github/workflows/ci.yml';

/** Apply a fix, compare with the expected text, and check GitHub's parser accepts the result and the finding is gone. */
function fixes(ruleId: string, title: string, before: string, after: string, filePath = path) {
  const fixed = applyFix(filePath, before, ruleId, title);
  assert.equal(fixed, after);
  const findings = lint(filePath, fixed);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'github-actions/syntax').map((f) => f.message),
    [],
    'the fixed file must still load',
  );
  assert.deepEqual(
    findings.filter(
      (f) =>
        f.ruleId === ruleId &&
        f.range.start.line === lint(filePath, before).find((b) => b.ruleId === ruleId)?.range.start.line,
    ),
    [],
  );
}

const head =
  'on: issues\npermissions: {}\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n';

describe('github-actions quick fixes', () => {
  test('script-injection: new env block, $VAR in the script', () => {
    fixes(
      'github-actions/script-injection',
      'Move',
      `${head}      - run: echo "\${{ github.event.issue.title }}"\n`,
      `${head}      - env:\n          ISSUE_TITLE: \${{ github.event.issue.title }}\n        run: echo "$ISSUE_TITLE"\n`,
    );
  });

  test('script-injection: into an existing env, in a block script', () => {
    fixes(
      'github-actions/script-injection',
      'Move',
      `${head}      - env:\n          A: b\n        run: |\n          echo \${{ github.head_ref }}\n`,
      `${head}      - env:\n          HEAD_REF: \${{ github.head_ref }}\n          A: b\n        run: |\n          echo $HEAD_REF\n`,
    );
  });

  test('script-injection: github-script reads process.env', () => {
    fixes(
      'github-actions/script-injection',
      'Move',
      `${head}      - uses: actions/github-script@v7\n        with:\n          script: console.log("\${{ github.event.issue.body }}")\n`,
      `${head}      - env:\n          ISSUE_BODY: \${{ github.event.issue.body }}\n        uses: actions/github-script@v7\n        with:\n          script: console.log(process.env.ISSUE_BODY)\n`,
    );
  });

  test('permissions: contents read at the top', () => {
    fixes(
      'github-actions/permissions',
      'Add permissions',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    );
  });

  test('job-timeout: placeholder 30', () => {
    fixes(
      'github-actions/job-timeout',
      'timeout',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      'on: push\njobs:\n  a:\n    timeout-minutes: 30\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    );
  });

  test('deploy-environment: placeholder production', () => {
    fixes(
      'github-actions/deploy-environment',
      'environment',
      'on: push\njobs:\n  cd:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade app ./chart\n',
      'on: push\njobs:\n  cd:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade app ./chart\n',
    );
  });

  test('concurrency: new block, cancelling only pull requests when push also triggers', () => {
    fixes(
      'github-actions/concurrency',
      'concurrency',
      'on: [push, pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      "on: [push, pull_request]\nconcurrency:\n  group: ${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: ${{ github.event_name == 'pull_request' }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    );
  });

  test('concurrency: cancel-in-progress added to an existing group', () => {
    fixes(
      'github-actions/concurrency',
      'cancel-in-progress',
      'on: pull_request\nconcurrency:\n  group: ci\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      'on: pull_request\nconcurrency:\n  cancel-in-progress: true\n  group: ci\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    );
  });

  test('outdated-action: bump the major', () => {
    fixes(
      'github-actions/outdated-action',
      'Bump',
      `${head}      - uses: actions/upload-artifact@v3\n        with:\n          path: dist\n`,
      `${head}      - uses: actions/upload-artifact@v4\n        with:\n          path: dist\n`,
    );
  });

  test('dependency-cache: new with, keeping the uses comment in place', () => {
    fixes(
      'github-actions/dependency-cache',
      'cache',
      `${head}      - uses: actions/setup-node@v4 # node\n      - run: pnpm install\n`,
      `${head}      - uses: actions/setup-node@v4 # node\n        with:\n          cache: pnpm\n      - run: pnpm install\n`,
    );
  });

  test('persist-credentials: into an existing with', () => {
    fixes(
      'github-actions/persist-credentials',
      'persist-credentials',
      `${head}      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n          include-hidden-files: true\n`,
      `${head}      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n          fetch-depth: 0\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n          include-hidden-files: true\n`,
    );
  });
});
