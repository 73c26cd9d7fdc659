import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { dockerfileStages } from '../../../server/src/lsp/dockerfile-stages';
import type { DockerfileOutline } from '../../../client/src/containers/core/dockerfile-outline';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** The outline the language server would answer for this Dockerfile text. */
export function outlineOf(text: string): DockerfileOutline {
  return dockerfileStages(text);
}

/** A temporary folder removed after the test file. */
export function tempDir(prefix = 'shipshape-containers-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes an executable shell script. */
export function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/**
 * A stand-in CLI that records the argv it was given, NUL-separated, so tests can prove each value
 * arrived as one literal argument.
 */
export function recorder(dir: string, name = 'docker'): { path: string; argv: () => string[] } {
  const record = join(dir, `${name}.argv`);
  const path = script(dir, name, `: > '${record}'\nfor a in "$@"; do printf '%s\\0' "$a" >> '${record}'; done`);
  return { path, argv: () => readFileSync(record, 'utf8').split('\0').slice(0, -1) };
}
