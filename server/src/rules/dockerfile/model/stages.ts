/**
 * The build stages of a Dockerfile, computed once per parsed file: which instructions belong to which
 * stage, which stage a `FROM <name>` builds on, what base image it resolves to and which shell its
 * `RUN` lines use. Rules read this instead of re-walking the instruction list.
 */
import type { From, Instruction } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import { turnsOnPipefail } from './commands';
import { expandVariables } from './variables';

export interface ShellSetting {
  /** The SHELL argv (or the default), e.g. `["/bin/sh", "-c"]`. */
  argv: readonly string[];
  /** A POSIX-style shell whose script we can parse (sh, bash, ash, dash, zsh, ksh). */
  posix: boolean;
  /** The shell itself runs with `-o pipefail`. */
  pipefail: boolean;
}

export interface Stage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  /** Instructions after the FROM, up to the next FROM. */
  instructions: Instruction[];
  /** The earlier stage this one builds on (`FROM build AS test`). */
  parent?: Stage;
  /** The base image with global ARG defaults substituted; undefined when built on a stage or unresolvable. */
  image?: string;
  isFinal: boolean;
}

export interface DockerfileModel {
  stages: Stage[];
  /** Instructions before the first FROM (only ARGs are valid there). */
  globalInstructions: Instruction[];
  globalArgDefaults: Map<string, string | undefined>;
  /** The shell each instruction of a stage runs with (SHELL changes it for what follows). */
  shellAt(instruction: Instruction): ShellSetting;
  stageOf(instruction: Instruction): Stage | undefined;
  finalStage?: Stage;
  /** The final stage and every stage it builds on: what ends up in the image. */
  shippedStages: Set<Stage>;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const DEFAULT_SHELL: ShellSetting = { argv: ['/bin/sh', '-c'], posix: true, pipefail: false };
const WINDOWS_SHELL: ShellSetting = { argv: ['cmd', '/S', '/C'], posix: false, pipefail: false };

const cache = new WeakMap<DockerfileFile, DockerfileModel>();

export function dockerfileModel(file: DockerfileFile): DockerfileModel {
  let model = cache.get(file);
  if (!model) {
    model = buildModel(file);
    cache.set(file, model);
  }
  return model;
}

function buildModel(file: DockerfileFile): DockerfileModel {
  const instructions = file.dockerfile.getInstructions();
  const globalInstructions: Instruction[] = [];
  const globalArgDefaults = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const shells = new Map<Instruction, ShellSetting>();
  const stageByInstruction = new Map<Instruction, Stage>();
  let current: Stage | undefined;
  let shell = DEFAULT_SHELL;
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const written = from.getImage() ?? '';
      const parent = stages.find((stage) => stage.name !== undefined && stage.name === written.toLowerCase());
      const image = parent ? undefined : expandVariables(written, globalArgDefaults);
      current = {
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase(),
        instructions: [],
        parent,
        image,
        isFinal: false,
      };
      stages.push(current);
      shell = parent ? finalShell(parent, shells) : isWindowsImage(image) ? WINDOWS_SHELL : DEFAULT_SHELL;
      shells.set(instruction, shell);
      stageByInstruction.set(instruction, current);
      continue;
    }
    if (!current) {
      globalInstructions.push(instruction);
      if (instruction.getKeyword() === 'ARG') {
        for (const property of (instruction as import('dockerfile-ast').Arg).getProperties()) {
          globalArgDefaults.set(property.getName(), property.getValue() ?? undefined);
        }
      }
      continue;
    }
    if (instruction.getKeyword() === 'SHELL') shell = shellFromInstruction(instruction) ?? shell;
    current.instructions.push(instruction);
    shells.set(instruction, shell);
    stageByInstruction.set(instruction, current);
  }
  const finalStage = stages.at(-1);
  if (finalStage) finalStage.isFinal = true;
  const shippedStages = new Set<Stage>(finalStage ? lineage(finalStage) : []);
  return {
    stages,
    globalInstructions,
    globalArgDefaults,
    finalStage,
    shippedStages,
    shellAt: (instruction) => shells.get(instruction) ?? DEFAULT_SHELL,
    stageOf: (instruction) => stageByInstruction.get(instruction),
  };
}

function finalShell(stage: Stage, shells: Map<Instruction, ShellSetting>): ShellSetting {
  const last = stage.instructions.at(-1) ?? stage.from;
  return shells.get(last) ?? DEFAULT_SHELL;
}

/** `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`; undefined when the JSON form is broken (syntax reports it). */
export function shellFromInstruction(instruction: Instruction): ShellSetting | undefined {
  const argv = jsonArray(instruction);
  if (!argv || argv.length === 0) return undefined;
  const program = argv[0]
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  return { argv, posix: POSIX_SHELLS.has(program), pipefail: turnsOnPipefail(argv) };
}

/** The strings of an instruction's JSON (exec) form, or undefined when it is not valid JSON. */
export function jsonArray(instruction: Instruction): string[] | undefined {
  const raw = instruction.getRawArgumentsContent();
  if (!raw || !raw.trim().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw.replace(/\\\r?\n/g, ''));
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isWindowsImage(image: string | undefined): boolean {
  return (
    image !== undefined &&
    /(^|\/)(windows|windowsservercore|nanoserver|servercore)([/:@]|$)|mcr\.microsoft\.com\/windows/i.test(image)
  );
}

/** The base image family, for fixes that add a user or a shell: Alpine's BusyBox tools differ from Debian's. */
/**
 * The stage `COPY --from=<value>` in `stage` copies from: an earlier stage, by name or by index. Anything
 * else is an image BuildKit pulls (or, for a later stage or a bad index, an error `dockerfile/syntax` reports).
 */
export function earlierStage(model: DockerfileModel, stage: Stage, value: string): Stage | undefined {
  const earlier = model.stages.slice(0, stage.index);
  if (/^\d+$/.test(value)) return earlier[Number(value)];
  return earlier.find((s) => s.name === value.toLowerCase());
}

/** A stage and the stages it builds on (`FROM <stage>`), nearest first: what its image is made of. */
export function lineage(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // A parent is always an earlier stage, so the chain ends.
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.push(s);
  return chain;
}

/** The image at the bottom of a stage's lineage, resolved through ARGs when possible, else as written. */
export function baseImageOf(stage: Stage): string | undefined {
  const root = lineage(stage).at(-1)!;
  return root.image ?? root.from.getImage() ?? undefined;
}

export function imageFamily(stage: Stage | undefined): 'alpine' | 'debian' | 'other' {
  for (const s of stage ? lineage(stage) : []) {
    const image = s.image?.toLowerCase();
    if (!image) continue;
    if (/alpine|wolfi|chainguard/.test(image)) return 'alpine';
    if (
      /debian|ubuntu|bookworm|bullseye|trixie|jammy|noble|focal|slim|^(node|python|ruby|golang|openjdk|eclipse-temurin|php|rust|maven|gradle)(:|$)/.test(
        image,
      )
    )
      return 'debian';
    return 'other';
  }
  return 'other';
}
