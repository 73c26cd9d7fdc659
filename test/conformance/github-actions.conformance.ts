/**
 * Scores the GitHub Actions rules against actionlint's own test suite (../shared/conformance/actionlint):
 * - ok/: workflows actionlint accepts; our correctness rules must report nothing there;
 * - err/ and examples/: each `.out` line is an expected error `test.yaml:LINE:COL: message [check]`;
 *   for the checks that map to our rules (through `aliases`), the share we report on the same line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lint } from '../helpers/lint';
import { conformanceData } from './data-root';
import { registry } from '../../server/src/rules';
import scope from './github-actions/actionlint-scope.json';
import { externalChecks, externalFindings } from './github-actions/external-tools';
import { SCRIPT_SCOPED_CHECKS, scriptLines } from './github-actions/script-lines';

const root = conformanceData('actionlint/testdata');

/** actionlint check name → our rule ids, from every rule's `actionlint:<check>` aliases. */
const mapping = new Map<string, string[]>();
for (const rule of registry.all) {
  for (const alias of rule.aliases) {
    if (!alias.startsWith('actionlint:')) continue;
    const check = alias.slice('actionlint:'.length);
    mapping.set(check, [...(mapping.get(check) ?? []), rule.id]);
  }
}

// Under .github/workflows/ so it is classified as a workflow whatever its name.
const workflowPath = (file: string) => `/conformance/.github/workflows/${file.split('/').pop()}`;

/**
 * The files beside the test workflows that actionlint reads when run from their folder (local actions'
 * `action.yml`, called reusable workflows), placed at the same spot relative to our workflow path.
 */
function repositoryFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (dir: string, relative: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name), `${relative}/${entry.name}`);
      else if (entry.isFile())
        files[`/conformance${relative}/${entry.name}`] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  visit(join(folder, '.github', 'actions'), '/.github/actions');
  visit(join(folder, '.github', 'workflows'), '/.github/workflows');
  return files;
}

function lintAsWorkflow(file: string) {
  return lint(workflowPath(file), readFileSync(file, 'utf8'), { files: repositoryFiles(dirname(file)) });
}

/** Our rules' findings and, where installed, those of the programs actionlint also runs (ShellCheck). */
async function lintWithExternalTools(file: string) {
  const text = readFileSync(file, 'utf8');
  return [...lintAsWorkflow(file), ...(await externalFindings(workflowPath(file), text))];
}

/** Whether a finding's rule answers an actionlint check: by alias, or by rule family for outside programs. */
function answers(check: string, ruleId: string): boolean {
  const family = externalChecks.get(check);
  return (mapping.get(check) ?? []).includes(ruleId) || (family !== undefined && ruleId.startsWith(family));
}

// ok/: false positives of correctness rules.
const okDir = join(root, 'ok');
const falsePositives: string[] = [];
let okFiles = 0;
for (const name of readdirSync(okDir)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()) {
  okFiles++;
  for (const finding of lintAsWorkflow(join(okDir, name))) {
    if (scope.correctnessRules.includes(finding.ruleId))
      falsePositives.push(`${name}:${finding.range.start.line + 1}: ${finding.ruleId}: ${finding.message}`);
  }
}
const filesWithFalsePositives = new Set(falsePositives.map((fp) => fp.split(':')[0])).size;
console.log(
  `ok/: ${okFiles} files, ${falsePositives.length} findings of correctness rules in ${filesWithFalsePositives} files (${okFiles - filesWithFalsePositives}/${okFiles} clean)`,
);
for (const fp of falsePositives) console.log(`  FP ${fp}`);

// err/ and examples/: recall by line, per actionlint check.
interface Tally {
  expected: number;
  found: number;
}
const perCheck = new Map<string, Tally>();
const missed = new Map<string, string[]>();
void scoreErrors();

async function scoreErrors() {
  if (externalChecks.size > 0) {
    // What ShellCheck says on workflows actionlint (which runs it too) passes: to be kept at none.
    const extra: string[] = [];
    for (const name of readdirSync(okDir).filter((n) => /\.ya?ml$/.test(n))) {
      const file = join(okDir, name);
      for (const f of await externalFindings(workflowPath(file), readFileSync(file, 'utf8')))
        extra.push(`${name}:${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
    }
    console.log(`ok/: ${extra.length} findings of ${[...externalChecks.keys()].join(', ')}`);
    for (const line of extra) console.log(`  ${line}`);
  }
  for (const folder of ['err', 'examples']) {
    const dir = join(root, folder);
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.out'))
      .sort()) {
      const workflow = ['.yaml', '.yml'].map((ext) => join(dir, name.replace(/\.out$/, ext))).find(existsSync);
      if (!workflow) continue;
      const findings = await lintWithExternalTools(workflow);
      const text = readFileSync(workflow, 'utf8');
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const place = /:(\d+):(\d+):/.exec(line);
        const check = /\\?\[([\w-]+)\\?\]\/?\s*$/.exec(line)?.[1];
        if (!place || !check) continue;
        const tally = perCheck.get(check) ?? { expected: 0, found: 0 };
        perCheck.set(check, tally);
        tally.expected++;
        // A whole-script check's expected line is the run: key; the lines of the script it names answer it.
        const lines = SCRIPT_SCOPED_CHECKS.has(check) ? scriptLines(text, Number(place[1]), line) : undefined;
        const hit = findings.some(
          (f) => answers(check, f.ruleId) && (lines ?? new Set([Number(place[1])])).has(f.range.start.line + 1),
        );
        if (hit) tally.found++;
        else missed.set(check, [...(missed.get(check) ?? []), `${folder}/${name}:${place[1]}`]);
      }
    }
  }
  console.log('\nerr/ + examples/: recall by line, per actionlint check');
  console.log('check                 our rules                                          found/expected');
  let mappedExpected = 0;
  let mappedFound = 0;
  for (const [check, tally] of [...perCheck].sort((a, b) => b[1].expected - a[1].expected)) {
    const family = externalChecks.get(check);
    const ours = mapping.get(check) ?? (family ? [`${family}*`] : undefined);
    const rules = ours
      ? ours.map((id) => id.replace('github-actions/', '')).join(', ')
      : `— ${(scope.notCovered as Record<string, string>)[check] ? 'see actionlint-scope.json' : 'not covered'}`;
    if (ours) {
      mappedExpected += tally.expected;
      mappedFound += tally.found;
    }
    console.log(`${check.padEnd(22)}${rules.padEnd(51)}${tally.found}/${tally.expected}`);
  }
  const percent = mappedExpected ? ((100 * mappedFound) / mappedExpected).toFixed(1) : '0';
  console.log(`\nrecall on mapped checks: ${mappedFound}/${mappedExpected} (${percent}%)`);
  const allExpected = [...perCheck.values()].reduce((sum, tally) => sum + tally.expected, 0);
  const allFound = [...perCheck.values()].reduce((sum, tally) => sum + tally.found, 0);
  console.log(`recall on all checks: ${allFound}/${allExpected} (${((100 * allFound) / allExpected).toFixed(1)}%)`);
  // --verbose: the misses grouped by actionlint check, biggest group first, to choose what to close next.
  if (process.argv.includes('--verbose'))
    for (const [check, places] of [...missed].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  missed ${check} (${places.length}):`);
      for (const place of places) console.log(`    ${place}`);
    }
}
