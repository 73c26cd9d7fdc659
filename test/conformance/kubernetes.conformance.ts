/**
 * Scores the Kubernetes rules against Polaris' and kube-linter's own test suites (../shared/conformance):
 * - Polaris `test/checks/<check>/failure*.yaml` must produce a finding of a mapped rule (recall),
 *   `success*.yaml` must not (false positives);
 * - kube-linter `e2etests/bats-tests.sh` lists, per check, its fixture and the reports it expects
 *   (`Kind: message`): recall counts our findings per object kind against them; any finding on an object
 *   or container named `dont-fire…` is a false positive.
 * Checks map to rules through each rule's `aliases`; a rule option a check needs is in kubernetes/settings.json.
 * A check below 95% recall or with false positives must be explained on the rule's docs page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../helpers/lint';
import { conformanceData } from './data-root';
import extra from './kubernetes/kube-linter-extra.json';
import { belongsTo, printRows, rulesFor, settingsFor, unitsOf, type Row } from './kubernetes/score';

const polarisRoot = conformanceData('polaris/test/checks');
const kubeLinterRoot = conformanceData('kube-linter');
const verbose = process.argv.includes('--verbose');

function polarisRows(): Row[] {
  const rows: Row[] = [];
  for (const check of readdirSync(polarisRoot).sort()) {
    const rules = rulesFor('polaris', check);
    if (rules.length === 0) continue;
    const row: Row = {
      tool: 'polaris',
      check,
      rules,
      found: 0,
      expected: 0,
      falsePositives: 0,
      negatives: 0,
      notes: [],
    };
    for (const name of readdirSync(join(polarisRoot, check)).sort()) {
      const failure = name.startsWith('failure');
      if (!failure && !name.startsWith('success')) continue;
      const findings = lint(
        `/conformance/polaris/${check}/${name}`,
        readFileSync(join(polarisRoot, check, name), 'utf8'),
        {
          settings: settingsFor('polaris', check),
        },
      ).filter((finding) => rules.includes(finding.ruleId) && belongsTo('polaris', check, finding));
      if (failure) {
        row.expected++;
        if (findings.length > 0) row.found++;
        else if (verbose) row.notes.push(`missed ${name}`);
      } else {
        row.negatives++;
        if (findings.length > 0) {
          row.falsePositives++;
          if (verbose) row.notes.push(`FP ${name}: ${findings[0].message}`);
        }
      }
    }
    rows.push(row);
  }
  return rows;
}

interface BatsTest {
  check: string;
  fixture: string;
  kinds: string[];
}

/** Each `@test` that runs `--include <check>` on one fixture, with the kinds of the reports it expects. */
function batsTests(): BatsTest[] {
  const text = readFileSync(join(kubeLinterRoot, 'e2etests/bats-tests.sh'), 'utf8');
  return text
    .split(/^@test /m)
    .slice(1)
    .flatMap((block) => {
      const check = /--include ([\w-]+)/.exec(block)?.[1];
      const fixture = /tmp="([^"]+)"/.exec(block)?.[1];
      if (!check || !fixture) return [];
      const kinds = [...block.matchAll(/== "(\w+): /g)].map((match) => match[1]);
      return [{ check, fixture, kinds }];
    });
}

function kubeLinterRows(): Row[] {
  const rows: Row[] = [];
  for (const { check, fixture, kinds } of batsTests()) {
    const rules = rulesFor('kube-linter', check);
    const path = join(kubeLinterRoot, fixture);
    if (rules.length === 0 || !existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const unitOf = unitsOf(text);
    const row: Row = {
      tool: 'kube-linter',
      check,
      rules,
      found: 0,
      expected: kinds.length,
      falsePositives: 0,
      negatives: 0,
      notes: [],
    };
    const findings = lint(`/conformance/kube-linter/${fixture.split('/').pop()}`, text, {
      settings: settingsFor('kube-linter', check),
    }).filter((f) => rules.includes(f.ruleId) && belongsTo('kube-linter', check, f));
    const available = new Map<string, number>();
    for (const finding of findings) {
      const unit = unitOf(finding);
      if (!unit) continue;
      if (unit.name.startsWith('dont-fire')) {
        row.falsePositives++;
        if (verbose) row.notes.push(`FP on ${unit.kind} ${unit.name}: ${finding.message}`);
      } else {
        available.set(unit.kind, (available.get(unit.kind) ?? 0) + 1);
      }
    }
    for (const kind of kinds) {
      const left = available.get(kind) ?? 0;
      if (left > 0) {
        row.found++;
        available.set(kind, left - 1);
      } else if (verbose) {
        row.notes.push(`missed a report on a ${kind}`);
      }
    }
    row.negatives = (text.match(/name: dont-fire/g) ?? []).length;
    rows.push(row);
  }
  return rows;
}

/** Config-driven kube-linter tests, scored per named object (kubernetes/kube-linter-extra.json). */
function kubeLinterExtraRows(): Row[] {
  return Object.entries(
    extra as Record<string, { fixture: string; fire: string[]; dontFire: string[] } | string>,
  ).flatMap(([check, spec]) => {
    const rules = rulesFor('kube-linter', check);
    if (typeof spec === 'string' || rules.length === 0) return [];
    const text = readFileSync(join(kubeLinterRoot, spec.fixture), 'utf8');
    const unitOf = unitsOf(text);
    const fired = new Set(
      lint(`/conformance/kube-linter/${spec.fixture.split('/').pop()}`, text)
        .filter((f) => rules.includes(f.ruleId))
        .map((f) => unitOf(f))
        .map((unit) => (unit ? `${unit.kind}/${unit.name}` : '')),
    );
    const row: Row = {
      tool: 'kube-linter',
      check,
      rules,
      found: 0,
      expected: spec.fire.length,
      falsePositives: 0,
      negatives: spec.dontFire.length,
      notes: [],
    };
    for (const object of spec.fire) {
      if (fired.has(object)) row.found++;
      else if (verbose) row.notes.push(`missed ${object}`);
    }
    for (const object of spec.dontFire) {
      if (!fired.has(object)) continue;
      row.falsePositives++;
      if (verbose) row.notes.push(`FP on ${object}`);
    }
    return [row];
  });
}

const rows = [...polarisRows(), ...kubeLinterRows(), ...kubeLinterExtraRows()];
const ok = printRows(rows);
const total = rows.reduce(
  (sum, row) => ({
    found: sum.found + row.found,
    expected: sum.expected + row.expected,
    fp: sum.fp + row.falsePositives,
  }),
  { found: 0, expected: 0, fp: 0 },
);
console.log(
  `\n${rows.length} mapped checks; recall ${total.found}/${total.expected} (${Math.round((total.found / total.expected) * 100)}%), ${total.fp} false positives.`,
);
if (!ok) console.log('Some checks miss the target without a documented reason (run with --verbose for details).');
process.exit(ok ? 0 : 1);
