import type { Worker } from 'node:worker_threads';
import { INTERNAL_ERROR } from '../engine/check';
import { effectiveRule, type RuleSettings } from '../engine/config';
import type { RuleRegistry } from '../engine/registry';
import type { Finding } from '../engine/types';
import {
  PARSING_STEP,
  type CheckComments,
  type FromWorker,
  type Programs,
  type ToWorker,
  type UncheckedScript,
} from './check-protocol';
import type { Reads } from './dependents';
import { startCheckWorker, type StartedWorker } from './worker-start';
import type { WorkspaceChange } from './workspace-mirror';

/** How long one file's check may take before it is abandoned and the worker started again. */
export const DEFAULT_CHECK_BUDGET_MS = 2000;

/** A check's findings, and (when script checkers were asked for) the scripts they have not been run on yet. */
export interface CheckResult {
  findings: Finding[];
  unchecked?: UncheckedScript[];
  /** What the check read besides its file (absent when it did not finish). */
  reads?: Reads;
}

interface Pending {
  path: string;
  rules?: RuleSettings;
  /** The enabled script checkers' programs, or undefined when all are off. */
  programs?: Programs;
  waiters: Array<(result: CheckResult) => void>;
}

/**
 * Runs the server's checks on a worker thread, so that hover, code actions and completion answer
 * while a large file is checked, and a check that overruns its budget (a pathological input, a rule
 * bug) costs that file one internal-error finding instead of a frozen editor. Checks run one at a
 * time; asking again for a file already waiting shares the waiting check, which will see the newest
 * text because workspace changes reach the worker in order, before it.
 */
export class CheckRunner {
  private worker: Worker | undefined;
  private readonly step: Int32Array<SharedArrayBuffer>;
  private readonly queue: Pending[] = [];
  private running: (Pending & { id: number; timer?: NodeJS.Timeout }) | undefined;
  /** The worker has loaded: checks are sent only then, so that loading is not timed. */
  private ready = false;
  /** Workers that died before they were ready, in a row: after three, checking is given up on. */
  private failedStarts = 0;
  private broken: string | undefined;
  private nextId = 1;
  /** What a fresh worker must be told to see the same workspace: the folders, then the open documents. */
  private folders: WorkspaceChange | undefined;
  private readonly openDocuments = new Map<string, WorkspaceChange>();
  private disposed = false;
  private readonly heapWaiters = new Map<number, (heapUsed: number) => void>();

  constructor(
    private readonly script: string,
    private readonly registry: RuleRegistry,
    private readonly budgetMs: number,
    private readonly log: (message: string) => void,
    /** The worker has read the workspace folders (after each start): cross-file findings may change. */
    private readonly onIndexed: () => void = () => undefined,
    /** A worker the server started before it knew its settings (see worker-start.ts): it is the first worker. */
    private started?: StartedWorker,
  ) {
    this.step = started?.step ?? new Int32Array(new SharedArrayBuffer(4));
    // Heard from now on, so that its `ready` and logs are not left waiting for the first document.
    if (started) this.ensureWorker();
  }

  apply(change: WorkspaceChange): void {
    if (change.kind === 'loadFolders') this.folders = change;
    else if (change.kind === 'open') this.openDocuments.set(change.path, change);
    else if (change.kind === 'closed') this.openDocuments.delete(change.path);
    this.post(change);
  }

  lint(path: string, rules?: RuleSettings, programs?: Programs): Promise<CheckResult> {
    if (this.broken) return Promise.resolve({ findings: this.internalError(path, rules, this.broken) });
    return new Promise((resolve) => {
      const key = JSON.stringify([rules ?? {}, programs]);
      const waiting = this.queue.find(
        (each) => each.path === path && JSON.stringify([each.rules ?? {}, each.programs]) === key,
      );
      if (waiting) waiting.waiters.push(resolve);
      else this.queue.push({ path, rules, programs, waiters: [resolve] });
      this.pump();
    });
  }

  /** Script checkers' comments on scripts a check named as unchecked: the next check of their file adds them. */
  scriptComments(entries: CheckComments): void {
    if (entries.length > 0) this.post({ kind: 'scriptComments', entries });
  }

  /** The worker's used heap after a full collection, in bytes. */
  heapUsed(): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.heapWaiters.set(id, resolve);
      this.post({ kind: 'heapUsage', id });
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.running?.timer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed || this.broken) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const next = this.queue.shift();
    if (!next) return;
    const id = this.nextId++;
    this.running = { ...next, id };
    const { path, rules, programs } = next;
    worker.postMessage({ kind: 'lint', id, path, rules, programs } satisfies ToWorker);
  }

  private finish(id: number, result: CheckResult): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    for (const resolve of running.waiters) resolve(result);
    this.pump();
  }

  private overrun(id: number): void {
    if (this.running?.id !== id) return;
    const step = Atomics.load(this.step, 0);
    const where =
      step === PARSING_STEP
        ? 'while parsing it'
        : step > 0
          ? `in rule ${this.registry.all[step - 1]?.id ?? 'unknown'}`
          : 'before any rule ran';
    const { path, rules } = this.running;
    this.log(`Checking ${path} took longer than ${this.budgetMs} ms (${where}): stopped, and the checker restarted.`);
    this.restart();
    this.finish(id, {
      findings: this.internalError(
        path,
        rules,
        `Checking this file took longer than ${this.budgetMs} ms (${where}) and was stopped; other files are still checked. Please report this.`,
      ),
    });
  }

  private internalError(path: string, rules: RuleSettings | undefined, message: string): Finding[] {
    const rule = this.registry.get(INTERNAL_ERROR);
    const severity = rule ? effectiveRule(rule, [rules]).severity : 'error';
    if (severity === 'off') return [];
    const start = { line: 0, character: 0 };
    return [{ file: path, ruleId: INTERNAL_ERROR, severity, message, range: { start, end: start } }];
  }

  private post(message: ToWorker): void {
    if (this.disposed) return;
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const started = this.started ?? startCheckWorker(this.script, this.step);
    this.started = undefined;
    const worker = started.worker;
    worker.stdout.on('data', (chunk: Buffer) => this.log(chunk.toString().trimEnd()));
    worker.stderr.on('data', (chunk: Buffer) => this.log(chunk.toString().trimEnd()));
    this.worker = worker;
    this.ready = false;
    // A fresh worker (first start or restart) is told the workspace before anything else.
    if (this.folders) worker.postMessage(this.folders);
    for (const document of this.openDocuments.values()) worker.postMessage(document);
    // A worker started early may have said `ready` (a check is sent at once) or died (another is started).
    started.takeOver({
      message: (message) => this.heard(worker, message),
      error: (error) => this.stopped(worker, `the checker failed: ${error.stack ?? error.message}`),
      exit: (code) => this.stopped(worker, `the checker exited with code ${code}`),
    });
    return this.worker ?? worker;
  }

  private heard(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    if (message.kind === 'log') this.log(message.message);
    else if (message.kind === 'heapUsage') {
      this.heapWaiters.get(message.id)?.(message.heapUsed);
      this.heapWaiters.delete(message.id);
    } else if (message.kind === 'indexed') this.onIndexed();
    else if (message.kind === 'ready') {
      this.ready = true;
      this.failedStarts = 0;
      this.pump();
    } else if (message.kind === 'started') {
      // Timed from here: the workspace changes queued before it are not this file's cost.
      if (this.running?.id === message.id)
        this.running.timer = setTimeout(() => this.overrun(message.id), this.budgetMs);
    } else if (message.kind === 'result') this.finish(message.id, message);
    else {
      this.log(`Checking failed: ${message.error}`);
      const running = this.running;
      if (running?.id === message.id)
        this.finish(message.id, {
          findings: this.internalError(running.path, running.rules, 'Checking this file failed. Please report this.'),
        });
    }
  }

  /** The worker died on its own (not stopped by us): the running check gets a finding, the next one a new worker. */
  private stopped(worker: Worker, reason: string): void {
    if (worker !== this.worker || this.disposed) return;
    this.worker = undefined;
    this.log(`Checking stopped: ${reason}.`);
    if (!this.ready && ++this.failedStarts >= 3) {
      this.broken = `The checker could not start (${reason}); see the Shipshape output. Please report this.`;
      for (const pending of this.queue.splice(0))
        for (const resolve of pending.waiters)
          resolve({ findings: this.internalError(pending.path, pending.rules, this.broken) });
    }
    const running = this.running;
    if (running) {
      this.restart();
      this.finish(running.id, {
        findings: this.internalError(
          running.path,
          running.rules,
          `Checking this file stopped the checker (${reason}). Please report this.`,
        ),
      });
    } else this.pump();
  }

  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    Atomics.store(this.step, 0, 0);
    if (old) void old.terminate();
    if (!this.disposed) this.ensureWorker();
  }
}
