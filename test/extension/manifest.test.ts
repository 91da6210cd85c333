// package.json is the extension's contract with VS Code: these checks keep it in
// step with the protocol and with the code that reads it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HIGHLIGHT_KINDS, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, SHOW_ALL_MENTIONS_COMMAND, REVEAL_IN_SIDEBAR_COMMAND } from '../../src/protocol';
import { DOCUMENT_LANGUAGES } from '../../src/extension/model/documents';
import { HIGHLIGHT_STYLES } from '../../src/extension/model/settings';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;
const extensionSource = fs
  .readdirSync(path.join(root, 'src', 'extension'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(root, 'src', 'extension', f), 'utf8'))
  .join('\n');

describe('extension manifest (package.json)', () => {
  it('contributes every semantic token type and modifier of the protocol legend, each mapped to TextMate scopes', () => {
    assert.deepEqual(
      c.semanticTokenTypes.map((t: { id: string }) => t.id),
      [...SEMANTIC_TOKEN_TYPES],
    );
    assert.deepEqual(
      c.semanticTokenModifiers.map((t: { id: string }) => t.id),
      [...SEMANTIC_TOKEN_MODIFIERS],
    );
    const scopes = c.semanticTokenScopes[0].scopes;
    for (const t of SEMANTIC_TOKEN_TYPES) assert.ok(Array.isArray(scopes[t]) && scopes[t].length > 0, t);
    // One first-choice scope per kind, so no two kinds fall back to the same colour by design.
    const first = SEMANTIC_TOKEN_TYPES.map((t) => scopes[t][0]);
    assert.equal(new Set(first).size, first.length);
  });

  it('contributes a background and a border colour per kind for the marker style', () => {
    const ids = new Set(c.colors.map((x: { id: string }) => x.id));
    for (const k of HIGHLIGHT_KINDS) {
      assert.ok(ids.has(`newsLens.${k}Background`), k);
      assert.ok(ids.has(`newsLens.${k}Border`), k);
    }
  });

  it('declares the settings the code reads, with the protocol kinds and styles as enums', () => {
    const props = c.configuration.properties;
    for (const key of [
      'highlightStyle',
      'kinds',
      'articleDate',
      'articleGlobs',
      'inlayHints.enabled',
      'sidebar.followCursor',
      'statusBar.enabled',
      'trace.server',
    ]) {
      assert.ok(props[`newsLens.${key}`], key);
    }
    assert.deepEqual(props['newsLens.kinds'].items.enum, [...HIGHLIGHT_KINDS]);
    assert.deepEqual(props['newsLens.kinds'].default, [...HIGHLIGHT_KINDS]);
    assert.deepEqual(props['newsLens.highlightStyle'].enum, [...HIGHLIGHT_STYLES]);
  });

  it('activates on every language it sends to the server', () => {
    for (const lang of DOCUMENT_LANGUAGES) assert.ok(pkg.activationEvents.includes(`onLanguage:${lang}`), lang);
    assert.deepEqual(c.languages[0].extensions, ['.news', '.article']);
  });

  it('puts every News Lens command under the "News Lens" category and registers it in the code', () => {
    const own = c.commands.filter((x: { command: string }) => x.command.startsWith('newsLens.'));
    const fromAnnotations = /newsLens\.(markAs|rejectEntity|renameActor|mergeActor|exportAnnotations|importAnnotations)/;
    for (const cmd of own) {
      assert.equal(cmd.category, 'News Lens', cmd.command);
      if (fromAnnotations.test(cmd.command)) continue; // registered by src/extension/annotations
      assert.ok(
        extensionSource.includes(`'${cmd.command}'`) || [SHOW_ALL_MENTIONS_COMMAND, REVEAL_IN_SIDEBAR_COMMAND].includes(cmd.command),
        `${cmd.command} is contributed but never registered`,
      );
    }
  });

  it('refers in menus, keybindings and welcome views only to contributed or built-in commands', () => {
    const contributed = new Set(c.commands.map((x: { command: string }) => x.command));
    const builtIn = /^(workbench\.|editor\.)/;
    const used: string[] = [
      ...Object.values(c.menus).flatMap((items) => (items as { command: string }[]).map((i) => i.command)),
      ...c.keybindings.map((k: { command: string }) => k.command),
      ...c.viewsWelcome.flatMap((w: { contents: string }) => [...w.contents.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1])),
    ];
    for (const id of used) assert.ok(contributed.has(id) || builtIn.test(id), id);
  });

  it('ships every file the manifest points at, and no sources or tests (.vscodeignore)', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    const referenced = [
      pkg.main,
      pkg.icon,
      c.languages[0].configuration,
      c.languages[0].icon.light,
      c.languages[0].icon.dark,
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      'dist/server.js',
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const file of referenced) {
      assert.ok(fs.existsSync(path.join(root, file)) || file.startsWith('dist/'), `${file} exists`);
      const dir = file.split('/')[0];
      assert.ok(ignore.includes(`!${file}`) || ignore.includes(`!${dir}/**`), `${file} is shipped`);
    }
    assert.ok(/^\*\*$/m.test(ignore), 'everything else is excluded');
  });
});
