import type { ParseArgsConfig } from 'node:util';
import type { Io } from '../io';
import * as exportCommand from './export';
import * as lint from './lint';
import * as mcp from './mcp';
import * as outline from './outline';
import * as newCommand from './new';
import * as templates from './templates';

/** What `storydeck <command> --help` says about one option. */
export interface OptionHelp {
  /** The value the option takes, as the usage line names it (`FILE`, `N`, `text|json`). */
  value?: string;
  text: string;
  /** Names people type for this option (another command's name for the same thing), so an unknown option can point here. */
  tried?: string[];
}

export interface Command {
  summary: string;
  usage: string;
  /** The command's `parseArgs` options: its help lists them, and an unknown option is matched against them. */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** One entry per option in `options`. */
  optionHelp?: Record<string, OptionHelp>;
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
