// `npm test`: every suite, in the order that fails fastest. The node:test suites run last and in one
// runner, so the output ends with one summary that says how many tests ran.
import { spawnSync } from 'node:child_process';

/** @type {Array<[name: string, command: string, args: string[]]>} */
const steps = [
  ['type-check', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['build', 'npm', ['run', 'build']],
  ['conformance', 'npm', ['run', 'conformance']],
  ['end-to-end in a real VS Code', 'npm', ['run', 'test:e2e']],
  ['containers on real Docker and Podman', process.execPath, ['test/containers/run.mjs']],
  [
    'unit, real-world pattern, protocol and CLI tests',
    process.execPath,
    ['test/run-unit.mjs', 'test/unit', 'test/realworld', 'test/lsp', 'test/cli'],
  ],
];

// ShellCheck and pyflakes are tools the CLI and the server run when they are there: the suites expect them. A
// machine without root may lack them (their tests then skip); in CI a missing one fails the run.
const tools = spawnSync('bash', ['test/cli/setup-tools.sh', 'shellcheck', 'python3-pyflakes'], { stdio: 'inherit' });
if (tools.status !== 0 && process.env.CI) {
  console.error('\n✖ shellcheck or pyflakes could not be installed (test/cli/setup-tools.sh)');
  process.exit(1);
}

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command === process.execPath ? 'node' : command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(1);
  }
  // Nothing after the last suite: the output must end with the test runner's own summary.
  if (name !== steps[steps.length - 1][0]) console.log(`✔ ${name} (${seconds} s)`);
}
