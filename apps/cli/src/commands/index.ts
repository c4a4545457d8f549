import type { CliCommand } from './command.js';

export const commands: Record<string, CliCommand> = {};
