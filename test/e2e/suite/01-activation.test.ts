import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture } from './helpers';
import { waitForOutput } from './output-log';

const STARTED = /Shipshape language server (\S+) started/g;

/** How many times the server has said it started, and the version it gave the last time. */
function serverStarts(text: string): { count: number; version: string } | undefined {
  const matches = [...text.matchAll(STARTED)];
  return matches.length ? { count: matches.length, version: matches[matches.length - 1][1] } : undefined;
}

suite('1. activation', () => {
  test('opening a Dockerfile activates the extension; the output channel shows the server version', async () => {
    await openFixture('Dockerfile');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    if (process.env.SHIPSHAPE_E2E_FROM === 'vsix') {
      // The VSIX installed into the isolated profile is what runs, not the working tree.
      assert.ok(
        extension.extensionPath.startsWith(process.env.SHIPSHAPE_E2E_EXTENSIONS_DIR ?? '\0'),
        `loaded from ${extension.extensionPath}`,
      );
    }
    await extension.activate();
    assert.equal(extension.isActive, true);

    const started = await waitForOutput(serverStarts, 'the server start line');
    assert.equal(started.version, extension.packageJSON.version);
  });

  test('"Shipshape: Restart Language Server" starts the server again', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('shipshape.restartServer'), 'command shipshape.restartServer is not registered');
    const before = await waitForOutput(serverStarts, 'the server start line');
    await vscode.commands.executeCommand('shipshape.restartServer');
    const after = await waitForOutput((text) => {
      const starts = serverStarts(text);
      return starts && starts.count > before.count ? starts : undefined;
    }, 'a second server start line after the restart');
    assert.equal(after.version, before.version);
  });
});
