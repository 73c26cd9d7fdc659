import type { Node } from 'yaml';
import type { LineIndex } from '../../engine/line-index';
import type { Range, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import data from '../../../../schemas/gitlab-ci/dependency-installers.json';
import { effectiveValue, jobValue, jobsHere } from './model/job-config';
import { pipelineOf, type Pipeline } from './model/pipeline';
import { text, type Located } from './model/yaml-resolve';

const INSTALLERS = data.installers.map((installer) => ({
  tool: installer.tool,
  pattern: new RegExp(installer.pattern),
}));

export const dependencyCache: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/dependency-cache',
  kind: 'gitlab-ci',
  defaultSeverity: 'info',
  docs: {
    summary: 'Jobs that install dependencies should cache them, so every pipeline does not download them again.',
  },
  aliases: [],
  // Templates, defaults and stages may come from locally included files.
  scope: 'workspace',
  check(context) {
    const pipeline = pipelineOf(context);
    const reported = new Set<Node>();
    for (const { name, definition } of jobsHere(pipeline)) {
      if (effectiveValue(pipeline, name, 'cache') !== undefined) continue;
      const install = firstInstall(pipeline, name);
      if (!install) continue;
      const target = install.line.source === pipeline.self ? install.line.node : definition.pair.key;
      const lines = pipeline.self.file.lines;
      const range = withoutFinalBreak(nodeRange(lines, target), lines);
      if (!range || reported.has(target)) continue;
      reported.add(target);
      context.report({
        range,
        message: `Job '${name}' installs ${install.tool} dependencies with no cache:, so every run downloads them again. Add cache: (job or default:) with the package manager's cache folder, keyed on the lock file.`,
      });
    }
  },
};

function firstInstall(pipeline: Pipeline, job: string): { tool: string; line: Located } | undefined {
  const scripts = [effectiveValue(pipeline, job, 'before_script'), jobValue(pipeline, job, 'script')];
  for (const script of scripts) {
    const lines = script && text(script) !== undefined ? [script] : pipeline.resolver.items(script);
    for (const line of lines) {
      const command = text(line);
      if (command === undefined) continue;
      for (const { tool, pattern } of INSTALLERS) {
        if (command.split('\n').some((part) => pattern.test(part.trim()))) return { tool, line };
      }
    }
  }
  return undefined;
}

/** A block scalar (`- |`) ends after its last line break; the token ends with its last line. */
function withoutFinalBreak(range: Range | undefined, lines: LineIndex): Range | undefined {
  if (!range || range.end.character !== 0 || range.end.line === range.start.line) return range;
  return {
    start: range.start,
    end: { line: range.end.line - 1, character: lines.lineText(range.end.line - 1).length },
  };
}
