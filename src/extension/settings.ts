// Reads `newsLens.*` into the normalised ExtensionSettings and writes user choices
// back where the user keeps them (workspace when set there, else user settings).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../protocol';
import { ExtensionSettings, normaliseSettings } from './model/settings';

export function readSettings(): ExtensionSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return normaliseSettings({
    highlightStyle: c.get('highlightStyle'),
    kinds: c.get('kinds'),
    inlayHints: c.get('inlayHints.enabled'),
    followCursor: c.get('sidebar.followCursor'),
    statusBar: c.get('statusBar.enabled'),
  });
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = c.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}
