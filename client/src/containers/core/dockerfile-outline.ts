/**
 * The little the container commands need to know about a Dockerfile, as the language server's
 * Dockerfile model answers it (request `shipshape/dockerfileStages`). Plain data, lines 0-based.
 * The types are repeated here, not imported, because the client never imports server code.
 */
export interface OutlineStage {
  index: number;
  /** The `AS name`, lower-cased. */
  name?: string;
  line: number;
  /** The earlier stage this one builds on (`FROM build AS test`). */
  parent?: number;
  isFinal: boolean;
}

export interface OutlineInstruction {
  keyword: string;
  line: number;
  endLine: number;
  /** The instruction as written, continuation lines joined. */
  text: string;
  /** The stage index; -1 for ARGs before the first FROM. */
  stage: number;
}

export interface DockerfileOutline {
  stages: OutlineStage[];
  instructions: OutlineInstruction[];
  exposes: { port: number; protocol: 'tcp' | 'udp'; line: number }[];
  args: { name: string; hasDefault: boolean; line: number; stage: number }[];
}

export const DOCKERFILE_STAGES_REQUEST = 'shipshape/dockerfileStages';

/** Whitespace-insensitive instruction text, for matching what an engine echoes back. */
export function normalizeInstruction(text: string): string {
  return text
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The stage to build: the named one, else the last. */
export function targetStage(outline: DockerfileOutline, target?: string): OutlineStage | undefined {
  if (target) return outline.stages.find((stage) => stage.name === target.toLowerCase());
  return outline.stages.at(-1);
}

/** The stage and every stage it builds on, oldest first: whose instructions make up the image. */
export function stageChain(outline: DockerfileOutline, stage: OutlineStage): OutlineStage[] {
  const chain: OutlineStage[] = [];
  const seen = new Set<number>();
  for (let current: OutlineStage | undefined = stage; current && !seen.has(current.index);) {
    seen.add(current.index);
    chain.unshift(current);
    current = current.parent === undefined ? undefined : outline.stages[current.parent];
  }
  return chain;
}

/** ARGs of the built stages (and global ones) that have no default: the build must be given them. */
export function argsWithoutDefault(outline: DockerfileOutline, target?: string): string[] {
  const stage = targetStage(outline, target);
  const stages = new Set(stage ? stageChain(outline, stage).map((item) => item.index) : []);
  const names = outline.args
    .filter((arg) => !arg.hasDefault && (arg.stage === -1 || stages.has(arg.stage)))
    .map((arg) => arg.name);
  return [...new Set(names)];
}
