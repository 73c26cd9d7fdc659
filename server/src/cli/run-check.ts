import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { LoadedConfig } from '../engine/config';
import type { Linter } from '../engine/linter';
import { toSlash } from '../engine/paths';
import type { Finding, Severity } from '../engine/types';
import type { CheckerId } from '../rules/shared/scripts/checker';
import type { CheckCommand, FailOn } from './args';
import { collectFiles, type SourceText } from '../host/collect-files';
import * as checker from './checker';
import { unifiedDiff } from './fix/unified-diff';
import { formatJson, formatText, toReported, type ReportedFinding } from './report';
import { formatSarif } from './sarif';

export interface CheckOutcome {
  stdout: string;
  /** Notices for stderr: unreadable or skipped files, config problems, fixes applied or rolled back. */
  notices: string[];
  exitCode: 0 | 1;
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** What checking the collected files came to. */
interface Checked {
  findings: Finding[];
  /** The files that are a kind Shipshape checks, as displayed. */
  checked: string[];
  failing: boolean;
  /** `--fix-dry-run`: one unified diff per fixed file. */
  diffs: string[];
}

/** `stdinText`: the text of standard input, for `--stdin`; `bundle`: the running script (workers, cache key). */
export async function runCheck(
  command: CheckCommand,
  color: boolean,
  bundle: string,
  cwd = process.cwd(),
  stdinText?: string,
): Promise<CheckOutcome> {
  // The engine (rules, parsers, config files) loads when the walk first asks whether a config ignores
  // something, or when there is a file to check: not for an empty folder.
  let engine: Linter | undefined;
  const linter = () => (engine ??= checker.createLinter());
  let workers: checker.CheckPool | undefined;
  const pool = () => (workers ??= new checker.CheckPool(bundle));
  try {
    const walk = earlyWorkers(command, pool);
    const { files, notices } = command.stdin
      ? { files: [stdinSource(command, cwd, stdinText ?? '')], notices: [] as string[] }
      : collectFiles(
          command.paths,
          (path) => {
            walk.seen();
            return checker.isIgnoredByConfig(linter().configs.forFile(path), path);
          },
          Infinity,
          (characters) => walk.read(characters),
        );
    const checked =
      files.length === 0
        ? { findings: [], checked: [], failing: false, diffs: [] }
        : await checkCollected(command, linter(), files, notices, cwd, pool());
    return report(command, checked, notices, color, cwd);
  } finally {
    await workers?.close();
  }
}

/**
 * Workers for `--jobs` start while the main thread walks the folders, so that loading the engine in them
 * overlaps the walk: `--jobs N` at once; by default once the walk has come across enough candidates (the
 * paths it asks about) to give each thread its share of a short run, and the threads of a long run once
 * it has read enough text that the run is likely to be long (checkFiles stops those not needed after all).
 * Not with `--stdin` (one file), nor with `--cache` (the cache may answer for every file: workers start
 * once it is known what is left to check).
 */
function earlyWorkers(command: CheckCommand, pool: () => checker.CheckPool): { seen(): void; read(n: number): void } {
  const none = { seen() {}, read() {} };
  if (command.stdin || command.cache) return none;
  if (command.jobs !== undefined) {
    if (command.jobs > 1) pool().grow(command.jobs - 1);
    return none;
  }
  let candidates = 0;
  let characters = 0;
  let long = false;
  return {
    seen() {
      // The thread count changes only at multiples of the files per thread: no need to ask in between.
      if (++candidates % checker.MIN_FILES_PER_THREAD === 0)
        pool().grow(checker.threadCount(undefined, candidates, 0) - 1);
    },
    read(length) {
      characters += length;
      if (long || characters < checker.LONG_RUN_CHARACTERS) return;
      long = true;
      pool().grow(checker.threadCount(undefined, candidates, checker.LONG_RUN_CHARACTERS) - 1);
    },
  };
}

function report(
  command: CheckCommand,
  { findings, checked, failing, diffs }: Checked,
  notices: string[],
  color: boolean,
  cwd: string,
): CheckOutcome {
  const reported = findings.map((finding) => toReported(finding, checker.registry, cwd));
  // A dry run prints the diff; the report of what the fixes leave goes to stderr in text.
  if (command.fix === 'dry-run') {
    notices.push(`after these fixes: ${formatText(reported, false, checked.length).split('\n').at(-1)}`);
    return { stdout: diffs.join('\n'), notices, exitCode: failing ? 1 : 0 };
  }
  return { stdout: format(command, reported, checked, color), notices, exitCode: failing ? 1 : 0 };
}

async function checkCollected(
  command: CheckCommand,
  linter: Linter,
  files: readonly SourceText[],
  notices: string[],
  cwd: string,
  pool: checker.CheckPool,
): Promise<Checked> {
  for (const file of files) linter.workspace.set(file.path, file.text);
  await checker.prepareParsers(files.map((file) => linter.workspace.classification(file.path)?.kind));

  const diffs = command.fix ? fixFiles(command, linter, files, notices, cwd) : [];

  const findings: Finding[] = [];
  let failing = false;
  const configsWithProblems = new Set<string>();
  const checked: string[] = [];
  const cache =
    command.cache && !command.stdin
      ? checker.openCache(command.cacheLocation, linter, cwd, [pool.script, checker.CHECKER_SCRIPT], notices)
      : undefined;
  // Each file is checked once: parses need not outlive their checks, unless the script checkers read them after.
  if (!command.shellcheck && !command.pyflakes) linter.workspace.keepParses();
  // --fix has rewritten the workspace's texts already; the rest may run on worker threads.
  const jobs = command.stdin ? 1 : command.jobs;
  const outcomes = await checker.checkFiles(
    linter,
    files.map((file) => file.path),
    { cache, jobs, pool },
  );
  const runners = scriptRunners(command, notices);
  for (const [index, file] of files.entries()) {
    const result = outcomes[index];
    // Script checkers run here, in child processes, on the file as parsed in this thread (workers' parses stay there).
    if (runners.length > 0 && result.checked && !result.ignored) {
      const parsed = { file: linter.workspace.parsed(file.path), config: result.config, ignored: false, findings: [] };
      const extra = (
        await Promise.all(runners.map((runner) => checker.scriptCheckerFindings(linter, parsed, runner)))
      ).flat();
      if (extra.length > 0) result.findings = checker.sortFindings([...result.findings, ...extra]);
    }
    if (result.config && result.config.problems.length > 0 && !configsWithProblems.has(result.config.path)) {
      configsWithProblems.add(result.config.path);
      notices.push(...configNotices(result.config));
    }
    if (result.checked) checked.push(displayPath(file.path, cwd));
    else if (file.explicit && !result.ignored) notices.push(`${file.path}: not a kind of file Shipshape checks`);
    findings.push(...result.findings);
    // --fail-on wins; else the threshold of the config that applies to this file (failOn, or a `.hadolint.yaml`'s).
    failing ||= failed(result.findings, command.failOn ?? result.config?.failOn ?? 'error');
  }

  cache?.save(notices);
  return { findings, checked, failing, diffs };
}

function format(command: CheckCommand, reported: ReportedFinding[], checked: string[], color: boolean): string {
  switch (command.format) {
    case 'json':
      return formatJson(reported);
    case 'sarif':
      return formatSarif(reported, checker.registry);
    case 'github':
      return checker.formatGithub(reported);
    case 'gitlab':
      return checker.formatGitlab(reported);
    case 'checkstyle':
      return checker.formatCheckstyle(reported);
    case 'junit':
      return checker.formatJunit(reported, checked);
    case 'text':
      return formatText(reported, color, checked.length);
  }
}

/** `--stdin`: the text is checked as if saved at `--stdin-filename` (its kind, config and neighbours). */
function stdinSource(command: CheckCommand, cwd: string, text: string): SourceText {
  const path = toSlash(resolve(cwd, command.stdinFilename ?? 'stdin'));
  return { path, text, explicit: command.stdinFilename !== undefined };
}

/** Applies automatic fixes file by file; writes them (`--fix`) or returns their diffs (`--fix-dry-run`). */
function fixFiles(
  command: CheckCommand,
  linter: Linter,
  files: readonly SourceText[],
  notices: string[],
  cwd: string,
): string[] {
  const diffs: string[] = [];
  for (const file of files) {
    if (linter.lint(file.path).ignored) continue;
    const outcome = checker.applyAutomaticFixes(linter, file.path, file.text);
    const shown = displayPath(file.path, cwd);
    for (const rolledBack of outcome.rolledBack) {
      notices.push(
        `${shown}:${rolledBack.line}: fix '${rolledBack.title}' (${rolledBack.rule}) rolled back: ${rolledBack.reason}`,
      );
    }
    if (outcome.text === file.text) continue;
    if (command.fix === 'dry-run') {
      diffs.push(unifiedDiff(shown, file.text, outcome.text));
    } else {
      writeFileSync(file.path, outcome.text, 'utf8');
      notices.push(`${shown}: ${outcome.applied.length} fix${outcome.applied.length === 1 ? '' : 'es'} applied`);
    }
  }
  return diffs;
}

/**
 * The script checkers not turned off, each on the PATH or at its `--<checker>-path`; when one is missing
 * or fails, one notice says so.
 */
function scriptRunners(command: CheckCommand, notices: string[]): checker.ScriptRunner[] {
  const wanted: Array<[CheckerId, string | undefined]> = [];
  if (command.shellcheck) wanted.push(['shellcheck', command.shellcheckPath]);
  if (command.pyflakes) wanted.push(['pyflakes', command.pyflakesPath]);
  return wanted.map(([id, path]) => {
    const { name, scripts, install } = checker.scriptPrograms[id];
    return new checker.ScriptRunner(checker.scriptPrograms[id], {
      path,
      onProblem: (problem) =>
        notices.push(
          problem.kind === 'missing'
            ? `${problem.message}: ${scripts} were not checked with ${name} (install ${install}, or pass --no-${id})`
            : `${name} failed, its findings are left out: ${problem.message}`,
        ),
    });
  });
}

function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).replace(/\\/g, '/') || path;
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
