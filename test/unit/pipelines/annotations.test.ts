import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  jobKeyRange,
  lineRange,
  repositoryPath,
  toDiagnostics,
  type CiAnnotation,
} from '../../../client/src/pipelines/core/annotations/annotation';
import {
  jobFailureAnnotation,
  lineInTrace,
  testReportAnnotations,
} from '../../../client/src/pipelines/core/annotations/gitlab-report';

const annotation = (overrides: Partial<CiAnnotation>): CiAnnotation => ({
  source: 'GitHub Actions',
  path: 'src/app.ts',
  level: 'failure',
  message: 'Expected 2, got 3',
  url: 'https://github.com/o/hello/runs/1',
  ...overrides,
});

describe('annotation paths', () => {
  test('relative to the repository root, runner checkouts stripped, escapes refused', () => {
    const table: [string, string | undefined, string | undefined][] = [
      ['src/app.ts', undefined, 'src/app.ts'],
      ['./src/app.ts', undefined, 'src/app.ts'],
      ['src\\win\\app.ts', undefined, 'src/win/app.ts'],
      ['/home/runner/work/hello/hello/src/app.ts', 'hello', 'src/app.ts'],
      ['D:\\a\\hello\\hello\\src\\app.ts', 'hello', 'src/app.ts'],
      ['/github/workspace/lib/x.py', undefined, 'lib/x.py'],
      ['/builds/group/sub/project/spec/a_spec.rb', 'project', 'spec/a_spec.rb'],
      // Another checkout of another repository, or outside any checkout: nowhere in this workspace.
      ['/home/runner/work/other/elsewhere/src/app.ts', 'hello', undefined],
      ['/etc/passwd', undefined, undefined],
      ['../outside.ts', undefined, undefined],
      ['src/../../outside.ts', undefined, undefined],
      ['', undefined, undefined],
    ];
    for (const [reported, name, expected] of table) assert.equal(repositoryPath(reported, name), expected, reported);
  });
});

describe('annotation ranges', () => {
  const lines = ['line one', '  indented two', 'three', ''];

  test('one line with columns: GitHub columns are 1-based and the end column inclusive', () => {
    assert.deepEqual(lineRange(lines, { startLine: 2, endLine: 2, startColumn: 3, endColumn: 10 }), {
      line: 1,
      column: 2,
      endLine: 1,
      endColumn: 10,
    });
  });

  test('several lines: whole lines from the first non-blank character; columns ignored', () => {
    assert.deepEqual(lineRange(lines, { startLine: 2, endLine: 3, startColumn: 3, endColumn: 4 }), {
      line: 1,
      column: 2,
      endLine: 2,
      endColumn: 5,
    });
  });

  test('out of bounds: lines and columns clamped into the file, an end before the start lifted to it', () => {
    assert.deepEqual(lineRange(lines, { startLine: 0 }), { line: 0, column: 0, endLine: 0, endColumn: 8 });
    assert.deepEqual(lineRange(lines, { startLine: 99, endLine: 120 }), {
      line: 3,
      column: 0,
      endLine: 3,
      endColumn: 0,
    });
    assert.deepEqual(lineRange(lines, { startLine: 3, endLine: 1 }), { line: 2, column: 0, endLine: 2, endColumn: 5 });
    assert.deepEqual(lineRange(lines, { startLine: 1, endLine: 1, startColumn: 50, endColumn: 60 }), {
      line: 0,
      column: 8,
      endLine: 0,
      endColumn: 8,
    });
    assert.deepEqual(lineRange([], { startLine: 4 }), { line: 0, column: 0, endLine: 0, endColumn: 0 });
  });

  test('a GitLab job key: plain or quoted, top level only; line 1 when the job is not in the file', () => {
    const ci = ['stages: [test]', '  rspec: nested', 'rspec:', '  script: rake', '"unit tests":', '  script: x'];
    assert.deepEqual(jobKeyRange(ci, 'rspec'), { line: 2, column: 0, endLine: 2, endColumn: 5 });
    assert.deepEqual(jobKeyRange(ci, 'unit tests'), { line: 4, column: 1, endLine: 4, endColumn: 11 });
    assert.deepEqual(jobKeyRange(ci, 'deploy'), { line: 0, column: 0, endLine: 0, endColumn: 14 });
  });
});

describe('annotations to diagnostics', () => {
  const files: Record<string, string[]> = {
    'src/app.ts': ['import x', 'const a = 1;', 'expect(a).toBe(2);'],
    '.gitlab-ci.yml': ['rspec:', '  script: rake'],
  };
  const read = (path: string) => files[path];

  test('severity from the level, the title before the message, files not in the workspace left out', () => {
    const diagnostics = toDiagnostics(
      [
        annotation({ startLine: 3, endLine: 3, title: 'app.test.ts' }),
        annotation({ path: 'src/app.ts', startLine: 2, endLine: 2, level: 'warning', message: 'unused' }),
        annotation({ path: 'src/app.ts', startLine: 1, endLine: 1, level: 'notice', message: 'note' }),
        annotation({ path: 'src/gone.ts', startLine: 1, endLine: 1 }),
        // GitHub's own "Process completed with exit code 1" points at the `.github` folder: not a file.
        annotation({ path: '.github', startLine: 1, endLine: 1 }),
      ],
      read,
      'hello',
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.path, d.line, d.column, d.endColumn, d.severity, d.message, d.source, d.url]),
      [
        [
          'src/app.ts',
          2,
          0,
          18,
          'error',
          'app.test.ts: Expected 2, got 3',
          'GitHub Actions',
          'https://github.com/o/hello/runs/1',
        ],
        ['src/app.ts', 1, 0, 12, 'warning', 'unused', 'GitHub Actions', 'https://github.com/o/hello/runs/1'],
        ['src/app.ts', 0, 0, 8, 'information', 'note', 'GitHub Actions', 'https://github.com/o/hello/runs/1'],
      ],
    );
  });

  test('a GitLab job failure shows at the job key of .gitlab-ci.yml', () => {
    const failure = jobFailureAnnotation({
      name: 'rspec',
      failure_reason: 'script_failure',
      web_url: 'https://gl/j/9',
    });
    const [diagnostic] = toDiagnostics([failure], read);
    assert.deepEqual(diagnostic, {
      path: '.gitlab-ci.yml',
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 5,
      severity: 'error',
      message: 'Job rspec failed: the script failed',
      source: 'GitLab CI',
      url: 'https://gl/j/9',
    });
    assert.equal(
      jobFailureAnnotation({ name: 'x', failure_reason: 'some_new_reason', web_url: '' }).message,
      'Job x failed: some new reason',
    );
  });
});

describe('GitLab test reports', () => {
  test('failed and errored cases with a file, at the line their trace names', () => {
    const annotations = testReportAnnotations(
      {
        test_suites: [
          {
            name: 'rspec',
            test_cases: [
              {
                status: 'failed',
                name: 'validates the email',
                classname: 'User',
                file: './spec/models/user_spec.rb',
                stack_trace: "expected true\n/builds/g/p/spec/models/user_spec.rb:12:in `block (2 levels)'",
              },
              { status: 'error', name: 'boots', classname: 'App', file: 'spec/app_spec.rb', system_output: 'boom' },
              { status: 'success', name: 'ok', file: 'spec/ok_spec.rb' },
              { status: 'failed', name: 'no file' },
            ],
          },
        ],
      },
      'https://gitlab.example/g/p/-/pipelines/47',
    );
    assert.deepEqual(
      annotations.map((a) => [a.path, a.startLine, a.title, a.message, a.url]),
      [
        [
          './spec/models/user_spec.rb',
          12,
          'User validates the email',
          'Test failed: expected true',
          'https://gitlab.example/g/p/-/pipelines/47/test_report',
        ],
        [
          'spec/app_spec.rb',
          undefined,
          'App boots',
          'Test failed: boom',
          'https://gitlab.example/g/p/-/pipelines/47/test_report',
        ],
      ],
    );
  });

  test('the line of a trace: the file itself, not another file ending in its name', () => {
    assert.equal(lineInTrace('at spec/a_spec.rb:7', 'spec/a_spec.rb'), 7);
    assert.equal(lineInTrace('at /builds/x/spec/a_spec.rb:7', 'spec/a_spec.rb'), 7);
    assert.equal(lineInTrace('at spec/extra_a_spec.rb:7', 'a_spec.rb'), undefined);
    assert.equal(lineInTrace('nothing here', 'a_spec.rb'), undefined);
  });
});
