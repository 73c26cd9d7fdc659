/**
 * CI annotations of the checked-out commit through the scripted stand-in: GitHub check-run
 * annotations, GitLab failed jobs and test reports; re-asked when the commit or its runs change.
 */
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { AnnotationWatcher } from '../../../client/src/pipelines/core/annotations/annotation-watcher';
import {
  githubAnnotation,
  githubCheckRun,
  githubCheckRuns,
  githubRun,
  githubRuns,
  githubWorkflow,
  gitlabJob,
  gitlabPipeline,
  gitlabTestReport,
} from './helpers/fixtures';
import { startHarness, type Harness } from './helpers/harness';

const SHA = 'acb5820ced9479c074f688cc328bf03f341a511d';
const NEXT_SHA = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
const API = '/api/v3/repos/octo-org/hello';
const GITLAB_SHA = 'a91957a858320c0e17f3a0eca7cfacbff50ea29a';
const PROJECT = '/gitlab/api/v4/projects/group%2Fsub%2Fproject';

/** The workspace: files by repository-relative path. */
const WORKSPACE: Record<string, string> = {
  'src/app.ts': 'import { add } from "./add";\n\nexpect(add(1, 1)).toBe(3);\n',
  'src/util.ts': 'export const a = 1;\nexport const b = 2;\n',
  '.gitlab-ci.yml': 'stages: [test]\n\nrspec:\n  stage: test\n  script: bundle exec rspec\n',
  'spec/models/user_spec.rb': 'describe User do\n  it "validates" do\n    expect(1).to eq 2\n  end\nend\n',
};

describe('CI annotations', { timeout: 30_000 }, () => {
  let h: Harness;
  let watcher: AnnotationWatcher;
  const diagnostics = () =>
    watcher.all().flatMap((repo) => repo.diagnostics.map((d) => [d.path, d.line, d.severity, d.message]));
  const watchGitHub = async (commit: string) => {
    h.service.setSources([
      {
        folder: '/ws',
        branch: 'main',
        commit,
        remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }],
      },
    ]);
    await h.service.idle();
    await watcher.update();
  };

  beforeEach(async () => {
    h = await startHarness();
    watcher = new AnnotationWatcher(h.service, async (_folder, path) => WORKSPACE[path], h.clock);
    h.server.on('GET', `${API}/actions/workflows`, {
      status: 200,
      json: { total_count: 1, workflows: [githubWorkflow()] },
    });
  });
  afterEach(async () => {
    watcher.dispose();
    await h.stop();
  });

  test('GitHub: annotations of the failed check runs, at their lines; passed checks and missing files left out', async () => {
    h.server.on('GET', `${API}/actions/runs`, {
      status: 200,
      json: githubRuns([githubRun({ conclusion: 'failure' })]),
    });
    h.server.on('GET', `${API}/commits/${SHA}/check-runs`, {
      status: 200,
      json: githubCheckRuns([
        githubCheckRun({ id: 4, output: { title: 'test', summary: '', annotations_count: 4 } }),
        githubCheckRun({
          id: 5,
          name: 'lint',
          conclusion: 'success',
          output: { title: 'lint', summary: '', annotations_count: 1 },
        }),
      ]),
    });
    h.server.on('GET', `${API}/check-runs/4/annotations`, {
      status: 200,
      json: [
        githubAnnotation({ start_line: 3, end_line: 3, title: 'add adds' }),
        githubAnnotation({
          path: '/home/runner/work/hello/hello/src/util.ts',
          start_line: 2,
          end_line: 2,
          annotation_level: 'warning',
          message: 'b is unused',
        }),
        githubAnnotation({ path: 'src/deleted.ts', start_line: 1, end_line: 1 }),
        githubAnnotation({
          path: '.github',
          start_line: 1,
          end_line: 1,
          message: 'Process completed with exit code 1.',
        }),
      ],
    });
    await watchGitHub(SHA);
    assert.deepEqual(diagnostics(), [
      ['src/app.ts', 2, 'error', 'add adds: Expected 2, received 3'],
      ['src/util.ts', 1, 'warning', 'b is unused'],
    ]);
    assert.equal(h.server.count('GET', `${API}/check-runs/5/annotations`), 0, 'a passed check is not asked');
    assert.equal(watcher.all()[0]!.diagnostics[0]!.url, 'https://github.com/octo-org/hello/runs/4');

    // Nothing changed: no new request.
    const asked = h.server.count('GET', `${API}/commits/${SHA}/check-runs`);
    await watcher.update();
    assert.equal(h.server.count('GET', `${API}/commits/${SHA}/check-runs`), asked);
  });

  test('GitHub: the run re-run and passing clears them; a new commit clears them at once and asks for its own', async () => {
    h.server.sequence('GET', `${API}/actions/runs`, [
      { status: 200, json: githubRuns([githubRun({ conclusion: 'failure' })]) },
      { status: 200, json: githubRuns([githubRun({ conclusion: 'success', run_attempt: 2 })]) },
    ]);
    h.server.sequence('GET', `${API}/commits/${SHA}/check-runs`, [
      { status: 200, json: githubCheckRuns([githubCheckRun({ id: 4 })]) },
      { status: 200, json: githubCheckRuns([githubCheckRun({ id: 6, conclusion: 'success' })]) },
    ]);
    h.server.on('GET', `${API}/check-runs/4/annotations`, { status: 200, json: [githubAnnotation()] });
    await watchGitHub(SHA);
    assert.equal(diagnostics().length, 1);
    await h.service.refresh();
    await watcher.update();
    assert.deepEqual(diagnostics(), [], 'the re-run passed');

    h.server.on('GET', `${API}/commits/${NEXT_SHA}/check-runs`, {
      status: 200,
      json: githubCheckRuns([githubCheckRun({ id: 7, head_sha: NEXT_SHA })]),
    });
    h.server.on('GET', `${API}/check-runs/7/annotations`, {
      status: 200,
      json: [githubAnnotation({ start_line: 1, end_line: 1 })],
    });
    await watchGitHub(NEXT_SHA);
    assert.deepEqual(diagnostics(), [['src/app.ts', 0, 'error', 'Expected 2, received 3']]);
    assert.equal(h.server.count('GET', `${API}/commits/${NEXT_SHA}/check-runs`), 1);

    watcher.setEnabled(false);
    assert.deepEqual(diagnostics(), [], 'annotations off');
  });

  test('GitLab: the failed job at its key in .gitlab-ci.yml, and the test report failures at their lines', async () => {
    h.server.on('GET', `${PROJECT}/pipelines`, (request) =>
      request.query.get('sha') === GITLAB_SHA
        ? { status: 200, json: [gitlabPipeline({ id: 47, status: 'failed', sha: GITLAB_SHA })] }
        : { status: 200, json: [] },
    );
    h.server.on('GET', `${PROJECT}/pipelines/47/jobs`, {
      status: 200,
      json: [
        gitlabJob({ id: 11, name: 'rspec', status: 'failed', failure_reason: 'script_failure' }),
        gitlabJob({ id: 12, name: 'lint', status: 'failed', allow_failure: true, failure_reason: 'script_failure' }),
        gitlabJob({ id: 13, name: 'build', status: 'success' }),
      ],
    });
    h.server.on('GET', `${PROJECT}/pipelines/47/test_report`, {
      status: 200,
      json: gitlabTestReport([
        {
          status: 'failed',
          name: 'User validates',
          file: './spec/models/user_spec.rb',
          stack_trace: "expected: 2\n     got: 1\n# ./spec/models/user_spec.rb:3:in `block (2 levels)'",
        },
        { status: 'success', name: 'User saves', file: './spec/models/user_spec.rb' },
      ]),
    });
    h.service.setSources([
      {
        folder: '/ws',
        branch: 'main',
        commit: GITLAB_SHA,
        remotes: [{ name: 'origin', url: `${h.server.url}/gitlab/group/sub/project.git` }],
      },
    ]);
    await h.service.idle();
    await watcher.update();
    assert.deepEqual(diagnostics(), [
      ['.gitlab-ci.yml', 2, 'error', 'Job rspec failed: the script failed'],
      ['spec/models/user_spec.rb', 2, 'error', 'spec.models.user_spec User validates: Test failed: expected: 2'],
    ]);
    assert.ok(watcher.all()[0]!.diagnostics.every((d) => d.source === 'GitLab CI'));
  });
});
