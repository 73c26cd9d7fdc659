import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';
import { scriptText } from './model/run-script';

/** Commands that manage a machine, a terminal session or its processes: in a build step they do nothing lasting. */
const POINTLESS: Record<string, string> = {
  ssh: 'a build has no session to log in from; fetch what you need with COPY, ADD or RUN --mount=type=ssh',
  vim: 'nobody is at the terminal to edit; write the file with COPY or a heredoc',
  shutdown: 'the build container has no init to shut down',
  service: 'a service started in RUN stops when the step ends; start it from CMD or ENTRYPOINT',
  ps: 'it shows only the build step’s own processes',
  free: 'it shows the build host’s memory, not the container’s at run time',
  top: 'it is interactive and never returns',
  kill: 'processes of earlier steps are gone already',
  mount: 'mounts vanish when the step ends (and need privileges a build lacks); use RUN --mount',
  ifconfig: 'the build network is not the container’s network at run time',
};

export const containerCommands: Rule<'dockerfile'> = {
  id: 'dockerfile/container-commands',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'RUN should not use commands that make no sense in an image build (ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig).',
  },
  aliases: ['hadolint:DL3001'],
  check({ file, report }) {
    for (const { program, words, script } of invocations(file)) {
      const why = POINTLESS[program];
      if (!why) continue;
      // `RUN --mount=type=ssh ssh -T git@host` uses the forwarded agent on purpose.
      if (program === 'ssh' && script.mounts.some((mount) => mount.type === 'ssh')) continue;
      // Stopping a helper started earlier in the same RUN (`server & pid=$!; …; kill "$pid"`) is housekeeping.
      if (program === 'kill' && scriptText(file, script).includes('$!')) continue;
      report({ range: words[0].range, message: `${program} in RUN: ${why}.` });
    }
  },
};
