import type { Io } from '../io';
import * as lint from './lint';
import * as outline from './outline';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: Io): number | Promise<number>;
}

/** Every `storydeck` sub-command, by name. Add one module per command here. */
export const COMMANDS: Record<string, Command> = {
  lint,
  outline,
};
