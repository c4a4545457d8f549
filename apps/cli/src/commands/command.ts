export interface CliCommand {
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  /** One line for the usage text: arguments and what the command does. */
  summary: string;
  load(): Promise<CliCommand>;
}
