/**
 * Published ports: `[ip:]host:container[/tcp|udp]` specs, validated before the engine sees them, and
 * a check that the host port is free, so "address already in use" is reported before a container
 * is half-created.
 */
import { createServer } from 'node:net';

export interface PortSpec {
  /** Empty: every interface, as the engines default to. */
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

const SPEC = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+):(\d+)(?:\/(tcp|udp))?$/;

function validPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function parsePortSpec(text: string): { spec: PortSpec } | { error: string } {
  const match = SPEC.exec(text.trim());
  if (!match)
    return {
      error: `"${text}" is not a port mapping: write host:container, e.g. 8080:80, 127.0.0.1:8080:80 or 5353:53/udp.`,
    };
  const [, hostIp = '', host, container, protocol = 'tcp'] = match;
  const hostPort = Number(host);
  const containerPort = Number(container);
  if (hostIp && !hostIp.startsWith('[') && hostIp.split('.').some((part) => Number(part) > 255))
    return { error: `"${hostIp}" is not an IPv4 address.` };
  for (const [name, value] of [
    ['host', hostPort],
    ['container', containerPort],
  ] as const)
    if (!validPort(value)) return { error: `The ${name} port ${value} is out of range (1 to 65535).` };
  return { spec: { hostIp, hostPort, containerPort, protocol: protocol as 'tcp' | 'udp' } };
}

/** A comma- or space-separated list, as typed in one input box. */
export function parsePortList(text: string): { specs: PortSpec[] } | { error: string } {
  const specs: PortSpec[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const parsed = parsePortSpec(part);
    if ('error' in parsed) return parsed;
    specs.push(parsed.spec);
  }
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = `${spec.hostIp}:${spec.hostPort}/${spec.protocol}`;
    if (seen.has(key)) return { error: `The host port ${spec.hostPort}/${spec.protocol} is published twice.` };
    seen.add(key);
  }
  return { specs };
}

export function formatPortSpec(spec: PortSpec): string {
  return `${spec.hostIp ? `${spec.hostIp}:` : ''}${spec.hostPort}:${spec.containerPort}/${spec.protocol}`;
}

/** `EXPOSE 8080 53/udp` → mappings on the same host ports, on loopback only (nothing exposed to the network by surprise). */
export function portsFromExpose(exposes: readonly { port: number; protocol: 'tcp' | 'udp' }[]): PortSpec[] {
  return exposes
    .filter((expose) => validPort(expose.port))
    .map((expose) => ({
      hostIp: '127.0.0.1',
      hostPort: expose.port,
      containerPort: expose.port,
      protocol: expose.protocol,
    }));
}

/** True when something already listens on the host port (TCP only: UDP cannot be probed this way). */
export function isPortInUse(spec: PortSpec): Promise<boolean> {
  if (spec.protocol !== 'tcp') return Promise.resolve(false);
  const host = spec.hostIp ? spec.hostIp.replace(/^\[|\]$/g, '') : '0.0.0.0';
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen({ port: spec.hostPort, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/** The first mapping whose host port is taken, with a message; undefined when all are free. */
export async function firstPortInUse(specs: readonly PortSpec[]): Promise<string | undefined> {
  for (const spec of specs)
    if (await isPortInUse(spec))
      return `Host port ${spec.hostPort} is already in use${spec.hostIp ? ` on ${spec.hostIp}` : ''}: choose another one (e.g. ${spec.hostPort + 1}:${spec.containerPort}).`;
  return undefined;
}
