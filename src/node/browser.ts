import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError, UserError } from './errors';

/** How to point StoryDeck at a browser; ends every "no browser" message. */
export const BROWSER_HELP =
  'Install Chromium, Google Chrome or Microsoft Edge, or point StoryDeck at one: the storydeck.export.browserPath setting in VS Code, the CHROME_PATH environment variable, or --browser PATH on the command line.';

export interface FindBrowserOptions {
  /** Defaults to process.env (CHROME_PATH, and the Windows folders the install paths start from). */
  env?: NodeJS.ProcessEnv;
  /** Where to look after CHROME_PATH; defaults to the usual install paths of this platform. */
  candidates?: readonly string[];
}

/**
 * The Chromium-family browser that prints PDFs: `explicit` (the storydeck.export.browserPath setting or
 * --browser), else CHROME_PATH, else the first usual install path that holds an executable. A path the
 * user named that does not work is an error, not a reason to pick another browser. Throws UserError.
 */
export function findBrowser(explicit?: string, { env = process.env, candidates = installPaths(process.platform, env) }: FindBrowserOptions = {}): string {
  if (explicit) return checked(explicit);
  if (env.CHROME_PATH) return checked(env.CHROME_PATH, ' (from CHROME_PATH)');
  const found = candidates.find((path) => executableProblem(path) === undefined);
  if (found) return found;
  throw new UserError(`No Chromium-family browser found to print the PDF. ${BROWSER_HELP}`);
}

function checked(path: string, from = ''): string {
  const problem = executableProblem(path);
  if (problem) throw new UserError(`The browser at ${path}${from} cannot be run: ${problem} ${BROWSER_HELP}`);
  return path;
}

/** Why `path` is not a file this process may execute, or undefined when it is one. */
function executableProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'it is not a file.';
    accessSync(path, constants.X_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code === 'EACCES' ? 'it is not executable.' : describeFsError(e);
  }
}

/** Where Chromium, Chrome and Edge are usually installed, most common first. */
export function installPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    const apps = [join('Google', 'Chrome', 'Application', 'chrome.exe'), join('Microsoft', 'Edge', 'Application', 'msedge.exe'), join('Chromium', 'Application', 'chrome.exe')];
    return apps.flatMap((app) => roots.map((root) => join(root, app)));
  }
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'].map((name) => `/usr/bin/${name}`).concat(['/snap/bin/chromium']);
}
