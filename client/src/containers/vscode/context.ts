/** What the containers' VS Code parts share: the engine, the server, the build results. */
import type * as vscode from 'vscode';
import type { ShipshapeLanguageClient } from '../../language-client';
import type { EngineService } from './engine-service';
import type { LayerSizes } from './layer-hints';

export interface LastBuild {
  image: string;
  dockerfile: string;
  target?: string;
}

export interface ContainersContext {
  engines: EngineService;
  languageClient: ShipshapeLanguageClient;
  layers: LayerSizes;
  /** Build errors, at their Dockerfile lines, in the Problems panel. */
  buildProblems: vscode.DiagnosticCollection;
  state: vscode.Memento;
  output: vscode.LogOutputChannel;
  /** Asks the Containers view to list again (after a command changed something). */
  refreshView: () => void;
}

const LAST_BUILDS = 'shipshape.containers.lastBuilds';

/** Most recent first; used to offer the last built image first and to find an image's Dockerfile. */
export function lastBuilds(state: vscode.Memento): LastBuild[] {
  return state.get<LastBuild[]>(LAST_BUILDS, []);
}

export async function rememberBuild(state: vscode.Memento, build: LastBuild): Promise<void> {
  const others = lastBuilds(state).filter((item) => item.image !== build.image);
  await state.update(LAST_BUILDS, [build, ...others].slice(0, 20));
}
