/** The Dockerfile-level checks of dockerfile/syntax beyond unknown keywords: flags, JSON forms and stage references. */
import type { Copy, Flag, Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import { closest } from '../../../engine/text';
import type { DockerfileFile, Report } from '../../../engine/types';
import flagData from '../data/instruction-flags.json';
import { dockerfileModel, earlierStage, jsonArray } from '../model/stages';

const FLAGS = flagData.flags as Record<string, string[]>;
const JSON_FORMS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

export function checkFlags(instruction: Instruction, report: (r: Report) => void): void {
  const keyword = instruction.getKeyword();
  const known = FLAGS[keyword];
  if (!known || !('getFlags' in instruction)) return;
  for (const flag of (instruction as JSONInstruction).getFlags() as Flag[]) {
    const name = flag.getName();
    if (!known.includes(name)) {
      const suggestion = closest(name, known);
      report({
        range: flag.getNameRange(),
        message: `${keyword} has no flag --${name}.${suggestion ? ` Did you mean --${suggestion}?` : ` Flags: ${known.map((f) => `--${f}`).join(', ')}.`}`,
      });
    } else if (!flagData.switches.includes(name) && !flag.getValue()) {
      report({ range: flag.getRange(), message: `--${name} needs a value: --${name}=<value>.` });
    }
  }
}

export function checkJsonForm(instruction: Instruction, report: (r: Report) => void): void {
  const keyword = instruction.getKeyword();
  if (!JSON_FORMS.has(keyword)) return;
  const raw = instruction.getRawArgumentsContent()?.trim() ?? '';
  const range = instruction.getArgumentsRange();
  if (!range || jsonArray(instruction)) return;
  if (keyword === 'SHELL') {
    report({ range, message: 'SHELL needs the JSON form, e.g. SHELL ["/bin/bash", "-c"].' });
    return;
  }
  // `RUN [ -f x ]` is the test command, not JSON: only a bracketed list with commas or single quotes was meant as JSON.
  const flagsEnd = raw.replace(/^(--\S+\s+)*/, '');
  if (/^\[.*\]$/s.test(flagsEnd) && (/^\[\s*'/.test(flagsEnd) || /["']\s*,/.test(flagsEnd))) {
    report({
      range,
      message: `${keyword} looks like a JSON array but is not valid JSON (strings need double quotes), so Docker runs it as a shell command.`,
    });
  }
}

/** Triggers Docker refuses: they would start a stage, chain triggers, or set a deprecated field in a child build. */
const FORBIDDEN_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export function checkOnbuildTrigger(instruction: Onbuild, report: (r: Report) => void): void {
  const trigger = instruction.getTriggerWord()?.toUpperCase();
  const range = instruction.getTriggerRange();
  if (!trigger || !range || !FORBIDDEN_TRIGGERS.has(trigger)) return;
  report({ range, message: `${trigger} is not allowed as an ONBUILD trigger: Docker refuses to build this.` });
}

export function checkStages(file: DockerfileFile, report: (r: Report) => void): void {
  const model = dockerfileModel(file);
  const seen = new Map<string, number>();
  for (const stage of model.stages) {
    const nameRange = stage.from.getBuildStageRange();
    if (stage.name && nameRange) {
      if (seen.has(stage.name)) {
        report({
          range: nameRange,
          message: `Duplicate stage name '${stage.from.getBuildStage()}' (first on line ${seen.get(stage.name)! + 1}): stage names must be unique.`,
        });
      } else seen.set(stage.name, stage.from.getRange().start.line);
    }
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'COPY') continue;
      const flag = (instruction as Copy).getFromFlag();
      const value = flag?.getValue();
      const range = flag?.getValueRange();
      if (!value || !range || value.includes('$')) continue;
      const earlier = model.stages.slice(0, stage.index);
      if (/^\d+$/.test(value)) {
        if (Number(value) >= stage.index)
          report({
            range,
            message: `--from=${value} refers to stage ${value}, but only stages 0 to ${stage.index - 1} come before this one.`,
          });
        continue;
      }
      const lower = value.toLowerCase();
      if (lower === stage.name) {
        report({ range, message: `--from=${value} refers to the stage it is in: copy from an earlier stage.` });
        continue;
      }
      if (earlierStage(model, stage, value) || /[/:.@]/.test(value)) continue;
      // An unknown plain name is pulled as an image, which is legal; a near-miss of a stage name is a typo.
      const suggestion = closest(
        lower,
        earlier.flatMap((s) => (s.name ? [s.name] : [])),
      );
      if (suggestion)
        report({
          range,
          message: `No stage named '${value}' before this line, so Docker would pull an image '${value}'. Did you mean --from=${suggestion}?`,
        });
    }
  }
}
