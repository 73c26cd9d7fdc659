/**
 * The two CLIs' JSON, read into one model. Docker (`--format '{{json .}}'`) prints one object per
 * line with string fields (`"Ports":"127.0.0.1:18080->8080/tcp"`, comma-joined `Labels`, human
 * sizes); Podman (`--format json`) prints one array of objects (`Names` array, `Ports` objects,
 * `Labels` object, epoch times). Unknown shapes give empty fields, never an exception.
 */
import type { EngineKind } from './errors';
import type { ContainerRow, ContainerState, EngineEvent, Health, HistoryRow, ImageRow, PortMapping } from './model';

type Json = Record<string, unknown>;

/** Docker's JSON lines, or Podman's array; rows that are not objects are skipped. */
export function parseJsonRows(text: string): Json[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return Array.isArray(parsed) ? parsed.filter(isObject) : [];
    } catch {
      return [];
    }
  }
  const rows: Json[] = [];
  for (const line of trimmed.split(/\r?\n/)) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (isObject(parsed)) rows.push(parsed);
    } catch {
      // A warning line among the JSON (old clients print some): not a row.
    }
  }
  return rows;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

const STATES = new Set<ContainerState>(['running', 'exited', 'created', 'paused', 'restarting', 'removing', 'dead']);

function stateOf(value: unknown, status: string): ContainerState {
  const state = str(value).toLowerCase();
  if (STATES.has(state as ContainerState)) return state as ContainerState;
  // Old Docker clients have no State field: the status text starts with it.
  if (/^up\b/i.test(status)) return 'running';
  if (/^exited\b/i.test(status)) return 'exited';
  if (/^created\b/i.test(status)) return 'created';
  return 'unknown';
}

export function healthOf(status: string): Health | undefined {
  const match = /\((healthy|unhealthy|health: starting|starting)\)/i.exec(status);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  return word === 'healthy' ? 'healthy' : word === 'unhealthy' ? 'unhealthy' : 'starting';
}

/** Docker's `"0.0.0.0:80->80/tcp, :::80->80/tcp, 9000/tcp"`: published ones only. */
export function parseDockerPorts(text: string): PortMapping[] {
  const ports: PortMapping[] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    const match = /^(.*):(\d+)(?:-(\d+))?->(\d+)(?:-(\d+))?\/(\w+)$/.exec(part);
    if (!match) continue;
    const [, hostIp, hostStart, hostEnd, containerStart, , protocol] = match;
    const count = hostEnd ? Number(hostEnd) - Number(hostStart) + 1 : 1;
    for (let offset = 0; offset < count; offset++)
      ports.push({
        hostIp: hostIp.replace(/^\[|\]$/g, ''),
        hostPort: Number(hostStart) + offset,
        containerPort: Number(containerStart) + offset,
        protocol,
      });
  }
  return ports;
}

/** Podman's `[{host_ip, host_port, container_port, range, protocol}]`. */
function parsePodmanPorts(value: unknown): PortMapping[] {
  if (!Array.isArray(value)) return [];
  const ports: PortMapping[] = [];
  for (const item of value.filter(isObject)) {
    const hostPort = Number(item.host_port ?? item.hostPort);
    const containerPort = Number(item.container_port ?? item.containerPort);
    if (!hostPort || !containerPort) continue;
    const range = Math.max(1, Number(item.range ?? 1) || 1);
    for (let offset = 0; offset < range; offset++)
      ports.push({
        hostIp: str(item.host_ip ?? item.hostIP),
        hostPort: hostPort + offset,
        containerPort: containerPort + offset,
        protocol: str(item.protocol) || 'tcp',
      });
  }
  return ports;
}

/** Docker's `"a=1,b=2"` (a value containing a comma cannot be told apart: Docker's own format loses it). */
export function parseDockerLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) labels[part.slice(0, at)] = part.slice(at + 1);
  }
  return labels;
}

function labelsOf(value: unknown): Record<string, string> {
  if (typeof value === 'string') return parseDockerLabels(value);
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, str(item)]));
}

export function parseContainers(text: string): ContainerRow[] {
  return parseJsonRows(text).map((row) => {
    const status = str(row.Status);
    const names = Array.isArray(row.Names)
      ? row.Names.map(str)
      : typeof row.Names === 'string'
        ? row.Names.split(',')
        : [];
    const labels = labelsOf(row.Labels);
    const ports = typeof row.Ports === 'string' ? parseDockerPorts(row.Ports) : parsePodmanPorts(row.Ports);
    return {
      id: str(row.ID ?? row.Id),
      name: names[0]?.replace(/^\//, '') ?? '',
      image: str(row.Image),
      state: stateOf(row.State, status),
      status,
      health: healthOf(status),
      ports,
      labels,
      composeProject: labels['com.docker.compose.project'] ?? labels['io.podman.compose.project'],
      composeService: labels['com.docker.compose.service'] ?? labels['io.podman.compose.service'],
    };
  });
}

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** "1.98MB", "15B", "0", 2133477 → bytes (Docker's human sizes are decimal). */
export function parseSize(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  const match = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(str(value));
  if (!match) return 0;
  const unit = UNITS[(match[2] || 'b').toLowerCase()];
  return unit === undefined ? 0 : Math.round(Number(match[1]) * unit);
}

function createdAt(value: unknown): number | undefined {
  if (typeof value === 'number') return value * 1000;
  // Docker: "2026-11-28 17:33:03 +0000 UTC"; Podman's CreatedAt: ISO 8601.
  const text = str(value)
    .replace(/ [A-Z]{2,5}$/, '')
    .replace(/^(\S+) (\S+) ([+-]\d{2})(\d{2})$/, '$1T$2$3:$4');
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

export function parseImages(text: string): ImageRow[] {
  const images: ImageRow[] = [];
  // Podman prints one row per tag, each with every name of the image: keep each name once.
  const seen = new Set<string>();
  for (const row of parseJsonRows(text)) {
    const id = str(row.ID ?? row.Id).replace(/^sha256:/, '');
    const sizeBytes = parseSize(row.Size);
    const created = createdAt(row.Created ?? row.CreatedAt);
    // Podman lists every name of an image in one row; Docker prints one row per name.
    const names = Array.isArray(row.Names)
      ? row.Names.map(str)
      : row.Repository !== undefined
        ? [`${str(row.Repository)}:${str(row.Tag)}`]
        : [];
    const real = names.filter((name) => !name.startsWith('<none>'));
    if (real.length === 0) real.push('');
    for (const name of real) {
      if (seen.has(`${id} ${name}`)) continue;
      seen.add(`${id} ${name}`);
      const at = name.lastIndexOf(':');
      const slash = name.lastIndexOf('/');
      const [repository, tag] = at > slash ? [name.slice(0, at), name.slice(at + 1)] : [name, ''];
      images.push({ id, reference: name || id.slice(0, 12), repository, tag, sizeBytes, createdAt: created });
    }
  }
  return images;
}

/** Newest layer first, as both engines print it. */
export function parseHistory(text: string): HistoryRow[] {
  return parseJsonRows(text).map((row) => ({
    id: str(row.ID ?? row.id),
    createdBy: str(row.CreatedBy ?? row.createdBy),
    sizeBytes: parseSize(row.Size ?? row.size),
  }));
}

/** One line of `events`: Docker's `{Type, Action, id}` or Podman's `{Type, Status, ID}`. */
export function parseEvent(line: string): EngineEvent | undefined {
  const [row] = parseJsonRows(line);
  if (!row) return undefined;
  const type = str(row.Type).toLowerCase();
  const action = str(row.Action ?? row.Status ?? row.status);
  const id = str(row.id ?? row.ID ?? (isObject(row.Actor) ? row.Actor.ID : '') ?? row.Name);
  if (!type || !action) return undefined;
  return { type, action, id };
}

export function engineNameOf(kind: EngineKind): string {
  return kind === 'docker' ? 'Docker' : 'Podman';
}
