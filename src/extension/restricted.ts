import type * as vscode from 'vscode';

/**
 * A setting that package.json lists in `restrictedConfigurations`, read for the workspace's trust: all
 * of it in a trusted workspace; in an untrusted one only the user's own value or the default, never the
 * workspace's or a folder's. VS Code itself hides restricted workspace values in Restricted Mode; reading
 * through `inspect()` keeps that true in a host that does not.
 */
export function restrictedSetting<T>(configuration: Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>, key: string, trusted: boolean): T | undefined {
  if (trusted) return configuration.get<T>(key);
  const inspected = configuration.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}
