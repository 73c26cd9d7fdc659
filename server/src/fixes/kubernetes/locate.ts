import type { Finding, KubernetesFile, ParsedFile } from '../../engine/types';
import { containersOf, type ContainerRef } from '../../rules/kubernetes/model/pod-spec';

export function asKubernetes(file: ParsedFile): KubernetesFile | undefined {
  return file.kind === 'kubernetes' ? file : undefined;
}

/** The innermost container whose source holds the start of the finding. */
export function containerOf(file: KubernetesFile, finding: Finding): ContainerRef | undefined {
  const offset = file.lines.offsetAt(finding.range.start);
  return file.objects
    .flatMap(containersOf)
    .find(
      ({ container }) =>
        container.range !== undefined &&
        container.range !== null &&
        container.range[0] <= offset &&
        offset < container.range[2],
    );
}
