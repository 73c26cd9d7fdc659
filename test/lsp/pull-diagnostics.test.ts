import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DOCKERFILE, MANIFEST, WORKFLOW, workspace } from './fixtures';
import { docsLink, LspSession, messageText, ofRule } from './lsp-session';

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

    const [pin] = ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/pin-base-image');
    assert.equal(pin.codeDescription?.href, docsLink('dockerfile/pin-base-image'));
    assert.deepEqual(pin.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
    const [tag] = ofRule(await session.pullDiagnostics(manifest), 'kubernetes/image-tag');
    assert.deepEqual(tag.range, { start: { line: 7, character: 13 }, end: { line: 7, character: 18 } });
    assert.equal(tag.severity, 1, '.shipshape.yaml made it an error');
    const [injection] = ofRule(await session.pullDiagnostics(workflow), 'github-actions/script-injection');
    assert.deepEqual(injection.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 47 } });

    await session.replace(dockerfile, 'FROM node:22.11\n');
    assert.deepEqual(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/pin-base-image'), []);
    assert.equal(session.publishCount(dockerfile), 0, 'no publishDiagnostics for a pull client');
  });

  test('a settings change asks the client to pull again', async () => {
    const before = session.refreshes;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitFor(() => (session.refreshes > before ? true : undefined), 'workspace/diagnostic/refresh');
  });

  test('editing an open .shipshape.yaml applies before it is saved', async () => {
    const manifest = await session.open(join(root, 'web.yaml'), MANIFEST, 'yaml');
    assert.equal(ofRule(await session.pullDiagnostics(manifest), 'kubernetes/image-tag').length, 1);
    const config = await session.open(join(root, '.shipshape.yaml'), 'rules:\n  kubernetes/image-tag: off\n', 'yaml');
    assert.deepEqual(ofRule(await session.pullDiagnostics(manifest), 'kubernetes/image-tag'), []);
    await session.replace(config, 'rules:\n  kubernetes/image-tag: off\n  kubernetes/imag-tag: error\n');
    const [problem] = ofRule(await session.pullDiagnostics(config), 'shipshape/config');
    assert.equal(problem.codeDescription?.href, docsLink('shipshape/config'));
    assert.match(messageText(problem), /Unknown rule 'kubernetes\/imag-tag'\. Did you mean 'kubernetes\/image-tag'\?/);
    assert.deepEqual(problem.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 21 } });
  });
});

describe('language server and an edited .hadolint.yaml', () => {
  test('an unsaved edit to .hadolint.yaml applies to open Dockerfiles', async () => {
    const root = workspace({ 'app/Dockerfile': 'FROM node:22.11\nUSER node\nRUN sudo true\n' });
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      const dockerfile = await session.open(
        join(root, 'app/Dockerfile'),
        'FROM node:22.11\nUSER node\nRUN sudo true\n',
        'dockerfile',
      );
      assert.equal(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/no-sudo').length, 1);
      // Opened with no text on disk yet; every later read sees the editor's text.
      const config = await session.open(join(root, '.hadolint.yaml'), 'ignored: []\n', 'yaml');
      await session.replace(config, 'ignored: [DL3004]\n');
      assert.deepEqual(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/no-sudo'), []);
    } finally {
      await session.close();
    }
  });
});

/** The checking worker starts before `initialize`; the first check still applies the editor's settings. */
describe('language server, editor settings on the first check', () => {
  test("the first file's first diagnostics follow the editor's rule settings", async () => {
    const root = workspace();
    const session = new LspSession({ pull: true, workspaceFolder: root });
    session.settings = { rules: { 'dockerfile/pin-base-image': 'error', 'dockerfile/no-sudo': 'off' } };
    try {
      await session.initialize();
      const document = await session.open(join(root, 'Dockerfile'), 'FROM redis\nRUN sudo true\n', 'dockerfile');
      const diagnostics = await session.pullDiagnostics(document);
      assert.equal(ofRule(diagnostics, 'dockerfile/pin-base-image')[0]?.severity, 1);
      assert.deepEqual(ofRule(diagnostics, 'dockerfile/no-sudo'), []);
    } finally {
      await session.close();
    }
  });
});

describe('language server without workspace/configuration', () => {
  test('uses defaults plus .shipshape.yaml', async () => {
    const root = workspace({ '.shipshape.yaml': 'rules:\n  dockerfile/pin-base-image: info\n' });
    const session = new LspSession({ pull: true, configuration: false, workspaceFolder: root });
    try {
      await session.initialize();
      const document = await session.open(join(root, 'Dockerfile'), 'FROM redis\n', 'dockerfile');
      const [finding] = ofRule(await session.pullDiagnostics(document), 'dockerfile/pin-base-image');
      assert.equal(finding.severity, 3);
      assert.equal(session.configurationRequests.length, 0);
    } finally {
      await session.close();
    }
  });
});

describe('completion in .shipshape.yaml', () => {
  test('top-level keys, rule ids not yet configured, then severities', async () => {
    const root = workspace();
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      const text =
        'rules:\n  dockerfile/pin-base-image: off\n  \n  kubernetes/image-tag: \n  dockerfile/inline-ignore: \n';
      const config = await session.open(join(root, '.shipshape.yaml'), text, 'yaml');
      const complete = (line: number, character: number) =>
        session.connection.sendRequest<Array<{ label: string; detail?: string }>>('textDocument/completion', {
          textDocument: { uri: config },
          position: { line, character },
        });
      assert.deepEqual(
        (await complete(0, 0)).map((item) => item.label),
        ['rules', 'ignore', 'failOn'],
      );
      const ids = (await complete(2, 2)).map((item) => item.label);
      assert.ok(ids.includes('github-actions/script-injection'));
      assert.ok(!ids.includes('dockerfile/pin-base-image'), 'already configured');
      const severities = await complete(3, 24);
      assert.deepEqual(
        severities.map((item) => item.label),
        ['off', 'error', 'warning', 'info'],
      );
      assert.equal(severities.find((item) => item.detail === 'default')?.label, 'warning');
      // An opt-in rule is off until configured: that is its default.
      const optIn = await complete(4, 28);
      assert.equal(optIn.find((item) => item.detail === 'default')?.label, 'off');
      const described = (await complete(2, 2)).find((item) => item.label === 'dockerfile/numeric-user');
      assert.match(described?.detail ?? '', /^default: off \(opt-in, \w+ when on\)$/);
      const elsewhere = await session.open(join(root, 'Dockerfile'), 'FROM node\n', 'dockerfile');
      assert.deepEqual(
        await session.connection.sendRequest('textDocument/completion', {
          textDocument: { uri: elsewhere },
          position: { line: 0, character: 2 },
        }),
        [],
      );
    } finally {
      await session.close();
    }
  });
});
