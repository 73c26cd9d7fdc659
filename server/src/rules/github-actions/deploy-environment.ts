import type { Rule } from '../../engine/types';
import { keyRange } from '../../engine/yaml/nav';
import data from './data/deploy-commands.json';
import { runScript } from './model/run-script';
import { hasKey, jobSteps, jobsOf } from './model/workflow-model';

const DEPLOY = data.deploy.map((pattern) => new RegExp(pattern));
const NOT_LIVE = new RegExp(data.notLive);
const LOCAL_CLUSTER = new RegExp(data.localCluster, 'i');

export const deployEnvironment: Rule<'github-actions'> = {
  id: 'github-actions/deploy-environment',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Jobs that deploy should name an environment:, for an approval gate and environment-scoped secrets.',
  },
  aliases: [],
  check({ file, report }) {
    for (const { id, pair, job } of jobsOf(file)) {
      if (!job || hasKey(job, 'environment')) continue;
      if (LOCAL_CLUSTER.test(file.text.slice(...(job.range ?? [0, 0]).slice(0, 2)))) continue;
      const found = firstDeployCommand(file, jobSteps(job));
      if (!found) continue;
      report({
        range: found,
        message: `Job '${id}' deploys (${file.text.slice(file.lines.offsetAt(found.start), file.lines.offsetAt(found.end))}) without an environment: no approval gate, and its secrets are available to every branch. Add environment: production.`,
        data: { jobId: id, jobKey: keyRange(file.lines, pair) },
      });
    }
  },
};

function firstDeployCommand(file: Parameters<typeof runScript>[0], steps: Parameters<typeof runScript>[1][]) {
  for (const step of steps) {
    const script = runScript(file, step);
    if (!script) continue;
    let offset = 0;
    for (const line of script.source.split('\n')) {
      const match = NOT_LIVE.test(line) ? undefined : DEPLOY.map((pattern) => pattern.exec(line)).find((m) => m);
      if (match) {
        const from = script.start + offset + match.index;
        return file.lines.range(from, from + match[0].length);
      }
      offset += line.length + 1;
    }
  }
  return undefined;
}
