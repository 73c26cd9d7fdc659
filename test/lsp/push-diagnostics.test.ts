import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Hover } from 'vscode-languageserver-protocol';
import { DOCKERFILE, MANIFEST, WORKFLOW, workspace } from './fixtures';
import { docsLink, LspSession, ofRule, uri } from './lsp-session';

describe('language server, push diagnostics (client without textDocument/diagnostic)', () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = workspace();
    session = new LspSession({ pull: false, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('logs its version when initialized', async () => {
    await session.waitFor(
      () => session.logs.find((l) => /Shipshape language server \d+\.\d+\.\d+ started .*push diagnostics/.test(l)),
      'start message',
    );
  });

  test('publishes findings for a Dockerfile, a manifest and a workflow with code, source, docs link and exact range', async () => {
    const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
    const manifest = await session.open(join(root, 'k8s/pod.yaml'), MANIFEST, 'yaml');
    const workflow = await session.open(join(root, '.github/workflows/triage.yml'), WORKFLOW, 'yaml');

    const [pin] = ofRule(
      await session.publishedDiagnostics(dockerfile, (d) => ofRule(d, 'dockerfile/pin-base-image').length > 0),
      'dockerfile/pin-base-image',
    );
    assert.equal(pin.source, 'shipshape');
    assert.equal(
      pin.codeDescription?.href,
      'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/dockerfile/pin-base-image.md',
    );
    assert.equal(pin.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(pin.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });

    const [tag] = ofRule(
      await session.publishedDiagnostics(manifest, (d) => ofRule(d, 'kubernetes/image-tag').length > 0),
      'kubernetes/image-tag',
    );
    assert.equal(tag.codeDescription?.href, docsLink('kubernetes/image-tag'));
    assert.deepEqual(tag.range, { start: { line: 7, character: 13 }, end: { line: 7, character: 18 } });

    const [injection] = ofRule(
      await session.publishedDiagnostics(workflow, (d) => ofRule(d, 'github-actions/script-injection').length > 0),
      'github-actions/script-injection',
    );
    assert.equal(injection.codeDescription?.href, docsLink('github-actions/script-injection'));
    assert.equal(injection.severity, DiagnosticSeverity.Error);
    assert.deepEqual(injection.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 47 } });
  });

  test('a YAML file that is none of ours gets no diagnostics', async () => {
    const other = await session.open(join(root, 'config/app.yaml'), 'port: 8080\nlatest: true\n', 'yaml');
    assert.deepEqual(await session.publishedDiagnostics(other), []);
  });

  test('an edit brings fresh diagnostics; removing the problem clears them', async () => {
    const path = join(root, 'edit/Dockerfile');
    const pins = (d: Parameters<typeof ofRule>[0]) => ofRule(d, 'dockerfile/pin-base-image');
    const document = await session.open(path, 'FROM alpine:3.20\n', 'dockerfile');
    assert.deepEqual(pins(await session.publishedDiagnostics(document)), []);
    await session.replace(document, 'FROM alpine\n');
    const [finding] = pins(await session.publishedDiagnostics(document, (d) => pins(d).length === 1));
    assert.deepEqual(finding.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
    await session.replace(document, 'FROM alpine:3.20\n');
    await session.publishedDiagnostics(document, (d) => pins(d).length === 0);
  });

  test('quick typing: only the latest version is published', async () => {
    const document = await session.open(join(root, 'typing/Dockerfile'), 'FROM a:1\n', 'dockerfile');
    await session.publishedDiagnostics(document);
    const before = session.publishCount(document);
    // A long file, so that the check of the burst's first edit is still running when the others arrive
    // (with a short one a fast check may finish, and rightly publish, between two edits).
    const labels = Array.from({ length: 4000 }, (_, i) => `LABEL k${i}=v${i}\n`).join('');
    for (const from of ['FROM b\n', 'FROM c\n', 'FROM d\n', 'FROM e:1\n'])
      await session.replace(document, from + labels);
    const versions = () => session.publishedVersions(document).slice(before);
    await session.waitFor(() => (versions().includes(5) ? true : undefined), 'the last version published');
    // Give a stale result the time to arrive, were one still coming.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Results of superseded versions are dropped: four edits in a burst publish once, for the last.
    assert.deepEqual(versions(), [5]);
    assert.deepEqual(ofRule(await session.publishedDiagnostics(document), 'dockerfile/pin-base-image'), []);
  });

  test('changed settings change severities without reopening', async () => {
    const document = await session.open(join(root, 'settings/Dockerfile'), 'FROM redis\n', 'dockerfile');
    const pins = (d: Parameters<typeof ofRule>[0]) => ofRule(d, 'dockerfile/pin-base-image');
    const [first] = pins(await session.publishedDiagnostics(document, (d) => pins(d).length === 1));
    assert.equal(first.severity, DiagnosticSeverity.Warning);
    assert.ok(
      session.configurationRequests.some((item) => item.section === 'shipshape' && item.scopeUri === document),
      'settings pulled per document',
    );
    await session.changeSettings({ rules: { 'dockerfile/pin-base-image': 'error' } });
    await session.publishedDiagnostics(document, (d) => pins(d)[0]?.severity === DiagnosticSeverity.Error);
    await session.changeSettings({ rules: { 'dockerfile/pin-base-image': 'off' } });
    await session.publishedDiagnostics(document, (d) => pins(d).length === 0);
    await session.changeSettings({ rules: {} });
  });

  test('a .shipshape.yaml change on disk re-checks open files', async () => {
    const path = join(root, 'configured/Dockerfile');
    const document = await session.open(path, 'FROM redis\n', 'dockerfile');
    const pins = (d: Parameters<typeof ofRule>[0]) => ofRule(d, 'dockerfile/pin-base-image');
    await session.publishedDiagnostics(document, (d) => pins(d).length === 1);
    mkdirSync(join(root, 'configured'), { recursive: true });
    writeFileSync(join(root, 'configured/.shipshape.yaml'), 'rules:\n  dockerfile/pin-base-image: off\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(join(root, 'configured/.shipshape.yaml')), type: 1 }],
    });
    await session.publishedDiagnostics(document, (d) => pins(d).length === 0);
  });

  test('code actions: ignore on this line and in this file, with direct edits', async () => {
    const document = await session.open(join(root, 'actions/Dockerfile'), 'FROM node:latest\n', 'dockerfile');
    const diagnostics = ofRule(
      await session.publishedDiagnostics(document, (d) => ofRule(d, 'dockerfile/pin-base-image').length === 1),
      'dockerfile/pin-base-image',
    );
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: document },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore dockerfile/pin-base-image on this line'), titles.join(', '));
    assert.ok(titles.includes('Ignore dockerfile/pin-base-image in this file'), titles.join(', '));
    const ignore = actions.find((action) => action.title.endsWith('on this line'))!;
    assert.equal(ignore.kind, 'quickfix');
    const edit = ignore.edit?.documentChanges?.[0] as { edits: Array<{ newText: string }> };
    assert.equal(edit.edits[0].newText, '# shipshape-ignore dockerfile/pin-base-image\n');
  });

  test('hover on a finding shows the rule summary and docs link', async () => {
    const document = await session.open(join(root, 'hover/Dockerfile'), 'FROM node:latest\n', 'dockerfile');
    await session.publishedDiagnostics(document, (d) => ofRule(d, 'dockerfile/pin-base-image').length === 1);
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: document },
      position: { line: 0, character: 12 },
    });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\*\*dockerfile\/pin-base-image\*\*/);
    assert.match(value, /docs\/rules\/dockerfile\/pin-base-image\.md/);
    const elsewhere = await session.open(join(root, 'hover2/Dockerfile'), 'FROM node:22\n', 'dockerfile');
    await session.publishedDiagnostics(elsewhere);
    const nothing = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: elsewhere },
      position: { line: 0, character: 7 },
    });
    assert.doesNotMatch((nothing?.contents as { value?: string } | undefined)?.value ?? '', /pin-base-image/);
  });
});
