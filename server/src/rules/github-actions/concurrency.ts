import type { Rule } from '../../engine/types';
import { keyRange, mapGet, pairOf, scalarString } from '../../engine/yaml/nav';
import { hasKey, isWholeExpression, jobsOf, triggersOf, workflowRoot } from './model/workflow-model';

const QUEUEING_TRIGGERS = ['pull_request', 'push'];

export const concurrency: Rule<'github-actions'> = {
  id: 'github-actions/concurrency',
  kind: 'github-actions',
  defaultSeverity: 'info',
  docs: {
    summary:
      'Workflows run on push or pull_request should cancel superseded runs with a concurrency group and cancel-in-progress.',
  },
  aliases: [],
  check({ file, report }) {
    const root = workflowRoot(file);
    const triggers = triggersOf(file);
    const trigger = QUEUEING_TRIGGERS.find((name) => triggers.has(name));
    if (!root || !trigger) return;
    const block = pairOf(root, 'concurrency');
    if (block) {
      if (hasKey(block.value, 'cancel-in-progress') || mayHoldMapping(block.value)) return;
      const range = keyRange(file.lines, block);
      if (range)
        report({
          range,
          message:
            'This concurrency group queues new runs behind old ones: add cancel-in-progress so a new push cancels the outdated run.',
          data: { hasBlock: true, push: triggers.has('push') },
        });
      return;
    }
    // Every job in its own cancelling group does the same job, with finer control.
    const jobs = jobsOf(file);
    if (
      jobs.length > 0 &&
      jobs.every(({ job }) => {
        const value = mapGet(job, 'concurrency');
        return hasKey(value, 'cancel-in-progress') || mayHoldMapping(value);
      })
    )
      return;
    report({
      range: triggers.get(trigger)!,
      message: `Each ${trigger} starts a new run while the previous ones keep going: add a concurrency group with cancel-in-progress so outdated runs stop using runners.`,
      data: { hasBlock: false, push: triggers.has('push') },
    });
  },
};

/**
 * `concurrency: ${{ fromJSON(...) }}` may evaluate to a mapping with cancel-in-progress; any other
 * expression (`${{ github.workflow }}-${{ github.ref }}`) is a group name, which queues.
 */
function mayHoldMapping(value: unknown): boolean {
  return isWholeExpression(value) && /\bfromjson\s*\(/i.test(scalarString(value) ?? '');
}
