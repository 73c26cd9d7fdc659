import { validateObject } from './model/schema-validator';
import type { Rule } from '../../engine/types';

export const schema: Rule<'kubernetes'> = {
  id: 'kubernetes/schema',
  kind: 'kubernetes',
  defaultSeverity: 'error',
  docs: {
    summary:
      'Built-in Kubernetes objects must match the API schema: known fields, the right types, required fields, valid values.',
  },
  aliases: ['kube-linter:kubeconform'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const problem of validateObject(object, file.lines)) report(problem);
    }
  },
};
