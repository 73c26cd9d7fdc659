import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { viewState } from '../../../client/src/pipelines/core/view-state';
import { startHarness, type Harness } from './helpers/harness';

/** The states in which the view shows a welcome instead of a tree, each reached for real. */
describe('view states', { timeout: 30_000 }, () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });
  const remote = (url: string) => [{ folder: '/ws', branch: 'main', remotes: [{ name: 'origin', url }] }];

  test('loading, then no remote', async () => {
    h = await startHarness();
    assert.equal(viewState(h.service, false), 'loading');
    h.service.setSources([{ folder: '/ws', branch: 'main', remotes: [] }]);
    assert.equal(viewState(h.service, true), 'noRemote');
  });

  test('only remotes on hosts we cannot place', async () => {
    h = await startHarness();
    h.service.setSources(remote('git@git.unknown.example:team/app.git'));
    assert.equal(viewState(h.service, true), 'unknownHost');
  });

  test('signed out: a private repository answers 404 without credentials', async () => {
    h = await startHarness({ tokens: false });
    h.server.on('GET', '/api/v3/.*', { status: 404, json: { message: 'Not Found' } });
    h.service.setSources(remote(`${h.server.url}/octo-org/private.git`));
    await h.service.idle();
    assert.equal(viewState(h.service, true), 'signedOut');
  });

  test('unreachable: nothing listens at the configured API', async () => {
    h = await startHarness();
    const url = h.server.url;
    await h.server.stop();
    h.server.stop = async () => undefined;
    h.service.setSources(remote(`${url}/octo-org/hello.git`));
    await h.service.idle();
    assert.equal(viewState(h.service, true), 'unreachable');
    const [repo] = h.service.repositories();
    assert.match(repo!.branchRuns.error!.message, /cannot reach the server \(ECONNREFUSED\)/);
  });

  test('a server error is not a whole-view state: the tree shows it as a node', async () => {
    h = await startHarness();
    h.server.on('GET', '/api/v3/.*', { status: 500, json: { message: 'Server Error' } });
    h.service.setSources(remote(`${h.server.url}/octo-org/hello.git`));
    await h.service.idle();
    assert.equal(viewState(h.service, true), 'ok');
  });

  test('every state has its welcome in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'));
    const whens = (manifest.contributes.viewsWelcome as { view: string; when: string }[])
      .filter((welcome) => welcome.view === 'shipshape.pipelines')
      .map((welcome) => welcome.when);
    for (const state of ['loading', 'noRemote', 'unknownHost', 'signedOut', 'unreachable'])
      assert.ok(whens.includes(`shipshape.pipelines.state == ${state}`), state);
  });
});
