/**
 * Argument arrays for every CLI call. Values are attached to their flag with `=` and positional
 * arguments follow `--`, so a value that starts with `-` can never be read as an option; and since
 * the arrays go to the process without a shell, `;`, `$()`, quotes and spaces stay literal.
 */
import type { EngineKind } from './errors';
import { formatPortSpec, type PortSpec } from './ports';

export interface BuildOptions {
  dockerfile: string;
  context: string;
  tags: readonly string[];
  target?: string;
  buildArgs?: Readonly<Record<string, string>>;
  platform?: string;
  labels?: Readonly<Record<string, string>>;
  /** `shipshape.containers.buildArgs`: extra arguments, passed as they are. */
  extraArgs?: readonly string[];
}

export function buildArgs(kind: EngineKind, options: BuildOptions): string[] {
  const args = ['build', `--file=${options.dockerfile}`];
  for (const tag of options.tags) args.push(`--tag=${tag}`);
  if (options.target) args.push(`--target=${options.target}`);
  for (const [name, value] of Object.entries(options.buildArgs ?? {})) args.push(`--build-arg=${name}=${value}`);
  if (options.platform) args.push(`--platform=${options.platform}`);
  for (const [name, value] of Object.entries(options.labels ?? {})) args.push(`--label=${name}=${value}`);
  // Podman writes OCI images by default, and the OCI format has no HEALTHCHECK: it would be dropped.
  if (kind === 'podman') args.push('--format=docker');
  args.push(...(options.extraArgs ?? []), '--', options.context);
  return args;
}

export interface RunOptions {
  image: string;
  name?: string;
  ports?: readonly PortSpec[];
  envFile?: string;
  env?: Readonly<Record<string, string>>;
  labels?: Readonly<Record<string, string>>;
  /** Default true: an init process forwards SIGTERM, so `stop` does not wait 10 s for a PID 1 that ignores it. */
  init?: boolean;
  /** Detached (default) or attached to an interactive terminal, removed when it exits. */
  interactive?: boolean;
  extraArgs?: readonly string[];
  command?: readonly string[];
}

export function runArgs(options: RunOptions): string[] {
  const args = ['run', ...(options.interactive ? ['--interactive', '--tty', '--rm'] : ['--detach'])];
  if (options.init !== false) args.push('--init');
  if (options.name) args.push(`--name=${options.name}`);
  for (const port of options.ports ?? []) args.push(`--publish=${formatPortSpec(port)}`);
  if (options.envFile) args.push(`--env-file=${options.envFile}`);
  for (const [name, value] of Object.entries(options.env ?? {})) args.push(`--env=${name}=${value}`);
  for (const [name, value] of Object.entries(options.labels ?? {})) args.push(`--label=${name}=${value}`);
  args.push(...(options.extraArgs ?? []), '--', options.image, ...(options.command ?? []));
  return args;
}

export type ContainerAction = 'stop' | 'start' | 'restart' | 'remove';

export function containerActionArgs(action: ContainerAction, id: string): string[] {
  switch (action) {
    case 'remove':
      // The view asks first; a running container is stopped and removed in one step.
      return ['rm', '--force', '--', id];
    default:
      return [action, '--', id];
  }
}

export function removeImageArgs(reference: string): string[] {
  return ['rmi', '--', reference];
}

export function logsArgs(id: string, options: { follow?: boolean; tail?: number } = {}): string[] {
  const args = ['logs'];
  if (options.follow) args.push('--follow');
  if (options.tail !== undefined) args.push(`--tail=${options.tail}`);
  return [...args, '--', id];
}

export function execShellArgs(id: string, shell = '/bin/sh'): string[] {
  return ['exec', '--interactive', '--tty', '--', id, shell];
}

export function inspectArgs(what: 'container' | 'image', id: string): string[] {
  return [what, 'inspect', '--', id];
}

/** Docker prints one JSON object per line with `{{json .}}`; Podman prints one array with `json`. */
function jsonFormat(kind: EngineKind): string {
  return kind === 'docker' ? '{{json .}}' : 'json';
}

export function listContainersArgs(kind: EngineKind): string[] {
  return ['ps', '--all', '--no-trunc', `--format=${jsonFormat(kind)}`];
}

export function listImagesArgs(kind: EngineKind, label?: string): string[] {
  return ['images', ...(label ? [`--filter=label=${label}`] : []), `--format=${jsonFormat(kind)}`];
}

export function historyArgs(kind: EngineKind, image: string): string[] {
  // Docker prints sizes as "1.98MB" unless told otherwise; Podman's JSON has bytes.
  return [
    'history',
    '--no-trunc',
    ...(kind === 'docker' ? ['--human=false'] : []),
    `--format=${jsonFormat(kind)}`,
    '--',
    image,
  ];
}

export function eventsArgs(kind: EngineKind): string[] {
  return ['events', `--format=${jsonFormat(kind)}`, '--filter=type=container', '--filter=type=image'];
}
