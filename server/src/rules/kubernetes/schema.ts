import { hasPatchDirective, kustomizeIndex } from './model/kustomize';
import { itemMemoFor } from './model/schema-memo';
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
  templates: 'skip',
  partials: 'check',
  // A kustomization.yaml elsewhere decides whether this file is a whole object or a patch.
  scope: 'workspace',
  check({ file, workspace, report }) {
    const kustomize = kustomizeIndex(workspace);
    const context = {
      partial: kustomize.isPatch(file.path) || hasPatchDirective(file.text),
      selectorInjected: kustomize.mayOmitSelector(file.path),
    };
    // Typing changes one item of a long list at a time: the others' problems are kept from the last check.
    const memo = itemMemoFor(file.path);
    for (const object of file.objects) {
      // A document that did not parse gets its syntax errors, not a cascade of schema errors about
      // the pieces the parser recovered.
      if (object.document.errors.length > 0) continue;
      for (const problem of validateObject(object, file.lines, context, memo)) report(problem);
    }
    memo.finish();
  },
};
