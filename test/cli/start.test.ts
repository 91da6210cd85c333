// `npm start` without VS Code on PATH prints the annotated sample article.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('npm start (scripts/start.mjs) without VS Code', function () {
  // Each test spawns Node processes; on a loaded 2-core CI machine that alone can take many seconds.
  this.timeout(180_000);
  it('prints the sample article with entities marked, then the actors and the dates', () => {
    assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build');
    // A PATH holding only node's own directory: no `code` command there.
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'start.mjs')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, PATH: path.dirname(process.execPath), NO_COLOR: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /`code` command is not on PATH/);
    assert.match(r.stdout, /rotterdam-dock-strike\.news · 2025-03-14 \(dateline\)/);
    assert.ok(r.stdout.includes('[date 2025-03-14]DATE'), 'the dateline is marked');
    assert.match(r.stdout, /\[[^\]]+\](PERSON|ORG|PLACE|NAT)/, 'entities are marked with their kind');
    assert.match(r.stdout, /\[last year\]DATE/);
    assert.match(r.stdout, /Actors \(most mentioned first\)\n\s+1\. /);
    assert.match(r.stdout, /Dates \(resolved against 2025-03-14\)[\s\S]*last year\s+→ 2024/);
    assert.match(r.stdout, /\nEvents \([^)]*\)\n {2}2025-/, 'the notable events, with their dates');
    assert.match(r.stdout, /\nQuotes \(with their speakers\)\n {2}Marieke Janssen: "/);
    assert.match(r.stdout, /\nLegend: \[…\]PERSON person/, 'a legend when the output is not a terminal');
  });
});
