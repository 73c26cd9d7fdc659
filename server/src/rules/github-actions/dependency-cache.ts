import type { Rule } from '../../engine/types';
import data from './data/package-managers.json';
import { runScript } from './model/run-script';
import { inputsUnknown, jobSteps, jobsOf, stepInput, usesOf } from './model/workflow-model';

const setups: Record<string, Array<{ cache: string; install: RegExp }>> = Object.fromEntries(
  Object.entries(data.setups).map(([action, managers]) => [
    action,
    managers.map((m) => ({ cache: m.cache, install: new RegExp(m.install, 'm') })),
  ]),
);

export const dependencyCache: Rule<'github-actions'> = {
  id: 'github-actions/dependency-cache',
  kind: 'github-actions',
  defaultSeverity: 'info',
  docs: { summary: 'Jobs that install dependencies after setup-node, setup-python or setup-java should cache them.' },
  aliases: [],
  check({ file, report }) {
    for (const { job } of jobsOf(file)) {
      const steps = jobSteps(job);
      const uses = steps.map((step) => usesOf(file, step));
      if (uses.some((u) => u?.kind === 'repository' && u.name === 'actions/cache')) continue;
      steps.forEach((step, index) => {
        const setup = uses[index];
        const managers = setup?.kind === 'repository' ? setups[setup.name] : undefined;
        if (!setup || !managers || stepInput(step, 'cache') !== undefined || inputsUnknown(step)) return;
        const scripts = steps
          .slice(index + 1)
          .map((later) => runScript(file, later)?.value ?? '')
          .join('\n');
        const manager = managers.find((m) => m.install.test(scripts));
        if (!manager) return;
        report({
          range: setup.valueRange,
          message: `Dependencies are installed with ${manager.cache} on every run, from scratch: set cache: ${manager.cache} on ${setup.name}.`,
          data: { cache: manager.cache },
        });
      });
    }
  },
};
