// What sits under the cursor, as the server's analysis queries see it (the
// newsLens/entityAt request): the client keeps no copy of that logic.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityAtRequest, type EntityAtResult } from '../protocol';
import { toLspPosition } from './reveal';

/** The entity or date at `position` in `uri`; null when there is none or the server cannot answer. */
export async function itemAt(client: LanguageClient, uri: string, position: vscode.Position): Promise<EntityAtResult | null> {
  try {
    return (await client.sendRequest(EntityAtRequest, { uri, position: toLspPosition(position) })) ?? null;
  } catch {
    return null; // not started yet, restarting, or the document closed meanwhile
  }
}
