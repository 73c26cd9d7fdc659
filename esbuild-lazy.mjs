// Lazy chunks: the big parsers that only one kind of file needs are bundled into files of their own under
// dist/chunks/, and the server and CLI bundles hold a small stand-in that `require`s the chunk on first use.
// Start-up then compiles neither the shell parser's runtime (web-tree-sitter), GitHub's workflow parser nor the
// Kubernetes schema until a Dockerfile RUN, a workflow or a manifest is checked (issue 16: `shipshape check` on an empty folder in ≤ 120 ms).
// The stand-in has one getter per export of the real module, so `import x from`, `import { y } from` and
// `x.y` all work unchanged; only code that reads an export while its module loads would load the chunk early.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const CHUNK_LOADER = resolve('server/src/host/chunk-loader.ts');

/** What a chunk's own `require('yaml')` returns: the host bundle's copy, so that both share one `yaml`. */
const SHARED = "Symbol.for('shipshape.shared-modules')";

/** `filter` matches the import as written (esbuild onResolve); `chunk` names dist/chunks/<chunk>.js. */
export const LAZY_MODULES = [
  // Its WebAssembly (dist/wasm/) is read by server/src/host/shell-parser.ts.
  { chunk: 'shell-parser', filter: /^web-tree-sitter$/, entry: require.resolve('web-tree-sitter') },
  {
    chunk: 'workflow-parser',
    filter: /\/workflow-parser\.bundle(\.js)?$/,
    entry: resolve('server/src/rules/github-actions/parser/workflow-parser.bundle.js'),
  },
  {
    chunk: 'kubernetes-schema',
    filter: /\/schemas\/kubernetes\/catalogue\.json$/,
    entry: resolve('schemas/kubernetes/catalogue.json'),
  },
];

/**
 * Entry chunks, each with the parser chunks above as chunks of its own, and each holding its own `yaml`:
 * - the CLI's engine (every rule, the parsers, the config files: server/src/cli/checker.ts), so that
 *   `shipshape --version`, `--help` and a check that finds nothing to check load only dist/cli.js;
 * - the language server's main thread and its checking worker (server/src/server.ts picks one), so that
 *   the worker loads no LSP library, and both load with V8's code cache (server/src/host/chunk-loader.ts).
 */
export const ENTRY_CHUNKS = [
  { chunk: 'checker', filter: /^\.(\/cli)?\/checker$/, entry: resolve('server/src/cli/checker.ts'), ownsYaml: true },
  {
    chunk: 'server-main',
    filter: /^\.\/lsp\/server-main$/,
    entry: resolve('server/src/lsp/server-main.ts'),
    ownsYaml: true,
  },
  {
    chunk: 'check-worker',
    filter: /^\.\/lsp\/worker-main$/,
    entry: resolve('server/src/lsp/worker-main.ts'),
    ownsYaml: true,
  },
];

/** Builds every chunk into `<outdir>/chunks/` and returns each with the names of its exports. */
export async function buildLazyChunks(common, outdir) {
  globalThis[Symbol.for('shipshape.shared-modules')] ??= { yaml: require('yaml') };
  const parsers = await Promise.all(LAZY_MODULES.map((lazy) => buildChunk(common, outdir, lazy, [sharedYamlPlugin])));
  // Their own stand-ins for the parser chunks find them beside them, in the same folder.
  const entries = await Promise.all(
    ENTRY_CHUNKS.map((entry) => buildChunk(common, outdir, entry, [lazyModulesPlugin(parsers, './')])),
  );
  return [...parsers, ...entries];
}

async function buildChunk(common, outdir, lazy, plugins) {
  const outfile = resolve(outdir, 'chunks', `${lazy.chunk}.js`);
  // Through `require`, so that a JSON entry is exported too (as an entry point of its own it is not).
  const stdin = { contents: `module.exports = require(${JSON.stringify(lazy.entry)});`, resolveDir: process.cwd() };
  await esbuild.build({ ...common, stdin, outfile, plugins });
  delete require.cache[outfile];
  return { ...lazy, exports: Object.keys(require(outfile)) };
}

/** In a chunk, `yaml` is the host bundle's copy (set by the stand-in before it loads the chunk). */
const sharedYamlPlugin = {
  name: 'shared-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'shared-module' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-module' }, () => ({
      contents: `module.exports = globalThis[${SHARED}].yaml;`,
      loader: 'js',
    }));
  },
};

/**
 * Replaces each lazy module, in the server and CLI bundles, with a stand-in that loads its chunk;
 * `folder`: where the chunks are, as seen from the bundle being built.
 */
export function lazyModulesPlugin(chunks, folder = './chunks/') {
  return {
    name: 'lazy-modules',
    setup(build) {
      for (const chunk of chunks) {
        build.onResolve({ filter: chunk.filter }, () => ({ path: chunk.chunk, namespace: 'lazy-module' }));
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
        const chunk = chunks.find((candidate) => candidate.chunk === args.path);
        return { contents: standIn(chunk, folder), loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

function standIn(chunk, folder) {
  // A chunk that holds its own yaml (the CLI's checker) must not pull the host's into the front end.
  const share = chunk.ownsYaml ? '' : `globalThis[${SHARED}] ??= { yaml: require('yaml') };`;
  // The chunk's path is resolved at run time, beside the bundle; chunk-loader.ts keeps V8's code cache of it.
  return `let loaded;
function load() {
  if (loaded === undefined) {
    ${share}
    const { loadChunk } = require(${JSON.stringify(CHUNK_LOADER)});
    loaded = loadChunk(require('node:path').join(__dirname, ${JSON.stringify(`${folder}${chunk.chunk}.js`)}));
  }
  return loaded;
}
for (const name of ${JSON.stringify(chunk.exports)}) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
}
`;
}
