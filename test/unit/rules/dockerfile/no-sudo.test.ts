import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/no-sudo', () => {
  checkCases(
    'dockerfile/no-sudo',
    '/repo/Dockerfile',
    [
      {
        name: 'sudo before a command',
        text: 'FROM debian:12\nRUN sudo apt-get update\n',
        want: [{ at: '2:5-2:9', token: 'sudo' }],
      },
      {
        name: 'sudo after &&, across a line continuation',
        text: 'FROM debian:12\nRUN echo hi && \\\n    sudo make install\n',
        want: [{ at: '3:5-3:9', token: 'sudo' }],
      },
      {
        name: 'sudo in a heredoc script',
        text: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo chown app /srv\nEOF\n',
        want: [{ at: '4:1-4:5', token: 'sudo' }],
      },
      { name: 'sudo as exec form', text: 'FROM debian:12\nRUN ["sudo", "ls"]\n', want: ['"sudo"'] },
      { name: 'installing the sudo package is fine', text: 'FROM debian:12\nRUN apt-get install -y sudo\n', want: [] },
      {
        name: 'sudo in a comment inside the RUN',
        text: 'FROM debian:12\nRUN echo a && \\\n# sudo is not used here\n    echo b\n',
        want: [],
      },
      { name: 'sudo in a string', text: 'FROM debian:12\nRUN echo "sudo rocks" > /etc/motd\n', want: [] },
      {
        name: 'pwsh SHELL is not sh',
        text: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-Command"]\nRUN sudo Write-Host hi\n',
        want: [],
      },
    ],
    test,
  );
});
