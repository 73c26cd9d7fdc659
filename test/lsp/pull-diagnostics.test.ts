import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DOCKERFILE, MANIFEST, WORKFLOW, workspace } from './fixtures';
import { LspSession } from './lsp-session';

describe('language server, pull diagnostics (client with textDocument/diagnostic)', () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = workspace({ '.shipshape.yaml': 'rules:\n  kubernetes/image-tag: error\n' });
    session = new LspSession({ pull: true, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('answers pulls with the same findings, and never pushes', async () => {
    const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
    const manifest = await session.open(join(root, 'pod.yaml'), MANIFEST, 'yaml');
    const workflow = await session.open(join(root, '.github/workflows/ci.yaml'), WORKFLOW, 'yaml');

    const [pin] = await session.pullDiagnostics(dockerfile);
    assert.equal(pin.code, 'dockerfile/pin-base-image');
    assert.deepEqual(pin.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
    const [tag] = await session.pullDiagnostics(manifest);
    assert.equal(tag.code, 'kubernetes/image-tag');
    assert.equal(tag.severity, 1, '.shipshape.yaml made it an error');
    const [injection] = await session.pullDiagnostics(workflow);
    assert.equal(injection.code, 'github-actions/script-injection');

    await session.replace(dockerfile, 'FROM node:22.11\n');
    assert.deepEqual(await session.pullDiagnostics(dockerfile), []);
    assert.equal(session.publishCount(dockerfile), 0, 'no publishDiagnostics for a pull client');
  });

  test('a settings change asks the client to pull again', async () => {
    const before = session.refreshes;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitFor(() => (session.refreshes > before ? true : undefined), 'workspace/diagnostic/refresh');
  });

  test('editing an open .shipshape.yaml applies before it is saved', async () => {
    const manifest = await session.open(join(root, 'web.yaml'), MANIFEST, 'yaml');
    assert.equal((await session.pullDiagnostics(manifest)).length, 1);
    const config = await session.open(join(root, '.shipshape.yaml'), 'rules:\n  kubernetes/image-tag: off\n', 'yaml');
    assert.deepEqual(await session.pullDiagnostics(manifest), []);
    await session.replace(config, 'rules:\n  kubernetes/image-tag: off\n  kubernetes/imag-tag: error\n');
    const [problem] = await session.pullDiagnostics(config);
    assert.equal(problem.code, 'shipshape/config');
    assert.match(problem.message, /Unknown rule 'kubernetes\/imag-tag'\. Did you mean 'kubernetes\/image-tag'\?/);
    assert.deepEqual(problem.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 21 } });
  });
});

describe('language server without workspace/configuration', () => {
  test('uses defaults plus .shipshape.yaml', async () => {
    const root = workspace({ '.shipshape.yaml': 'rules:\n  dockerfile/pin-base-image: info\n' });
    const session = new LspSession({ pull: true, configuration: false, workspaceFolder: root });
    try {
      await session.initialize();
      const document = await session.open(join(root, 'Dockerfile'), 'FROM redis\n', 'dockerfile');
      const [finding] = await session.pullDiagnostics(document);
      assert.equal(finding.severity, 3);
      assert.equal(session.configurationRequests.length, 0);
    } finally {
      await session.close();
    }
  });
});
