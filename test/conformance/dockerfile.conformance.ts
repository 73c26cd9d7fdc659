/**
 * `npm run conformance dockerfile`: hadolint cannot run here, so its documented behaviour per rule is encoded
 * as our own cases (dockerfile/hadolint-cases.json). Each hadolint code maps to our rules through their
 * `hadolint:` aliases; per code we count, by line, what we report against what hadolint reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../helpers/lint';
import { registry } from '../../server/src/rules';
import type { RuleSettings } from '../../server/src/engine/config';
import { isOptIn } from '../../server/src/engine/opt-in';

interface Case {
  code: string;
  name: string;
  dockerfile: string;
  lines: number[];
  difference?: string;
  /** A `.hadolint.yaml` beside the Dockerfile, for the checks that only its settings switch on (label-schema). */
  hadolintConfig?: string;
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'dockerfile/hadolint-cases.json'), 'utf8')) as {
  cases: Case[];
};
const rows = new Map<string, { rules: string; tp: number; fp: number; fn: number; differences: string[] }>();
let unexpected = 0;

for (const testCase of cases) {
  const ruleIds = registry.byToolAlias('hadolint', testCase.code).map((rule) => rule.id);
  const row = rows.get(testCase.code) ?? {
    rules: ruleIds.join(', ') || '(unmapped)',
    tp: 0,
    fp: 0,
    fn: 0,
    differences: [],
  };
  rows.set(testCase.code, row);
  const ours = new Set(
    lint('/conformance/Dockerfile', testCase.dockerfile, {
      files: {
        '/conformance/.dockerignore': '.git\n',
        ...(testCase.hadolintConfig ? { '/conformance/.hadolint.yaml': testCase.hadolintConfig } : {}),
      },
      settings: optInSettings(ruleIds),
    })
      .filter((finding) => ruleIds.includes(finding.ruleId))
      .map((finding) => finding.range.start.line + 1),
  );
  const theirs = new Set(testCase.lines);
  const tp = [...ours].filter((line) => theirs.has(line)).length;
  const fp = ours.size - tp;
  const fn = theirs.size - tp;
  row.tp += tp;
  row.fp += fp;
  row.fn += fn;
  if (fp || fn) {
    if (testCase.difference) row.differences.push(`${testCase.name}: ${testCase.difference}`);
    else {
      unexpected++;
      console.log(`  MISMATCH ${testCase.code} ${testCase.name}: hadolint [${[...theirs]}], shipshape [${[...ours]}]`);
    }
  }
}

/** Opt-in rules (hadolint's DL1001 is off by default there too) are turned on for the codes they stand for. */
function optInSettings(ruleIds: readonly string[]): RuleSettings {
  const settings: RuleSettings = {};
  for (const rule of ruleIds.map((id) => registry.get(id)!).filter(isOptIn)) {
    settings[rule.id] = { severity: rule.defaultSeverity };
  }
  return settings;
}

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(0).padStart(4)}%`);
console.log('hadolint code  rule(s)                                   cases  precision  recall');
let tp = 0,
  fp = 0,
  fn = 0;
for (const [code, row] of [...rows].sort()) {
  const count = cases.filter((c) => c.code === code).length;
  console.log(
    `${code.padEnd(14)} ${row.rules.padEnd(42)} ${String(count).padStart(5)}  ${pct(row.tp, row.tp + row.fp).padStart(9)}  ${pct(row.tp, row.tp + row.fn).padStart(6)}`,
  );
  for (const difference of row.differences) console.log(`               documented difference: ${difference}`);
  tp += row.tp;
  fp += row.fp;
  fn += row.fn;
}
console.log(`overall: ${cases.length} cases, precision ${pct(tp, tp + fp).trim()}, recall ${pct(tp, tp + fn).trim()}`);
process.exit(unexpected > 0 ? 1 : 0);
