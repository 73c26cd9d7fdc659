import type { LoadedConfig } from '../engine/config';
import { Linter } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';
import type { Finding, Severity } from '../engine/types';
import { nodeHost } from '../host/node-host';
import type { CheckCommand, FailOn } from './args';
import { collectFiles } from '../host/collect-files';
import { formatJson, formatText, toReported } from './report';
import { formatSarif } from './sarif';

export interface CheckOutcome {
  stdout: string;
  /** Notices for stderr: unreadable or skipped files, config problems. */
  notices: string[];
  exitCode: 0 | 1;
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function runCheck(
  command: CheckCommand,
  registry: RuleRegistry,
  color: boolean,
  cwd = process.cwd(),
): CheckOutcome {
  const linter = new Linter(registry, nodeHost);
  const { files, notices } = collectFiles(command.paths, linter.configs);
  for (const file of files) linter.workspace.set(file.path, file.text);

  const findings: Finding[] = [];
  let failing = false;
  const configsWithProblems = new Set<string>();
  let checked = 0;
  for (const file of files) {
    const result = linter.lint(file.path);
    if (result.config && result.config.problems.length > 0 && !configsWithProblems.has(result.config.path)) {
      configsWithProblems.add(result.config.path);
      notices.push(...configNotices(result.config));
    }
    if (result.file) checked++;
    else if (file.explicit && !result.ignored) notices.push(`${file.path}: not a kind of file Shipshape checks`);
    findings.push(...result.findings);
    // --fail-on wins; else the threshold of the config that applies to this file (a `.hadolint.yaml` may set one).
    failing ||= failed(result.findings, command.failOn ?? result.config?.failOn ?? 'error');
  }

  const reported = findings.map((finding) => toReported(finding, registry, cwd));
  const stdout =
    command.format === 'json'
      ? formatJson(reported)
      : command.format === 'sarif'
        ? formatSarif(reported, registry)
        : formatText(reported, color, checked);
  return { stdout, notices, exitCode: failing ? 1 : 0 };
}

/** A `.shipshape.yaml` is itself checked (with positions); a `.hadolint.yaml` is not, so say what is wrong here. */
function configNotices(config: LoadedConfig): string[] {
  if (config.source === 'shipshape') {
    return [
      `${config.path}: ${config.problems.length} problem(s) in the config file; run 'shipshape check ${config.path}' to see them`,
    ];
  }
  return config.problems.map((problem) => `${config.path}: ${problem.message}`);
}

function failed(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return findings.some((finding) => RANK[finding.severity] >= RANK[failOn]);
}
