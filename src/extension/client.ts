// Starts the News Lens language server (dist/server.js, a separate node process)
// and connects it with vscode-languageclient. The middleware applies the user's
// session choices (highlighting on/off, style, kinds, inlay hints) on the client,
// so they take effect at once without a server round trip.
import * as vscode from 'vscode';
import {
  InlayHintRequest,
  LanguageClient,
  LanguageClientOptions,
  SemanticTokensRegistrationType,
  SemanticTokensRequest,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import type { NewsLensInitializationOptions } from '../protocol';
import {
  REVEAL_IN_SIDEBAR_COMMAND,
  SEMANTIC_TOKEN_TYPES,
  SERVER_NODE_FLAGS,
  serverEnvironment,
  SETTINGS_SECTION,
  SHOW_ALL_MENTIONS_COMMAND,
  REVEAL_RANGE_COMMAND,
} from '../protocol';
import { DOCUMENT_LANGUAGES, DOCUMENT_SCHEMES } from './model/documents';
import { filterSemanticTokenData } from './model/semanticTokens';
import type { HighlightKind } from './model/protocolTypes';

export interface ClientHighlightState {
  semanticEnabled(): boolean;
  kinds(): ReadonlySet<HighlightKind>;
  inlayHintsEnabled(): boolean;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, state: ClientHighlightState): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The launch the npm bin's shebang gives too (src/protocol/serverLaunch.ts).
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019', ...SERVER_NODE_FLAGS], env } },
  };

  const documentSelector = DOCUMENT_LANGUAGES.flatMap((language) => DOCUMENT_SCHEMES.map((scheme) => ({ language, scheme })));

  const filterTokens = (tokens: vscode.SemanticTokens | null | undefined): vscode.SemanticTokens | null | undefined => {
    if (!tokens) return tokens;
    const kinds = state.kinds();
    if (SEMANTIC_TOKEN_TYPES.every((t) => kinds.has(t))) return tokens;
    // Filtered tokens carry no resultId, so VS Code asks for full tokens next time
    // instead of applying the server's deltas to data it never saw.
    return new vscode.SemanticTokens(filterSemanticTokenData(tokens.data, (i) => kinds.has(SEMANTIC_TOKEN_TYPES[i] as HighlightKind)));
  };
  const noTokens = () => new vscode.SemanticTokens(new Uint32Array(0));
  const mustFilter = () => !state.semanticEnabled() || !SEMANTIC_TOKEN_TYPES.every((t) => state.kinds().has(t));

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
    // A function, so a restarted server learns the trust granted since activation.
    initializationOptions: (): NewsLensInitializationOptions => ({ themeIcons: true, commandLinks: true, workspaceTrusted: vscode.workspace.isTrusted }),
    // Hover cards link to these two commands; no other command may run from server markdown.
    markdown: { isTrusted: { enabledCommands: [SHOW_ALL_MENTIONS_COMMAND, REVEAL_IN_SIDEBAR_COMMAND, REVEAL_RANGE_COMMAND] }, supportHtml: false },
    middleware: {
      provideDocumentSemanticTokens: async (document, token, next) => {
        if (!state.semanticEnabled()) return noTokens();
        return filterTokens(await next(document, token));
      },
      provideDocumentSemanticTokensEdits: async (document, previousResultId, token, next) => {
        if (!state.semanticEnabled()) return noTokens();
        if (!mustFilter()) return next(document, previousResultId, token);
        const result = await client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: document.uri.toString() } }, token);
        return filterTokens(await client.protocol2CodeConverter.asSemanticTokens(result, token));
      },
      provideDocumentRangeSemanticTokens: async (document, range, token, next) => {
        if (!state.semanticEnabled()) return noTokens();
        return filterTokens(await next(document, range, token));
      },
      // Hover cards start with the kind's codicon ("$(organization) …"); the client
      // library does not enable theme icons on server markdown, so do it here.
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        if (hover) for (const c of hover.contents) if (c instanceof vscode.MarkdownString) c.supportThemeIcons = true;
        return hover;
      },
      provideInlayHints: (document, range, token, next) => (state.inlayHintsEnabled() ? next(document, range, token) : []),
    },
  };

  const client = new LanguageClient('newsLens', 'News Lens', serverOptions, clientOptions);
  return client;
}

/** Asks VS Code to re-request semantic tokens and inlay hints for every open article. */
export function refreshEditorFeatures(client: LanguageClient): void {
  if (!client.isRunning()) return;
  const tokens = client.getFeature(SemanticTokensRegistrationType.method);
  const hints = client.getFeature(InlayHintRequest.method);
  const fired = new Set<unknown>();
  for (const editor of vscode.window.visibleTextEditors) {
    const t = tokens?.getProvider(editor.document);
    if (t && !fired.has(t)) {
      fired.add(t);
      t.onDidChangeSemanticTokensEmitter.fire();
    }
    const h = hints?.getProvider(editor.document);
    if (h && !fired.has(h)) {
      fired.add(h);
      h.onDidChangeInlayHints.fire();
    }
  }
}
