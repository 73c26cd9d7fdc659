/** Small manifest builders for the Kubernetes rule tables: only the part under test varies. */

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

/** A Pod named `web` whose container `app` gets `container` (container-level YAML) and whose spec gets `podSpec`. */
export function pod(container = '', podSpec = '', kind = 'Pod'): string {
  const head = kind === 'Pod' ? 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n' : '';
  return `${head}${podSpec ? `${indent(podSpec, 2)}\n` : ''}  containers:\n    - name: app\n      image: nginx:1.27\n${container ? `${indent(container, 6)}\n` : ''}`;
}

/** A Deployment named `web` with pod labels `app: web`; `spec` adds Deployment-level fields. */
export function deployment(container = '', podSpec = '', spec = 'replicas: 2'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${indent(spec, 2)}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${indent(pod(container, podSpec, 'template'), 4)}
`;
}

/** A container that passes every security rule, to add one deviation at a time. */
export const HARDENED = `securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]`;

/**
 * A `/repo/k8s/kustomization.yaml` listing these files of `/repo/k8s/` as resources: cross-file rules
 * compare only manifests applied together, and a kustomization is how a repository says so.
 */
export function kustomization(...files: string[]): Record<string, string> {
  return { '/repo/k8s/kustomization.yaml': `resources:\n${files.map((file) => `  - ${file}\n`).join('')}` };
}
