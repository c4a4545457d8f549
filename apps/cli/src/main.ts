#!/usr/bin/env node
/**
 * `npm run cli -- <command>`: the command-line contract of DESIGN.md.
 * Each command lives in its own file under ./commands and receives the arguments after its name.
 */
import { errorMessage } from '@parallax/domain';
import { commands } from './commands/index.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands)
      .map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`)
      .join('\n');
    process.stderr.write(`${name ? `unknown command: ${name}\n\n` : ''}usage: npm run cli -- <command> [args]\n\n${list}\n`);
    return name ? 2 : 0;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  },
);
