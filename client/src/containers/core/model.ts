/** One model for both engines: what the Containers view, the commands and the tests work with. */
export interface PortMapping {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: string;
}

export type ContainerState =
  'running' | 'exited' | 'created' | 'paused' | 'restarting' | 'removing' | 'dead' | 'unknown';
export type Health = 'healthy' | 'unhealthy' | 'starting';

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** The engine's own status text, e.g. "Up 3 seconds (healthy)". */
  status: string;
  health?: Health;
  ports: PortMapping[];
  labels: Record<string, string>;
  /** The compose project and service, from either engine's compose labels. */
  composeProject?: string;
  composeService?: string;
}

export interface ImageRow {
  id: string;
  /** `repository:tag`, or the id when the image has no name. */
  reference: string;
  repository: string;
  tag: string;
  sizeBytes: number;
  /** Milliseconds since the epoch; undefined when the engine did not say. */
  createdAt?: number;
}

export interface HistoryRow {
  id: string;
  createdBy: string;
  sizeBytes: number;
}

export interface EngineEvent {
  type: string;
  action: string;
  id: string;
}
