/**
 * Image history → the size each Dockerfile instruction added. Both engines list history newest
 * first, base image layers last; the built stage's instructions are the newest entries. Entries are
 * aligned from the newest end by instruction keyword, so an instruction that leaves no history
 * entry (BuildKit records no ARG) does not shift the rest.
 */
import {
  normalizeInstruction,
  stageChain,
  targetStage,
  type DockerfileOutline,
  type OutlineInstruction,
} from './dockerfile-outline';
import type { HistoryRow } from './model';

export interface LayerSize {
  line: number;
  keyword: string;
  /** Normalized instruction text, to find the line again after edits. */
  text: string;
  sizeBytes: number;
}

export interface ImageLayers {
  layers: LayerSize[];
  /** The FROM line of the built stage, where the image's total goes. */
  fromLine: number;
  fromText: string;
  totalBytes: number;
}

const KEYWORDS =
  /^(RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|ARG|LABEL|EXPOSE|WORKDIR|USER|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)\b/i;

/** The instruction a history entry came from: `#(nop) CMD …`, BuildKit's `COPY … # buildkit`, else a RUN. */
export function historyKeyword(createdBy: string): string {
  const nop = /#\(nop\)\s+(\w+)/.exec(createdBy);
  if (nop) return nop[1].toUpperCase();
  const direct = KEYWORDS.exec(createdBy.trim());
  if (direct) return direct[1].toUpperCase();
  return 'RUN';
}

export function imageLayers(
  history: readonly HistoryRow[],
  outline: DockerfileOutline,
  target?: string,
): ImageLayers | undefined {
  const stage = targetStage(outline, target);
  if (!stage || history.length === 0) return undefined;
  const chain = new Set(stageChain(outline, stage).map((item) => item.index));
  const instructions = outline.instructions.filter((item) => chain.has(item.stage) && item.keyword !== 'FROM');
  const sizes = new Map<OutlineInstruction, number>();
  let i = instructions.length - 1;
  let j = 0;
  while (i >= 0 && j < history.length) {
    const instruction = instructions[i];
    const keyword = historyKeyword(history[j].createdBy);
    if (keyword === instruction.keyword) {
      sizes.set(instruction, (sizes.get(instruction) ?? 0) + history[j].sizeBytes);
      i--;
      j++;
    } else if (j + 1 < history.length && historyKeyword(history[j + 1].createdBy) === instruction.keyword) {
      j++; // an entry with no instruction of its own (a --label from the command line)
    } else {
      i--; // an instruction that left no entry
    }
  }
  const from = outline.instructions.find((item) => item.line === stage.line);
  return {
    layers: instructions
      .filter((item) => sizes.has(item))
      .map((item) => ({
        line: item.line,
        keyword: item.keyword,
        text: normalizeInstruction(item.text),
        sizeBytes: sizes.get(item) ?? 0,
      })),
    fromLine: stage.line,
    fromText: normalizeInstruction(from?.text ?? ''),
    totalBytes: history.reduce((sum, row) => sum + row.sizeBytes, 0),
  };
}

/**
 * The same sizes on an edited Dockerfile: each instruction is found again by its text. When fewer
 * than half are found, the file has changed beyond recognition and the sizes are dropped.
 */
export function relocateLayers(layers: ImageLayers, outline: DockerfileOutline): ImageLayers | undefined {
  const used = new Set<number>();
  const findLine = (text: string, near: number) => {
    const matches = outline.instructions
      .filter((item) => !used.has(item.line) && normalizeInstruction(item.text) === text)
      .sort((a, b) => Math.abs(a.line - near) - Math.abs(b.line - near));
    if (matches[0]) used.add(matches[0].line);
    return matches[0]?.line;
  };
  const relocated: LayerSize[] = [];
  for (const layer of layers.layers) {
    const line = findLine(layer.text, layer.line);
    if (line !== undefined) relocated.push({ ...layer, line });
  }
  const fromLine = findLine(layers.fromText, layers.fromLine);
  if (fromLine === undefined || relocated.length * 2 < layers.layers.length) return undefined;
  return { ...layers, layers: relocated, fromLine };
}

/** Decimal units, as the engines print them: "312 MB", "15 B", "1.98 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}
