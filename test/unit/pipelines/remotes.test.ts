import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  DEFAULT_HOST_SETTINGS,
  branchFromHead,
  githubWebRoot,
  parseRemoteUrl,
  placeRemote,
  redactRemoteUrl,
  remotesFromGitConfig,
} from '../../../client/src/pipelines/core/remotes';
import { USER_ONLY_SETTINGS, readServiceSettings, type Inspected } from '../../../client/src/pipelines/core/settings';

describe('parseRemoteUrl', () => {
  const cases: [string, ReturnType<typeof parseRemoteUrl>][] = [
    ['https://github.com/octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    ['https://github.com/octo-org/hello', { host: 'github.com', path: 'octo-org/hello' }],
    ['https://github.com/octo-org/hello/', { host: 'github.com', path: 'octo-org/hello' }],
    ['https://user:secret@github.com/octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    ['git@github.com:octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    ['github.com:octo-org/hello', { host: 'github.com', path: 'octo-org/hello' }],
    ['ssh://git@github.com/octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    [
      'ssh://git@gitlab.example.com:2222/group/sub/project.git',
      { host: 'gitlab.example.com', port: 2222, path: 'group/sub/project' },
    ],
    [
      'https://GitLab.Example.com:8443/group/sub/deeper/project.git',
      { host: 'gitlab.example.com', port: 8443, path: 'group/sub/deeper/project' },
    ],
    ['git@gitlab.com:group/subgroup/project.git', { host: 'gitlab.com', path: 'group/subgroup/project' }],
    ['git://github.com/octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    ['git+ssh://git@github.com/octo-org/hello.git', { host: 'github.com', path: 'octo-org/hello' }],
    ['org-123@ssh.octo.ghe.com:octo-org/hello.git', { host: 'ssh.octo.ghe.com', path: 'octo-org/hello' }],
    ['http://127.0.0.1:41234/octo-org/hello.git', { host: '127.0.0.1', port: 41234, path: 'octo-org/hello' }],
    ['/home/me/repos/hello.git', undefined],
    ['../hello', undefined],
    ['file:///srv/git/hello.git', undefined],
    ['C:\\repos\\hello', undefined],
    ['https://github.com/justone', undefined],
    ['', undefined],
  ];
  for (const [url, expected] of cases)
    test(url || '(empty)', () => {
      assert.deepEqual(parseRemoteUrl(url), expected);
    });
});

describe('placeRemote', () => {
  const place = (url: string, settings = DEFAULT_HOST_SETTINGS) => placeRemote(parseRemoteUrl(url)!, settings);

  test('github.com and gitlab.com', () => {
    assert.deepEqual(place('git@github.com:octo-org/hello.git'), {
      provider: 'github',
      apiUrl: 'https://api.github.com',
      webUrl: 'https://github.com/octo-org/hello',
      path: 'octo-org/hello',
      owner: 'octo-org',
      name: 'hello',
      host: 'github.com',
    });
    const gitlab = place('https://gitlab.com/group/sub/project.git');
    assert.equal(gitlab.provider, 'gitlab');
    assert.ok(gitlab.provider === 'gitlab');
    assert.equal(gitlab.apiUrl, 'https://gitlab.com');
    assert.equal(gitlab.owner, 'group/sub');
    assert.equal(gitlab.webUrl, 'https://gitlab.com/group/sub/project');
  });

  test('GitHub Enterprise Cloud with data residency (*.ghe.com), over https and ssh', () => {
    const https = place('https://octo.ghe.com/octo-org/hello.git');
    assert.ok(https.provider === 'github');
    assert.equal(https.apiUrl, 'https://api.octo.ghe.com');
    assert.equal(https.webUrl, 'https://octo.ghe.com/octo-org/hello');
    const ssh = place('org-1@ssh.octo.ghe.com:octo-org/hello.git');
    assert.ok(ssh.provider === 'github');
    assert.equal(ssh.apiUrl, 'https://api.octo.ghe.com');
  });

  test('GitHub Enterprise Server through shipshape.pipelines.github.apiUrl, ssh remote without port', () => {
    const settings = { ...DEFAULT_HOST_SETTINGS, githubApiUrl: 'https://ghe.example.com/api/v3' };
    const placed = place('git@ghe.example.com:team/app.git', settings);
    assert.ok(placed.provider === 'github');
    assert.equal(placed.apiUrl, 'https://ghe.example.com/api/v3');
    assert.equal(placed.webUrl, 'https://ghe.example.com/team/app');
  });

  test('self-managed GitLab through shipshape.pipelines.gitlab.url, with subgroups and an ssh port', () => {
    const settings = { ...DEFAULT_HOST_SETTINGS, gitlabUrl: 'https://git.example.org' };
    const placed = place('ssh://git@git.example.org:2222/platform/infra/deploy.git', settings);
    assert.ok(placed.provider === 'gitlab');
    assert.equal(placed.apiUrl, 'https://git.example.org');
    assert.equal(placed.path, 'platform/infra/deploy');
  });

  test('enterpriseHosts places extra hosts of either provider', () => {
    const settings = {
      ...DEFAULT_HOST_SETTINGS,
      enterpriseHosts: { 'code.corp.example': 'github' as const, 'ci.corp.example': 'gitlab' as const },
    };
    const github = place('git@code.corp.example:team/app.git', settings);
    assert.ok(github.provider === 'github');
    assert.equal(github.apiUrl, 'https://code.corp.example/api/v3');
    const gitlab = place('https://ci.corp.example/a/b/c.git', settings);
    assert.ok(gitlab.provider === 'gitlab');
    assert.equal(gitlab.apiUrl, 'https://ci.corp.example');
  });

  test('one machine serving GitHub and GitLab on two ports is told apart by port', () => {
    const settings = {
      ...DEFAULT_HOST_SETTINGS,
      githubApiUrl: 'http://127.0.0.1:4001/api/v3',
      gitlabUrl: 'http://127.0.0.1:4002',
    };
    assert.equal(place('http://127.0.0.1:4001/octo-org/hello.git', settings).provider, 'github');
    assert.equal(place('http://127.0.0.1:4002/group/project.git', settings).provider, 'gitlab');
  });

  test('a GitLab under a relative URL root shares its host with GHES', () => {
    const settings = {
      ...DEFAULT_HOST_SETTINGS,
      githubApiUrl: 'https://code.example.com/api/v3',
      gitlabUrl: 'https://code.example.com/gitlab',
    };
    const gitlab = place('https://code.example.com/gitlab/group/sub/project.git', settings);
    assert.ok(gitlab.provider === 'gitlab');
    assert.equal(gitlab.path, 'group/sub/project');
    assert.equal(gitlab.webUrl, 'https://code.example.com/gitlab/group/sub/project');
    assert.equal(place('https://code.example.com/octo-org/hello.git', settings).provider, 'github');
  });

  test('an unknown host is kept, with the setting that would place it', () => {
    const placed = place('git@git.unknown.example:team/app.git');
    assert.equal(placed.provider, 'unknown');
    assert.ok(placed.provider === 'unknown');
    assert.match(placed.reason, /shipshape\.pipelines\.enterpriseHosts/);
    assert.equal(placed.host, 'git.unknown.example');
  });

  test('a GitHub path that is not owner/repo is not placed', () => {
    assert.equal(place('https://github.com/a/b/c.git').provider, 'unknown');
  });

  test('githubWebRoot', () => {
    assert.equal(githubWebRoot('https://api.github.com'), 'https://github.com');
    assert.equal(githubWebRoot('https://ghe.example.com/api/v3/'), 'https://ghe.example.com');
    assert.equal(githubWebRoot('https://api.octo.ghe.com'), 'https://octo.ghe.com');
  });
});

describe('.git files', () => {
  test('remotesFromGitConfig reads every remote, with quoted names and comments', () => {
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "origin"]',
      '\turl = git@github.com:octo-org/hello.git',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '# a comment',
      '[remote "upstream"]',
      '\turl = https://gitlab.com/group/sub/project.git',
      '[branch "main"]',
      '\tremote = origin',
      '\turl = not-a-remote',
    ].join('\n');
    assert.deepEqual(remotesFromGitConfig(config), [
      { name: 'origin', url: 'git@github.com:octo-org/hello.git' },
      { name: 'upstream', url: 'https://gitlab.com/group/sub/project.git' },
    ]);
  });

  test('branchFromHead', () => {
    assert.equal(branchFromHead('ref: refs/heads/feature/x\n'), 'feature/x');
    assert.equal(branchFromHead('acb5820ced9479c074f688cc328bf03f341a511d\n'), undefined);
  });

  test('redactRemoteUrl drops credentials', () => {
    assert.equal(redactRemoteUrl('https://x-access-token:ghp_secret@github.com/o/r.git'), 'https://github.com/o/r.git');
    assert.equal(redactRemoteUrl('git@github.com:o/r.git'), 'git@github.com:o/r.git');
  });
});

describe('settings', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<
    string,
    { scope?: string; markdownDescription?: string }
  >;

  test('the settings that choose servers are machine or application scoped', () => {
    for (const key of USER_ONLY_SETTINGS) {
      const setting = properties[`shipshape.${key}`];
      assert.ok(setting, `shipshape.${key} is declared`);
      assert.ok(['machine', 'application'].includes(setting.scope ?? ''), `shipshape.${key} scope ${setting.scope}`);
    }
    for (const [key, setting] of Object.entries(properties).filter(([k]) => k.startsWith('shipshape.pipelines.'))) {
      assert.ok(setting.scope, `${key} has a scope`);
      assert.ok(setting.markdownDescription, `${key} has a markdownDescription`);
    }
  });

  test('a workspace value cannot redirect the API URLs or add enterprise hosts', () => {
    const values: Record<string, Inspected<unknown>> = {
      'pipelines.github.apiUrl': {
        defaultValue: 'https://api.github.com',
        workspaceValue: 'https://evil.example/api/v3',
        workspaceFolderValue: 'https://evil.example/api/v3',
      },
      'pipelines.gitlab.url': {
        defaultValue: 'https://gitlab.com',
        globalValue: 'https://git.example.org',
        workspaceValue: 'https://evil.example',
      },
      'pipelines.enterpriseHosts': { defaultValue: {}, workspaceValue: { 'evil.example': 'github' } },
      'pipelines.runsPerWorkflow': { defaultValue: 10, workspaceValue: 3 },
      'pipelines.notify': { defaultValue: 'failures', globalValue: 'all' },
      'pipelines.healthWindow': { defaultValue: 30, workspaceValue: 500 },
    };
    const settings = readServiceSettings(<T>(key: string) => values[key] as Inspected<T> | undefined);
    assert.deepEqual(settings, {
      hosts: { githubApiUrl: 'https://api.github.com', gitlabUrl: 'https://git.example.org', enterpriseHosts: {} },
      runsPerWorkflow: 3,
      // GitHub and GitLab give at most 100 runs a page, and the window is fetched in one request.
      healthWindow: 100,
      notify: 'all',
    });
    // And so a remote on the workspace's host stays unplaced, with the hint.
    assert.equal(placeRemote(parseRemoteUrl('git@evil.example:o/r.git')!, settings.hosts).provider, 'unknown');
  });
});
