/**
 * Response bodies in the shapes GitHub's and GitLab's REST documentation publish (the fields our
 * model reads, plus their neighbours, so that a mapping reading the wrong field fails).
 */
const OWNER = { login: 'octocat', id: 1, type: 'User' };

export function githubRun(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 30433642;
  return {
    id,
    name: 'CI',
    node_id: 'WFR_kwLOBmZfls4BnC9q',
    head_branch: 'main',
    head_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
    path: '.github/workflows/ci.yml',
    display_title: 'Fix the parser',
    run_number: 412,
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    workflow_id: 159038,
    check_suite_id: 414944374,
    url: `https://api.github.com/repos/octo-org/hello/actions/runs/${id}`,
    html_url: `https://github.com/octo-org/hello/actions/runs/${id}`,
    pull_requests: [],
    created_at: '2026-05-04T11:50:00Z',
    updated_at: '2026-05-04T11:53:20Z',
    actor: OWNER,
    run_attempt: 1,
    run_started_at: '2026-05-04T11:50:05Z',
    triggering_actor: OWNER,
    jobs_url: `https://api.github.com/repos/octo-org/hello/actions/runs/${id}/jobs`,
    logs_url: `https://api.github.com/repos/octo-org/hello/actions/runs/${id}/logs`,
    head_commit: {
      id: 'acb5820ced9479c074f688cc328bf03f341a511d',
      tree_id: 'd23f6eedb1e1b9610bbc754ddb5197bfe7271223',
      message: 'Fix the parser\n\nLonger body.',
      timestamp: '2026-05-04T11:49:00Z',
      author: { name: 'Mona', email: 'mona@example.com' },
      committer: { name: 'Mona', email: 'mona@example.com' },
    },
    repository: { id: 1296269, name: 'hello', full_name: 'octo-org/hello', owner: OWNER },
    ...overrides,
  };
}

export function githubRuns(runs: Record<string, unknown>[]): Record<string, unknown> {
  return { total_count: runs.length, workflow_runs: runs };
}

export function githubJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 399444496;
  return {
    id,
    run_id: 30433642,
    run_url: 'https://api.github.com/repos/octo-org/hello/actions/runs/30433642',
    node_id: 'MDEyOldvcmtmbG93IEpvYjM5OTQ0NDQ5Ng==',
    head_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
    url: `https://api.github.com/repos/octo-org/hello/actions/jobs/${id}`,
    html_url: `https://github.com/octo-org/hello/runs/${id}`,
    status: 'completed',
    conclusion: 'failure',
    started_at: '2026-05-04T11:50:10Z',
    completed_at: '2026-05-04T11:53:10Z',
    name: 'build',
    steps: [
      {
        name: 'Set up job',
        status: 'completed',
        conclusion: 'success',
        number: 1,
        started_at: '2026-05-04T11:50:10Z',
        completed_at: '2026-05-04T11:50:12Z',
      },
      {
        name: 'Run tests',
        status: 'completed',
        conclusion: 'failure',
        number: 2,
        started_at: '2026-05-04T11:50:12Z',
        completed_at: '2026-05-04T11:53:10Z',
      },
    ],
    check_run_url: `https://api.github.com/repos/octo-org/hello/check-runs/${id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions',
    run_attempt: 1,
    workflow_name: 'CI',
    head_branch: 'main',
    created_at: '2026-05-04T11:50:01Z',
    ...overrides,
  };
}

export function githubWorkflow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 159038;
  return {
    id,
    node_id: 'MDg6V29ya2Zsb3cxNjEzMzU=',
    name: 'CI',
    path: '.github/workflows/ci.yml',
    state: 'active',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    url: `https://api.github.com/repos/octo-org/hello/actions/workflows/${id}`,
    html_url: 'https://github.com/octo-org/hello/blob/main/.github/workflows/ci.yml',
    badge_url: 'https://github.com/octo-org/hello/workflows/CI/badge.svg',
    ...overrides,
  };
}

const GITLAB_USER = {
  id: 1,
  username: 'root',
  name: 'Administrator',
  state: 'active',
  avatar_url: '',
  web_url: 'https://gitlab.example.com/root',
};

export function gitlabPipeline(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 47;
  return {
    id,
    iid: 12,
    project_id: 1,
    status: 'success',
    source: 'push',
    ref: 'main',
    sha: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
    name: null,
    web_url: `https://gitlab.example.com/group/sub/project/-/pipelines/${id}`,
    created_at: '2026-05-04T11:50:00.000Z',
    updated_at: '2026-05-04T11:55:00.000Z',
    ...overrides,
  };
}

export function gitlabJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 7;
  return {
    id,
    status: 'success',
    stage: 'test',
    name: 'rspec',
    ref: 'main',
    tag: false,
    coverage: null,
    allow_failure: false,
    created_at: '2026-05-04T11:50:01.000Z',
    started_at: '2026-05-04T11:50:10.000Z',
    finished_at: '2026-05-04T11:52:10.000Z',
    duration: 120,
    queued_duration: 9,
    user: GITLAB_USER,
    commit: {
      id: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
      short_id: 'a91957a8',
      title: 'Fix the parser',
      message: 'Fix the parser',
    },
    pipeline: {
      id: 47,
      project_id: 1,
      ref: 'main',
      sha: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
      status: 'running',
    },
    web_url: `https://gitlab.example.com/group/sub/project/-/jobs/${id}`,
    project: { ci_job_token_scope_enabled: false },
    artifacts: [],
    runner: null,
    ...overrides,
  };
}

export function gitlabBridge(
  downstream: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    // Created with the pipeline, after the jobs of earlier stages: GitLab's ids follow stage order.
    id: 13,
    status: downstream.status,
    stage: 'deploy',
    name: 'trigger-child',
    ref: 'main',
    tag: false,
    allow_failure: false,
    created_at: '2026-05-04T11:50:01.000Z',
    started_at: '2026-05-04T11:52:20.000Z',
    finished_at: null,
    duration: null,
    user: GITLAB_USER,
    commit: { id: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a', short_id: 'a91957a8', title: 'Fix the parser' },
    pipeline: {
      id: 47,
      project_id: 1,
      ref: 'main',
      sha: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
      status: 'running',
    },
    web_url: 'https://gitlab.example.com/group/sub/project/-/jobs/13',
    downstream_pipeline: downstream,
    ...overrides,
  };
}

/** A check run in the shape of GitHub's "List check runs for a Git reference" answer. */
export function githubCheckRun(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 4;
  return {
    id,
    head_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
    node_id: 'MDg6Q2hlY2tSdW40',
    external_id: '',
    url: `https://api.github.com/repos/octo-org/hello/check-runs/${id}`,
    html_url: `https://github.com/octo-org/hello/runs/${id}`,
    details_url: `https://github.com/octo-org/hello/actions/runs/30433642/job/${id}`,
    status: 'completed',
    conclusion: 'failure',
    started_at: '2026-05-04T11:50:10Z',
    completed_at: '2026-05-04T11:53:10Z',
    output: {
      title: 'test',
      summary: '',
      text: null,
      annotations_count: 1,
      annotations_url: `https://api.github.com/repos/octo-org/hello/check-runs/${id}/annotations`,
    },
    name: 'test',
    check_suite: { id: 5 },
    app: null,
    pull_requests: [],
    ...overrides,
  };
}

export function githubCheckRuns(runs: Record<string, unknown>[]): Record<string, unknown> {
  return { total_count: runs.length, check_runs: runs };
}

/** A check-run annotation in the shape of GitHub's "List check run annotations" answer. */
export function githubAnnotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    path: 'src/app.ts',
    start_line: 3,
    end_line: 3,
    start_column: null,
    end_column: null,
    annotation_level: 'failure',
    title: null,
    message: 'Expected 2, received 3',
    raw_details: null,
    blob_href: 'https://github.com/octo-org/hello/blob/acb5820ced9479c074f688cc328bf03f341a511d/src/app.ts',
    ...overrides,
  };
}

/** A pipeline test report in the shape of GitLab's `GET /projects/:id/pipelines/:pipeline_id/test_report`. */
export function gitlabTestReport(testCases: Record<string, unknown>[]): Record<string, unknown> {
  const failed = testCases.filter((testCase) => testCase.status === 'failed').length;
  return {
    total_time: 5,
    total_count: testCases.length,
    success_count: testCases.length - failed,
    failed_count: failed,
    skipped_count: 0,
    error_count: 0,
    test_suites: [
      {
        name: 'rspec',
        total_time: 5,
        total_count: testCases.length,
        success_count: testCases.length - failed,
        failed_count: failed,
        skipped_count: 0,
        error_count: 0,
        suite_error: null,
        test_cases: testCases.map((testCase) => ({
          status: 'success',
          name: 'works',
          classname: 'spec.models.user_spec',
          execution_time: 0.1,
          system_output: null,
          stack_trace: null,
          recent_failures: null,
          ...testCase,
        })),
      },
    ],
  };
}

/** `GET /repos/{owner}/{repo}`, the fields around `default_branch`. */
export function githubRepository(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: 'hello',
    full_name: 'octo-org/hello',
    owner: OWNER,
    private: false,
    html_url: 'https://github.com/octo-org/hello',
    default_branch: 'main',
    visibility: 'public',
    pushed_at: '2026-05-04T11:49:00Z',
    ...overrides,
  };
}

/** `GET /projects/:id`, the fields around `default_branch`. */
export function gitlabProject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1,
    name: 'project',
    path: 'project',
    path_with_namespace: 'group/sub/project',
    default_branch: 'main',
    visibility: 'private',
    web_url: 'https://gitlab.example.com/group/sub/project',
    last_activity_at: '2026-05-04T11:55:00.000Z',
    ...overrides,
  };
}

/** One entry of `GET /projects/:id/deployments`: the deployment, its environment and the job that ran it. */
export function gitlabDeployment(pipelineId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides.id as number) ?? 900 + pipelineId;
  return {
    id,
    iid: id,
    ref: 'main',
    sha: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
    created_at: '2026-05-04T11:56:00.000Z',
    updated_at: '2026-05-04T11:58:00.000Z',
    status: 'success',
    user: GITLAB_USER,
    environment: { id: 9, name: 'production', external_url: 'https://example.com' },
    deployable: {
      id: 5000 + pipelineId,
      status: 'success',
      stage: 'ship',
      name: 'push-live',
      ref: 'main',
      pipeline: {
        id: pipelineId,
        iid: pipelineId,
        project_id: 1,
        sha: 'a91957a858320c0e17f3a0eca7cfacbff50ea29a',
        ref: 'main',
        status: 'success',
        web_url: `https://gitlab.example.com/group/sub/project/-/pipelines/${pipelineId}`,
      },
    },
    ...overrides,
  };
}
