// Which documents the client sends to the server; the server decides which are articles.
import { ARTICLE_LANGUAGE_ID } from '../../protocol';

export const DOCUMENT_LANGUAGES: readonly string[] = [ARTICLE_LANGUAGE_ID, 'plaintext', 'markdown'];
/** Real documents only: not output panels, git views or diff snapshots. */
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs'];

export function isCandidate(languageId: string, scheme: string): boolean {
  return DOCUMENT_LANGUAGES.includes(languageId) && DOCUMENT_SCHEMES.includes(scheme);
}
