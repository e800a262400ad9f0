import type { Io } from '../io';
import * as exportCommand from './export';
import * as lint from './lint';
import * as mcp from './mcp';
import * as outline from './outline';
import * as newCommand from './new';
import * as templates from './templates';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: Io): number | Promise<number>;
}

/** Every `storydeck` sub-command, by name. Add one module per command here. */
export const COMMANDS: Record<string, Command> = {
  lint,
  outline,
  new: newCommand,
  templates,
  export: exportCommand,
  mcp,
};
