/**
 * `gitlab-ci/syntax`, part one: keywords and their shapes in the file being checked. Unknown keywords
 * (with "did you mean"), wrong value types, unknown sub-keys, `when:` values, and jobs with nothing to run.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { closest } from '../../../engine/text';
import type { Range, Report } from '../../../engine/types';
import { nodeRange } from '../../../engine/yaml/nav';
import { extendsOf, jobValue } from '../model/job-config';
import { catalogue, describeTypes, hasType } from '../model/keyword-catalogue';
import type { Pipeline } from '../model/pipeline';
import { text, type Entry, type Located } from '../model/yaml-resolve';

type Reporter = (report: Report) => void;

/** Keywords whose mapping values have a known set of sub-keys, and where `when:` has a fixed set of values. */
const WHEN_LISTS: Record<string, keyof typeof catalogue.when> = { artifacts: 'artifacts', cache: 'cache' };

export function checkStructure(pipeline: Pipeline, report: Reporter): void {
  const checker = new StructureChecker(pipeline, report);
  checker.checkTopLevel();
}

class StructureChecker {
  private readonly reported = new Set<Node>();

  constructor(
    private readonly pipeline: Pipeline,
    private readonly report: Reporter,
  ) {}

  checkTopLevel(): void {
    const { resolver, self } = this.pipeline;
    const templates = this.extendedTemplates();
    for (const entry of resolver.entries(self.root ? { node: self.root, source: self } : undefined)) {
      const value = resolver.deref(entry.pair.value, entry.source);
      if (entry.key in catalogue.global) {
        this.checkGlobal(entry, value);
      } else if (entry.key.startsWith('.')) {
        // Hidden keys hold anything (anchors, variables); only templates that jobs extend are jobs-to-be.
        if (templates.has(entry.key) && value && isMap(value.node)) this.checkJob(entry.key, value, false);
      } else if (!value || !isMap(value.node)) {
        this.unknownTopLevel(entry);
      } else {
        this.checkJob(entry.key, value, true);
      }
    }
  }

  private checkGlobal(entry: Entry, value: Located | undefined): void {
    if (!value || !this.checkType(entry, value, catalogue.global[entry.key])) return;
    const { resolver } = this.pipeline;
    if (entry.key === 'default') this.checkKeys(value, catalogue.subkeys.default, 'default');
    if (entry.key === 'default') for (const inner of resolver.entries(value)) this.checkKeyword(inner);
    if (entry.key === 'workflow') {
      this.checkKeys(value, catalogue.subkeys.workflow, 'workflow');
      this.checkRules(resolver.get(value, 'rules'), 'workflowRules');
    }
    if (entry.key === 'include') {
      const items = isSeq(value.node) ? resolver.items(value) : [value];
      for (const item of items) if (isMap(item.node)) this.checkKeys(item, catalogue.subkeys.include, 'include');
    }
    if (['image', 'services', 'cache'].includes(entry.key)) this.checkKeyword(entry);
  }

  private unknownTopLevel(entry: Entry): void {
    const range = this.rangeOf(entry.pair.key);
    if (!range) return;
    if (entry.key in catalogue.job) {
      this.report({
        range,
        message: `'${entry.key}' is a job keyword: put it inside a job, or under default: to apply it to every job.`,
      });
      return;
    }
    const suggestion = closest(entry.key, Object.keys(catalogue.global));
    this.report({
      range,
      message: `Unknown top-level keyword '${entry.key}'${suggestion ? `: did you mean '${suggestion}'?` : '. A job must be a mapping with a script.'}`,
    });
  }

  private checkJob(name: string, job: Located, visible: boolean): void {
    // A misspelled `variables:` reads as a job; one finding on its name says it all.
    if (visible && !this.checkJobBody(name)) return;
    for (const entry of this.pipeline.resolver.entries(job)) {
      if (entry.source !== this.pipeline.self) continue;
      if (!(entry.key in catalogue.job)) {
        const suggestion = closest(entry.key, Object.keys(catalogue.job));
        this.reportOnce(
          entry.pair.key,
          `Unknown keyword '${entry.key}' in job '${name}'${suggestion ? `: did you mean '${suggestion}'?` : '.'}`,
        );
        continue;
      }
      this.checkKeyword(entry);
    }
  }

  /** One job (or `default:`) keyword: its type, its sub-keys and its `when:` values. */
  private checkKeyword(entry: Entry): void {
    const { resolver } = this.pipeline;
    const value = resolver.deref(entry.pair.value, entry.source);
    const types = catalogue.job[entry.key];
    if (!value || !types || !this.checkType(entry, value, types)) return;
    const subkeys = catalogue.subkeys[entry.key];
    if (entry.key === 'rules') return this.checkRules(value, 'rules');
    if (entry.key === 'when') return this.checkWhen(value, 'job');
    if (!subkeys) return;
    const parts = isSeq(value.node) ? resolver.items(value) : [value];
    for (const part of parts) {
      if (!isMap(part.node)) continue;
      this.checkKeys(part, subkeys, entry.key);
      const whenList = WHEN_LISTS[entry.key];
      const when = resolver.get(part, 'when');
      if (whenList && when) this.checkWhen(when, whenList);
    }
  }

  private checkRules(rules: Located | undefined, list: 'rules' | 'workflowRules'): void {
    for (const rule of this.pipeline.resolver.items(rules)) {
      if (!isMap(rule.node)) continue;
      this.checkKeys(rule, catalogue.subkeys[list], list === 'rules' ? 'rules' : 'workflow:rules');
      const when = this.pipeline.resolver.get(rule, 'when');
      if (when) this.checkWhen(when, list);
    }
  }

  private checkKeys(map: Located, known: readonly string[], where: string): void {
    for (const entry of this.pipeline.resolver.entries(map)) {
      if (known.includes(entry.key) || entry.source !== this.pipeline.self) continue;
      const suggestion = closest(entry.key, known);
      this.reportOnce(
        entry.pair.key,
        `Unknown key '${entry.key}' in ${where}${suggestion ? `: did you mean '${suggestion}'?` : `. Expected one of: ${known.join(', ')}.`}`,
      );
    }
  }

  private checkWhen(value: Located, list: keyof typeof catalogue.when): void {
    const when = text(value);
    const allowed = catalogue.when[list];
    if (when === undefined || when.includes('$') || allowed.includes(when) || value.source !== this.pipeline.self)
      return;
    this.reportOnce(value.node, `'${when}' is not a when: value here. Use one of: ${allowed.join(', ')}.`);
  }

  private checkType(
    entry: Entry,
    value: Located,
    types: readonly ('scalar' | 'boolean' | 'number' | 'array' | 'map')[],
  ): boolean {
    if (hasType(value, types)) return true;
    if (entry.source === this.pipeline.self) {
      this.reportOnce(entry.pair.value ?? entry.pair.key, `'${entry.key}' must be ${describeTypes(types)}.`);
    }
    return false;
  }

  /**
   * GitLab rejects a visible job with nothing to run; a job whose parent we cannot see gets the benefit of the doubt.
   * False when the "job" is really a misspelled global keyword, whose own keys are then not worth judging.
   */
  private checkJobBody(name: string): boolean {
    const { pipeline } = this;
    if (catalogue.jobBodies.some((keyword) => jobValue(pipeline, name, keyword))) return true;
    // An include we cannot see (a template, another project, a component, a remote file) may define the
    // same job with its script: GitLab merges the two, as the Security templates expect.
    if (pipeline.incomplete) return true;
    const definition = (pipeline.definitions.get(name) ?? []).find((candidate) => candidate.source === pipeline.self);
    if (!definition) return true;
    const suggestion = closest(name, Object.keys(catalogue.global));
    this.reportOnce(
      definition.pair.key,
      suggestion
        ? `'${name}' is read as a job, and a job needs script, run or trigger: did you mean the global keyword '${suggestion}'?`
        : `Job '${name}' has no script, run or trigger, so GitLab rejects the pipeline.`,
    );
    return suggestion === undefined;
  }

  /** Hidden templates that some job extends (directly or through other templates). */
  private extendedTemplates(): Set<string> {
    const templates = new Set<string>();
    for (const name of this.pipeline.definitions.keys()) {
      for (const parent of extendsOf(this.pipeline, name)) if (parent.name.startsWith('.')) templates.add(parent.name);
    }
    return templates;
  }

  private reportOnce(node: Node | null | undefined, message: string): void {
    const range = this.rangeOf(node);
    if (!node || !range || this.reported.has(node)) return;
    this.reported.add(node);
    this.report({ range, message });
  }

  private rangeOf(node: Node | null | undefined): Range | undefined {
    return nodeRange(this.pipeline.self.file.lines, node);
  }
}
