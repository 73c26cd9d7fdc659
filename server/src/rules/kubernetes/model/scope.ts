/**
 * Which manifests a cross-file rule compares: the ones applied together. Sample repositories keep
 * alternative manifests side by side (a folder per variant, overlays per environment), so by default
 * that is the same file or the resources of the same kustomization (with its bases), not the folder or
 * the workspace. Patches are pieces of objects defined elsewhere, never objects of their own.
 */
import type { KubernetesFile, WorkspaceView } from '../../../engine/types';
import { directoryOf } from '../../../engine/paths';
import { hasPatchDirective, kustomizeIndex } from './kustomize';
import { indexOf, type FileIndex, type Workload } from './workspace-index';

export type CrossFileScope = 'file' | 'kustomization' | 'folder' | 'workspace';

export interface ScopeOptions {
  scope: CrossFileScope;
}

/** The option every cross-file rule takes, with its JSON schema for `.shipshape.yaml`. */
export const SCOPE_OPTION = {
  defaultOptions: { scope: 'kustomization' } as ScopeOptions,
  optionsSchema: {
    type: 'object',
    properties: {
      scope: {
        enum: ['file', 'kustomization', 'folder', 'workspace'],
        description:
          'Which manifests are applied together: the same file, the resources of the same kustomization.yaml (default; a file no kustomization lists is compared with itself only), the same folder, or the whole workspace.',
      },
    },
    additionalProperties: false,
  },
};

export interface AppliedTogether {
  /** The index of the file being checked, first of `indexes`. */
  current: FileIndex;
  indexes: FileIndex[];
  /** With scope `kustomization`: no kustomization lists the file, so only the file itself is compared. */
  unlisted: boolean;
}

/**
 * The file's index and those of the files applied with it, with the labels kustomize adds to selectors
 * and pod templates; undefined for a patch, which no cross-file rule judges.
 */
export function appliedTogether(
  workspace: WorkspaceView,
  file: KubernetesFile,
  scope: CrossFileScope,
): AppliedTogether | undefined {
  const kustomize = kustomizeIndex(workspace);
  if (kustomize.isPatch(file.path) || hasPatchDirective(file.text)) return undefined;
  const together = scope === 'kustomization' ? kustomize.appliedWith(file.path) : undefined;
  const folder = directoryOf(file.path);
  const included = (other: KubernetesFile): boolean => {
    if (other.path === file.path || kustomize.isPatch(other.path) || hasPatchDirective(other.text)) return false;
    switch (scope) {
      case 'file':
        return false;
      case 'folder':
        return directoryOf(other.path) === folder;
      case 'workspace':
        return true;
      case 'kustomization':
        return together?.has(other.path) ?? false;
    }
  };
  // Compared with itself only: no need to go through the workspace's manifests (a check per manifest
  // that did would make a run grow with the square of the workspace).
  const alone = scope === 'file' || (scope === 'kustomization' && together === undefined);
  const candidates = alone
    ? []
    : scope === 'folder'
      ? workspace.filesIn(folder, 'kubernetes')
      : workspace.files('kubernetes');
  const files = [file, ...[...candidates].filter(included)];
  const indexes = files.map((member) => withKustomizeLabels(indexOf(member), kustomize.selectorLabels(member.path)));
  return { current: indexes[0], indexes, unlisted: scope === 'kustomization' && together === undefined };
}

function withKustomizeLabels(index: FileIndex, labels: Record<string, string>): FileIndex {
  const added = Object.entries(labels);
  if (added.length === 0) return index;
  const workloads = index.workloads.map((workload): Workload => ({
    ...workload,
    podLabels: new Map([...workload.podLabels, ...added]),
  }));
  return { ...index, workloads };
}
