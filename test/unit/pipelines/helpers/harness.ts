/**
 * A PipelinesService wired to real providers talking to the stand-in server, on a fake clock.
 */
import * as assert from 'node:assert/strict';
import { GitHubProvider } from '../../../../client/src/pipelines/core/github-provider';
import { GitLabProvider } from '../../../../client/src/pipelines/core/gitlab-provider';
import {
  PipelinesService,
  type CompletedRun,
  type ServiceSettings,
} from '../../../../client/src/pipelines/core/pipelines-service';
import { DEFAULT_HOST_SETTINGS } from '../../../../client/src/pipelines/core/remotes';
import { childRows, type Row } from '../../../../client/src/pipelines/core/rows';
import { FakeClock } from './fake-clock';
import { StandIn } from './stand-in';

/** Looks like a real token, so that a leak into any message would be caught by the tests. */
export const GITHUB_TOKEN = 'ghp_TestTokenThatMustNeverBePrinted0001';
export const GITLAB_TOKEN = 'glpat-TestTokenThatMustNeverBePrinted02';

export interface Harness {
  server: StandIn;
  clock: FakeClock;
  service: PipelinesService;
  completed: CompletedRun[];
  settings: ServiceSettings;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    github?: boolean;
    gitlab?: boolean;
    tokens?: boolean;
    notify?: ServiceSettings['notify'];
    /** The workspace's files, by `folder/path`. */
    files?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const server = await new StandIn().start();
  const clock = new FakeClock();
  const tokens = options.tokens ?? true;
  const settings: ServiceSettings = {
    hosts: { ...DEFAULT_HOST_SETTINGS, githubApiUrl: `${server.url}/api/v3`, gitlabUrl: `${server.url}/gitlab` },
    runsPerWorkflow: 5,
    notify: options.notify ?? 'all',
  };
  const service = new PipelinesService(
    clock,
    async (repository) =>
      repository.provider === 'github'
        ? new GitHubProvider({
            apiUrl: repository.apiUrl,
            owner: repository.owner,
            repo: repository.name,
            token: tokens ? GITHUB_TOKEN : undefined,
            fetch: globalThis.fetch,
            clock,
            retries: 1,
            retryBaseMs: 1,
          })
        : new GitLabProvider({
            url: repository.apiUrl,
            projectPath: repository.path,
            token: tokens ? GITLAB_TOKEN : undefined,
            fetch: globalThis.fetch,
            clock,
          }),
    settings,
    async (folder, path) => options.files?.[`${folder}/${path}`],
  );
  const completed: CompletedRun[] = [];
  service.onRunCompleted((event) => completed.push(event));
  return {
    server,
    clock,
    service,
    completed,
    settings,
    async stop() {
      service.dispose();
      await server.stop();
    },
  };
}

/** Advance the clock to the next scheduled poll and wait for it to finish. */
export async function nextPoll(harness: Harness): Promise<number> {
  const [delay] = harness.clock.pending();
  if (delay === undefined) throw new Error('no poll is scheduled');
  harness.clock.advance(delay);
  await harness.service.idle();
  return delay;
}

/** The rows the view would show under `parent` (the top level without one), at the fake clock's time. */
export function viewRows(harness: Harness, parent?: Row): Row[] {
  return childRows(harness.service, parent, { now: harness.clock.now() }).rows;
}

/** The first row whose label matches; fails the test, naming the rows there are, when none does. */
export function findRow(list: Row[], label: RegExp): Row {
  const row = list.find((each) => label.test(each.label));
  assert.ok(row, `no row ${label} among ${list.map((each) => each.label).join(' | ')}`);
  return row;
}
