/** A minimal event emitter with VS Code's shape (`event(listener) → disposable`), so core needs no `vscode`. */
export type Listener<T> = (value: T) => void;
export interface Subscription {
  dispose(): void;
}
export type CoreEvent<T> = (listener: Listener<T>) => Subscription;

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event: CoreEvent<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
