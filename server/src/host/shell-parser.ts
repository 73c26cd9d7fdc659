/**
 * Loads the shell parser's WebAssembly (rules/dockerfile/model/shell-syntax.ts) before Dockerfiles are
 * checked: compiling it is asynchronous and the engine is not. Every front end awaits `prepareParsers` with
 * the kinds it is about to check (the CLI and its `--jobs` workers, the language server's check worker, the
 * test runners' preload).
 *
 * The build copies the two .wasm files beside the bundles (esbuild.mjs: dist/wasm/), which may run from
 * dist/ or dist/chunks/; run from the sources (tsx), they come from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileKind } from '../engine/types';
import { prepareShellParser, type ShellParserFiles } from '../rules/dockerfile/model/shell-syntax';
import { keepWebAssemblyBaseline } from './v8-flags';

/** Set by the build (esbuild.mjs `define`): the files must be beside the bundle, never in node_modules. */
declare const SHIPSHAPE_BUNDLED: boolean | undefined;

export const SHELL_PARSER_FILES = { runtime: 'web-tree-sitter.wasm', grammar: 'tree-sitter-bash.wasm' } as const;
/** The folder of dist/ the build copies them to. */
export const SHELL_PARSER_FOLDER = 'wasm';

/** Loads what checking files of `kinds` needs beyond the code: the shell parser for Dockerfiles. */
export async function prepareParsers(kinds: Iterable<FileKind | undefined>): Promise<void> {
  for (const kind of kinds) if (kind === 'dockerfile') return prepareShellParser(readShellParserFiles);
}

async function readShellParserFiles(): Promise<ShellParserFiles> {
  keepWebAssemblyBaseline();
  const [runtime, grammar] = await Promise.all([
    readFile(shellParserFile(SHELL_PARSER_FILES.runtime, 'web-tree-sitter/web-tree-sitter.wasm')),
    readFile(shellParserFile(SHELL_PARSER_FILES.grammar, 'tree-sitter-bash/tree-sitter-bash.wasm')),
  ]);
  return { runtime, grammar };
}

function shellParserFile(name: string, module: string): string {
  if (typeof SHIPSHAPE_BUNDLED === 'undefined') return require.resolve(module);
  // dist/server.js and dist/cli.js, or a chunk of theirs in dist/chunks/.
  for (const dist of [__dirname, dirname(__dirname)]) {
    const path = join(dist, SHELL_PARSER_FOLDER, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} is missing from ${join(__dirname, SHELL_PARSER_FOLDER)}: the installation is incomplete.`);
}
