import type { FileKind } from './types';
import { toSlash } from './paths';

export interface ClassifyInput {
  path: string;
  text: string;
  /** The editor's language id when there is one (`dockerfile`, `yaml`, `dockercompose`…). */
  languageId?: string;
  /** Files that a `.gitlab-ci.yml` of the workspace includes locally (absolute, `/`-separated paths). */
  gitlabIncludes?: ReadonlySet<string>;
}

export type Classification = { kind: FileKind; flavor?: 'workflow' | 'action' } | undefined;

const YAML_EXTENSION = /\.ya?ml$/i;

/**
 * Decide which kind of file this is, by name first and content second.
 * Anything we do not recognise gets `undefined`: it is not ours and gets no findings.
 */
export function classify(input: ClassifyInput): Classification {
  const path = toSlash(input.path);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lowerBase = base.toLowerCase();

  if (isDockerfileName(base) || input.languageId === 'dockerfile') return { kind: 'dockerfile' };

  const isYaml = YAML_EXTENSION.test(base) || input.languageId === 'yaml' || input.languageId === 'dockercompose';
  if (!isYaml) return undefined;

  if (lowerBase === '.shipshape.yaml' || lowerBase === '.shipshape.yml') return { kind: 'shipshape' };
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return { kind: 'github-actions', flavor: 'workflow' };
  if (lowerBase === 'action.yml' || lowerBase === 'action.yaml') return { kind: 'github-actions', flavor: 'action' };
  if (lowerBase === '.gitlab-ci.yml' || lowerBase === '.gitlab-ci.yaml' || input.gitlabIncludes?.has(path)) {
    return { kind: 'gitlab-ci' };
  }
  if (isComposeName(lowerBase) || input.languageId === 'dockercompose') return { kind: 'compose' };
  if (isHelmTemplate(path, input.text) || isKustomizeFile(lowerBase)) return undefined;
  if (looksLikeKubernetes(input.text)) return { kind: 'kubernetes' };
  return undefined;
}

/**
 * `Dockerfile.<suffix>` names a variant (`Dockerfile.dev`, `Dockerfile.alpine`), unless the suffix is the
 * extension of another kind of file: `dockerfile.json` snippets, `Dockerfile.dockerignore`, `Dockerfile.md`.
 */
const NOT_DOCKERFILE_EXTENSION =
  /\.(dockerignore|json|jsonc|ya?ml|toml|md|markdown|txt|rst|html?|xml|sh|bash|ps1|bat|cmd|[cm]?[jt]s|py|rb|go|lock|log|orig|rej|patch|diff|swp)$/;

export function isDockerfileName(base: string): boolean {
  const lower = base.toLowerCase();
  return (
    (lower === 'dockerfile' ||
      lower === 'containerfile' ||
      lower.endsWith('.dockerfile') ||
      lower.endsWith('.containerfile') ||
      /^(dockerfile|containerfile)\.[^.]/.test(lower)) &&
    !NOT_DOCKERFILE_EXTENSION.test(lower)
  );
}

function isComposeName(lowerBase: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lowerBase);
}

/** Helm renders these with Go templates first; as written they are not YAML we can judge. */
function isHelmTemplate(path: string, text: string): boolean {
  return /(^|\/)templates\//.test(path) && text.includes('{{');
}

/** Kustomize inputs are partial objects (patches) or build instructions, not whole manifests. */
function isKustomizeFile(lowerBase: string): boolean {
  return lowerBase === 'kustomization.yaml' || lowerBase === 'kustomization.yml';
}

/**
 * Cheap test before any parse: some document has top-level `apiVersion:` and `kind:` keys.
 * Deliberately textual, so that a manifest with a YAML syntax error is still ours and gets the error.
 */
export function looksLikeKubernetes(text: string): boolean {
  return (/^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) || /^\{.*\bapiVersion\b.*\bkind\b/m.test(text);
}
