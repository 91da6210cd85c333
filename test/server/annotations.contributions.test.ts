// package.json and the annotation commands agree: every editor command is
// contributed with a title and a palette condition, shortcuts are unique, and
// no server command id is contributed (the language client registers those
// itself; a second registration would fail at activation).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANNOTATION_COMMAND_IDS, ANNOTATION_EDITOR_COMMANDS, RENAME_ACTOR_PROMPT_COMMAND } from '../../src/protocol/annotations';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('annotations: VS Code contributions', () => {
  const contributed = new Map<string, { title: string }>(pkg.contributes.commands.map((c: { command: string; title: string }) => [c.command, c]));

  it('contributes every annotation command with a title, in the palette only for articles', () => {
    for (const id of Object.values(ANNOTATION_EDITOR_COMMANDS)) {
      assert.ok(contributed.get(id)?.title, `${id} is contributed`);
      assert.ok(
        pkg.contributes.menus.commandPalette.some((m: { command: string; when: string }) => m.command === id && /newsLens\.isArticle/.test(m.when)),
        `${id} palette entry`,
      );
    }
  });

  it('binds the common actions to unique shortcuts', () => {
    const keys = pkg.contributes.keybindings.map((k: { key: string; when?: string }) => `${k.key}|${k.when ?? ''}`);
    assert.equal(new Set(keys).size, keys.length, 'no shortcut is bound twice');
    for (const id of [
      ANNOTATION_EDITOR_COMMANDS.markAsPerson,
      ANNOTATION_EDITOR_COMMANDS.markAsOrganization,
      ANNOTATION_EDITOR_COMMANDS.markAsPlace,
      ANNOTATION_EDITOR_COMMANDS.markAsNationality,
      ANNOTATION_EDITOR_COMMANDS.markAsDate,
      ANNOTATION_EDITOR_COMMANDS.rejectEntity,
    ]) {
      assert.ok(
        pkg.contributes.keybindings.some((k: { command: string }) => k.command === id),
        `${id} has a shortcut`,
      );
    }
  });

  it('leaves the server command ids to the language client', () => {
    for (const id of ANNOTATION_COMMAND_IDS) assert.ok(!contributed.has(id), id);
    assert.ok(!ANNOTATION_COMMAND_IDS.includes(RENAME_ACTOR_PROMPT_COMMAND));
    assert.ok(!Object.values(ANNOTATION_EDITOR_COMMANDS).some((id) => ANNOTATION_COMMAND_IDS.includes(id)));
  });
});
