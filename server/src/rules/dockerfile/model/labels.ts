/** LABEL instructions as key/value pairs with their places, per stage. */
import type { Label } from 'dockerfile-ast';
import type { DockerfileFile, Range } from '../../../engine/types';
import { dockerfileModel, type Stage } from './stages';

export interface LabelPair {
  key: string;
  keyRange: Range;
  /** The value with quotes removed. */
  value: string;
  /** The value's place, or the key's when the value is empty. */
  valueRange: Range;
  stage: Stage;
}

export function labelPairs(file: DockerfileFile): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const stage of dockerfileModel(file).stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'LABEL') continue;
      for (const property of (instruction as Label).getProperties()) {
        pairs.push({
          key: property.getName().replace(/^"|"$/g, ''),
          keyRange: property.getNameRange(),
          value: property.getValue() ?? '',
          valueRange: property.getValueRange() ?? property.getNameRange(),
          stage,
        });
      }
    }
  }
  return pairs;
}
