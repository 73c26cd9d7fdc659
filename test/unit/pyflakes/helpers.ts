/** Running the real pyflakes over inline workflows, and describing its findings by the text they cover. */
import { pyflakesProgram as pyflakesSpec } from '../../../server/src/host/pyflakes';
import { scriptCheckerFindings } from '../../../server/src/host/script-lint';
import { ScriptRunner } from '../../../server/src/host/script-runner';
import { pyflakesProgram } from '../../helpers/pyflakes';
import { parsed } from '../shellcheck/helpers';

export const program = pyflakesProgram();
export const skip = !program && 'pyflakes is not installed (CI would fail here)';
const runner = new ScriptRunner(pyflakesSpec, { path: program });

export const WORKFLOW_PATH = '/repo/.github/workflows/ci.yml';

/** `[severity, covered text, line (0-based), message]` of each pyflakes finding on a workflow. */
export async function pyflakesOn(text: string, path = WORKFLOW_PATH): Promise<Array<[string, string, number, string]>> {
  const { file, linter } = parsed(path, text);
  const result = linter.lint(path);
  const findings = await scriptCheckerFindings(linter, { ...result, file }, runner);
  return findings.map((finding) => {
    const [start, end] = [file.lines.offsetAt(finding.range.start), file.lines.offsetAt(finding.range.end)];
    return [finding.severity, text.slice(start, end), finding.range.start.line, finding.message];
  });
}

export const workflow = (steps: string, job = '    runs-on: ubuntu-latest\n', top = '') =>
  `on: push\n${top}jobs:\n  build:\n${job}    steps:\n${steps}`;
