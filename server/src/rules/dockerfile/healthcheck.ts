import type { Rule } from '../../engine/types';
import { baseImageOf, dockerfileModel } from './model/stages';

export const healthcheck: Rule<'dockerfile'> = {
  id: 'dockerfile/healthcheck',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'A long-running service image should declare a HEALTHCHECK, so Docker and Compose can tell when it is stuck.',
  },
  aliases: ['trivy:DS026', 'checkov:CKV_DOCKER_2'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const final = model.finalStage;
    if (!final) return;
    const all = [...model.shippedStages].flatMap((s) => s.instructions);
    if (all.some((i) => i.getKeyword() === 'HEALTHCHECK')) return;
    const start = [...final.instructions]
      .reverse()
      .find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
    if (!start) return;
    // scratch and distroless images have no shell or curl to run a check with.
    if (/^scratch$|distroless|chainguard\/static/i.test(baseImageOf(final) ?? '')) return;
    report({
      range: start.getInstructionRange(),
      message:
        'No HEALTHCHECK: docker and compose cannot tell a hung service from a healthy one. Add e.g. HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1 (on Kubernetes, define liveness/readiness probes instead: they ignore HEALTHCHECK).',
    });
  },
};
