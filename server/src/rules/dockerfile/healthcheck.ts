import type { Rule } from '../../engine/types';
import { dockerfileModel, type Stage } from './model/stages';

export const healthcheck: Rule<'dockerfile'> = {
  id: 'dockerfile/healthcheck',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: { summary: 'A long-running service image should declare a HEALTHCHECK, so Docker and Compose can tell when it is stuck.' },
  aliases: ['trivy:DS026', 'checkov:CKV_DOCKER_2'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const final = model.finalStage;
    if (!final) return;
    const chain: Stage[] = [];
    for (let s: Stage | undefined = final; s; s = s.parent) chain.push(s);
    const all = chain.flatMap((s) => s.instructions);
    if (all.some((i) => i.getKeyword() === 'HEALTHCHECK')) return;
    const start = [...final.instructions].reverse().find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
    if (!start) return;
    // scratch and distroless images have no shell or curl to run a check with.
    const root = chain.at(-1)!;
    if (/^scratch$|distroless|chainguard\/static/i.test(root.image ?? root.from.getImage() ?? '')) return;
    report({
      range: start.getInstructionRange(),
      message: 'No HEALTHCHECK: docker and compose cannot tell a hung service from a healthy one. Add e.g. HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1 (on Kubernetes, define liveness/readiness probes instead: they ignore HEALTHCHECK).',
    });
  },
};
