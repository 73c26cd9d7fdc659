import type { Env } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import data from './data/insecure-downloads.json';
import { dockerfileModel } from './model/stages';
import { invocations } from './model/invocations';
import type { ShellWord } from './model/shell-words';

interface CommandSwitch {
  command: string;
  options?: string[];
  config?: [string, string];
  what: string;
  localPackages?: { suffix: string; valueOptions: string[]; remoteOptions: string[] };
}
const COMMANDS = data.commands as CommandSwitch[];

export const insecureDownload: Rule<'dockerfile'> = {
  id: 'dockerfile/insecure-download',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Downloads and package installs must not switch off TLS or signature verification.' },
  aliases: [...new Set([...data.commands, ...data.env].map((entry) => `checkov:${entry.check}` as const))],
  check({ file, report }) {
    for (const { program, args } of invocations(file)) {
      for (const entry of COMMANDS.filter((c) => c.command === program)) {
        if (entry.localPackages && onlyLocalPackages(args, entry.localPackages)) continue;
        for (let i = 0; i < args.length; i++) {
          const value = args[i].value ?? '';
          const option = entry.options?.find(
            (o) =>
              value === o ||
              value.startsWith(`${o}=`) ||
              (o.length === 2 && /^-[a-zA-Z]+$/.test(value) && value.includes(o[1]) && program === 'curl'),
          );
          const config =
            entry.config &&
            configSetsInsecure(
              args.map((a) => a.value ?? ''),
              i,
              entry.config,
            );
          if (!option && !config) continue;
          report({
            range: args[i].range,
            message: `${entry.what}: anyone on the network path can swap what is installed. Fix the certificate or key trust instead (install the CA, import the key).`,
          });
        }
      }
    }
    const model = dockerfileModel(file);
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ENV' && instruction.getKeyword() !== 'ARG') continue;
        for (const property of (instruction as Env).getProperties()) {
          const entry = data.env.find((e) => e.name === property.getName().toUpperCase());
          const value = property
            .getValue()
            ?.replace(/^["']|["']$/g, '')
            .toLowerCase();
          if (
            !entry ||
            value === undefined ||
            value === '' ||
            !(entry.insecure.includes(value) || entry.insecure.includes('*'))
          )
            continue;
          report({
            range: property.getRange(),
            message: `${property.getName()}=${property.getValue()} switches off certificate verification for every later download: remove it and trust the right CA instead.`,
          });
        }
      }
    }
  },
};

/** `npm config set strict-ssl false`, `git -c http.sslVerify=false`, `git config --global http.sslVerify false`. */
function configSetsInsecure(values: string[], i: number, [key, insecure]: [string, string]): boolean {
  const value = values[i];
  if (
    value.toLowerCase() === `${key}=${insecure}`.toLowerCase() ||
    value.toLowerCase() === `--${key}=${insecure}`.toLowerCase()
  )
    return true;
  return value.toLowerCase() === key.toLowerCase() && values[i + 1]?.toLowerCase() === insecure;
}

/**
 * `apk add --allow-untrusted /tmp/pkgs/*.apk`: every package is a file already in the image (built
 * there or copied in) and no repository is named, so nothing comes over the network to be swapped.
 */
function onlyLocalPackages(
  args: readonly ShellWord[],
  local: { suffix: string; valueOptions: string[]; remoteOptions: string[] },
): boolean {
  const packages: string[] = [];
  let subcommandSeen = false;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === undefined) {
      if (!subcommandSeen) return false;
      // `"$dir/$name.apk"`: a file, whatever the variables hold.
      packages.push(args[i].text.replace(/["']/g, ''));
      continue;
    }
    const name = value.split('=')[0];
    if (local.remoteOptions.includes(name)) return false;
    if (value.startsWith('-')) {
      if (local.valueOptions.includes(value)) i++;
      continue;
    }
    if (!subcommandSeen) subcommandSeen = true;
    else packages.push(value);
  }
  return (
    packages.length > 0 &&
    packages.every((name) => name.endsWith(local.suffix) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(name))
  );
}
