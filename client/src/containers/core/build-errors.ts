/**
 * Where a failed build failed, as a Dockerfile line, from the engine's own output:
 * BuildKit (`Dockerfile:12` above a framed excerpt), Docker's legacy builder (`Step 3/4 : RUN …`,
 * `dockerfile parse error line 2`) and Podman/Buildah (`[2/2] STEP 3/6: RUN …`,
 * `Error: building at STEP "…": …`).
 */
import { firstErrorLine } from './errors';
import { normalizeInstruction, type DockerfileOutline, type OutlineInstruction } from './dockerfile-outline';

export interface BuildProblem {
  line: number;
  message: string;
}

// Colour codes some engines print even when not on a terminal.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}

/** The instruction an engine echoed, found by its text, preferring the expected position. */
function findInstruction(
  outline: DockerfileOutline,
  echoed: string,
  preferred?: { index?: number; stage?: number },
): OutlineInstruction | undefined {
  const wanted = normalizeInstruction(echoed);
  const candidates = outline.instructions.filter((item) => normalizeInstruction(item.text) === wanted);
  const inStage =
    preferred?.stage === undefined ? candidates : candidates.filter((item) => item.stage === preferred.stage);
  const byIndex = preferred?.index === undefined ? undefined : outline.instructions[preferred.index];
  if (byIndex && inStage.includes(byIndex)) return byIndex;
  if (inStage.length > 0) return inStage[0];
  if (candidates.length > 0) return candidates[0];
  // Podman echoes FROM with the parent's image id instead of the stage name: the keyword and position are enough.
  if (byIndex && byIndex.keyword === echoed.trim().split(/\s+/)[0]?.toUpperCase()) return byIndex;
  return undefined;
}

/** The engine's explanation: its error line, without the legacy builder's banner. */
function errorMessage(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .reverse();
  const buildkit = lines.find((line) => /^ERROR:/.test(line));
  if (buildkit) return buildkit.replace(/^ERROR:\s*(failed to solve:\s*)?/, '');
  const legacy = lines.find((line) => /returned a non-zero code|^COPY failed|^ADD failed|failed to/i.test(line));
  return legacy ?? firstErrorLine(output);
}

export function parseBuildErrors(
  rawOutput: string,
  outline: DockerfileOutline,
  dockerfileName = 'Dockerfile',
): BuildProblem[] {
  const output = rawOutput.replace(ANSI, '').replace(/\r\n/g, '\n');
  const message = errorMessage(output) || 'The build failed.';

  // BuildKit frames the failing lines under "<name>:<line>" (or a range "<name>:3-5").
  const escaped = dockerfileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const framed = lastMatch(new RegExp(`^\\s*(?:\\S*/)?${escaped}:(\\d+)(?:-\\d+)?\\s*\\n\\s*-{8,}`, 'gm'), output);
  if (framed) return [{ line: Number(framed[1]) - 1, message }];

  const parseError = lastMatch(/dockerfile parse error (?:on )?line (\d+):\s*(.*)$/gim, output);
  if (parseError) return [{ line: Number(parseError[1]) - 1, message: parseError[2] || message }];

  const podmanError = lastMatch(/^Error: building at STEP "([^"]*)": (.*)$/gm, output);
  const podmanStep = lastMatch(/^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/\d+: (.*)$/gm, output);
  if (podmanError && podmanStep) {
    const stage = podmanStep[1] ? Number(podmanStep[1]) - 1 : undefined;
    const stageInstructions = outline.instructions.filter(
      (item) => item.stage === (stage ?? item.stage) && item.stage >= 0,
    );
    const indexInStage = stageInstructions[Number(podmanStep[2]) - 1];
    const found = findInstruction(outline, podmanStep[3], {
      stage,
      index: indexInStage ? outline.instructions.indexOf(indexInStage) : undefined,
    });
    if (found) return [{ line: found.line, message: podmanError[2] }];
  }

  // The legacy builder numbers steps across the whole file (global ARGs included).
  const legacyStep = lastMatch(/^Step (\d+)\/\d+ : (.*)$/gm, output);
  if (legacyStep) {
    const found = findInstruction(outline, legacyStep[2], { index: Number(legacyStep[1]) - 1 });
    if (found) return [{ line: found.line, message }];
  }
  return [];
}
