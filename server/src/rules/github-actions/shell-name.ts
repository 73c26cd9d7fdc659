import { isScalar } from 'yaml';
import type { Rule } from '../../engine/types';
import { getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { jobSteps, jobsOf, workflowRoot } from './model/workflow-model';
import { runnerSystems } from './shell-name/runner-systems';

/** The shell keywords GitHub's runners know, per system (a custom shell is a command with `{0}`). */
const SHELLS = {
  unix: ['bash', 'pwsh', 'python', 'sh'],
  windows: ['bash', 'pwsh', 'python', 'cmd', 'powershell'],
};

export const shellName: Rule<'github-actions'> = {
  id: 'github-actions/shell-name',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      '`shell:` must be a shell the runner knows (bash, pwsh, python, sh; cmd and powershell on Windows) or a custom command with `{0}`.',
  },
  aliases: ['actionlint:shell-name'],
  check({ file, report }) {
    const check = (node: unknown, systems: Set<'unix' | 'windows'>) => {
      // The runner compares shell keywords without case (`PowerShell` is powershell).
      const written = scalarString(node);
      const shell = written?.toLowerCase();
      const range = nodeRange(file.lines, isScalar(node) ? node : undefined);
      // Custom shells (`bash -e {0}`) and expressions are the author's choice, not a keyword.
      if (!shell || !range || shell.includes('{0}') || shell.includes('${{')) return;
      const anywhere = SHELLS.unix.includes(shell) || SHELLS.windows.includes(shell);
      // On a runner of unknown system, any keyword some runner knows may be right.
      const known = systems.size === 0 ? anywhere : [...systems].every((system) => SHELLS[system].includes(shell));
      if (known) return;
      const where = systems.has('windows') ? 'Windows' : 'Linux and macOS';
      report({
        range,
        message: anywhere
          ? `Shell '${shell}' is not available on ${where}, where this job runs. Use one of ${[...systems].map((s) => SHELLS[s].join(', ')).join(' / ')}.`
          : `'${written}' is not a shell GitHub knows. Use bash, pwsh, python or sh (cmd, powershell on Windows), or a command with {0} such as '${written} {0}'.`,
      });
    };
    const jobs = jobsOf(file).map(({ job }) => ({ job, systems: runnerSystems(mapGet(job, 'runs-on')) }));
    // The workflow's default shell applies to every job: known only when every job's system is.
    const everySystem = new Set(jobs.flatMap(({ systems }) => [...systems]));
    const allKnown = jobs.length > 0 && jobs.every(({ systems }) => systems.size > 0);
    check(getIn(workflowRoot(file), ['defaults', 'run', 'shell']), allKnown ? everySystem : new Set());
    for (const { job, systems } of jobs) {
      check(getIn(job, ['defaults', 'run', 'shell']), systems);
      for (const step of jobSteps(job)) check(mapGet(step, 'shell'), systems);
    }
  },
};
