import type { Instruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { baseImageOf, dockerfileModel, imageFamily, type Stage } from './model/stages';

export const nonRootUser: Rule<'dockerfile'> = {
  id: 'dockerfile/non-root-user',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'The final stage should switch to a non-root USER, so the container does not run as root.' },
  aliases: ['hadolint:DL3002', 'trivy:DS002', 'checkov:CKV_DOCKER_3', 'checkov:CKV_DOCKER_8'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const final = model.finalStage;
    if (!final || !final.from.getImage()) return;
    const lastUser = lastUserOf(final);
    const family = imageFamily(final);
    const insertBefore = firstOf(final, ['CMD', 'ENTRYPOINT'])?.getRange().start.line;
    if (lastUser) {
      const name = lastUser.getArgumentsContent()?.trim() ?? '';
      if (!/^(root|0)(:(root|0))?$/i.test(name)) return;
      report({
        range: lastUser.getArgumentsRange() ?? lastUser.getRange(),
        message:
          'The last USER of the final stage is root, so the container runs as root: switch to an unprivileged user after the steps that need root.',
        data: { family, insertBefore, lastUserIsRoot: true },
      });
      return;
    }
    // Images that already default to a non-root user (distroless :nonroot, …-unprivileged, …-rootless).
    if (/nonroot|non-root|rootless|unprivileged/i.test(baseImageOf(final) ?? '')) return;
    const range = final.from.getImageRange() ?? final.from.getRange();
    report({
      range,
      message:
        'The final stage never sets USER, so the container runs as root: create an unprivileged user and add USER before CMD.',
      data: { family, insertBefore },
    });
  },
};

function lastUserOf(stage: Stage): Instruction | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.instructions.filter((i) => i.getKeyword() === 'USER');
    if (users.length > 0) return users.at(-1);
  }
  return undefined;
}

function firstOf(stage: Stage, keywords: string[]): Instruction | undefined {
  return stage.instructions.find((i) => keywords.includes(i.getKeyword()));
}
