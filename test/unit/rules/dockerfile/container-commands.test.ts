import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/container-commands', () => {
  checkCases(
    'dockerfile/container-commands',
    '/repo/Dockerfile',
    [
      { name: 'service start', text: run('service nginx start'), want: [{ at: '2:5-2:12', token: 'service' }] },
      {
        name: 'each listed command',
        text: run('ps aux; free -m; top -b -n1; mount -a; ifconfig; shutdown -h now; vim x'),
        want: ['ps', 'free', 'top', 'mount', 'ifconfig', 'shutdown', 'vim'],
      },
      { name: 'behind sudo', text: run('sudo service ssh restart'), want: ['service'] },
      { name: 'installing them is fine', text: run('apt-get install -y vim procps openssh-client'), want: [] },
      {
        name: 'ssh-keyscan is another program',
        text: run('mkdir -p ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts'),
        want: [],
      },
      {
        name: 'ssh with a forwarded agent',
        text: 'FROM debian:12\nRUN --mount=type=ssh ssh -T git@github.com || true\n',
        want: [],
      },
      { name: 'ssh without one', text: run('ssh -T git@github.com'), want: ['ssh'] },
      {
        name: 'kill of a helper started in the same RUN',
        text: run('server & pid=$!; sleep 2; kill "$pid"'),
        want: [],
      },
      { name: 'gpgconf --kill is not kill', text: run('gpgconf --kill all'), want: [] },
      { name: 'outside RUN', text: 'FROM debian:12\nCMD ["service", "nginx", "start"]\n', want: [] },
    ],
    test,
  );
});
