/**
 * Which containers the Containers view shows: those started from this workspace (our label), by one
 * of its compose projects, or from an image built here. Plain rows in, plain rows out.
 */
import { WORKSPACE_LABEL } from './engine-client';
import type { ContainerRow, ImageRow } from './model';

export interface WorkspaceScope {
  /** The workspace folders' paths, as the label records them. */
  folders: readonly string[];
  /** The compose project names of the workspace's compose files. */
  composeProjects: readonly string[];
  /** The images built here: listed by our label, and remembered from recent builds. */
  images: readonly ImageRow[];
  builtReferences: readonly string[];
}

/** Podman names local images `localhost/<name>`, Docker Hub images may be written `docker.io/library/<name>`. */
function sameImageName(name: string): string {
  return name.replace(/^(localhost|docker\.io\/library|docker\.io)\//, '');
}

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export function workspaceContainers(rows: readonly ContainerRow[], scope: WorkspaceScope): ContainerRow[] {
  const folders = new Set(scope.folders);
  const projects = new Set(scope.composeProjects);
  const names = new Set([...scope.images.map((image) => image.reference), ...scope.builtReferences].map(sameImageName));
  const ids = new Set(scope.images.map((image) => shortId(image.id)));
  return rows.filter(
    (row) =>
      folders.has(row.labels[WORKSPACE_LABEL] ?? '') ||
      (row.composeProject !== undefined && projects.has(row.composeProject)) ||
      names.has(sameImageName(row.image)) ||
      ids.has(shortId(row.image)),
  );
}
