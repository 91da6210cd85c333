// `news-lens annotate` with the user's own layer: article.ann beside the file,
// the workspace lexicon, and the brat/CoNLL/JSONL formats. Spawns the BUILT CLI.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

// Invented; the emoji puts brat (code point) offsets one step away from UTF-16 ones.
const ARTICLE =
  ' date 2025-06-02 🌊 Flooding closed the port of Aveiro on Sunday. The Harbour Board said crews from Air Base 201 would help.\n\nMarta Lobo, a Portuguese engineer, said the Harbour Board had warned of it last year.\n';
const cp = (text: string, needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  return `${[...text.slice(0, i)].length} ${[...text.slice(0, i + needle.length)].length}`;
};

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = any;

describe('news-lens annotate: user annotations, lexicon, export formats', function () {
  let root: string;
  let desk: string;
  let article: string;

  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build'));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cli-ann-'));
    desk = path.join(root, 'desk');
    fs.mkdirSync(desk);
    article = path.join(desk, 'flood.txt');
    fs.writeFileSync(article, ARTICLE);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("applies article.ann beside the file, and says which entities are the user's", () => {
    const second = ARTICLE.indexOf('Harbour Board', ARTICLE.indexOf('Harbour Board') + 1);
    fs.writeFileSync(
      path.join(desk, 'flood.ann'),
      [
        `T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board`,
        `T2\tPerson ${cp(ARTICLE, 'Marta Lobo')}\tMarta Lobo`,
        `#1\tAnnotatorNotes T2\tcanonical: Marta Lobo Ferreira`,
        `T3\tRejected ${cp(ARTICLE, 'Portuguese')}\tPortuguese`,
        `T4\tDate ${cp(ARTICLE, 'Sunday')}\tSunday`,
        `#2\tAnnotatorNotes T4\t2025-06-01`,
      ].join('\n') + '\n',
    );
    const r = run(['annotate', 'desk/flood.txt'], root);
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.stdout);
    const byText = (t: string) => record.entities.filter((e: Json) => e.text === t);
    const board = byText('Harbour Board');
    assert.equal(board[0].source, 'user');
    assert.equal(board[0].type, 'organization');
    assert.ok(board.slice(1).every((e: Json) => (e.start === second ? e.source === 'auto' : true)));
    assert.ok(record.entities.every((e: Json) => e.source === 'user' || e.source === 'auto'));
    assert.equal(byText('Portuguese').length, 0, 'rejected');
    assert.equal(byText('Marta Lobo')[0].source, 'user');
    assert.ok(record.actors.some((a: Json) => a.name === 'Marta Lobo Ferreira' && a.type === 'person'));
    const sunday = record.dates.find((d: Json) => d.start === ARTICLE.indexOf('Sunday'));
    assert.equal(sunday.value, '2025-06-01');
  });

  it('warns about a malformed or stale .ann with its line number, and still annotates', () => {
    fs.writeFileSync(
      path.join(desk, 'flood.ann'),
      `T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board\nT2\tPerson 3 x\tbad\nT3\tPlace 0 5\tAveiro\n`,
    );
    const r = run(['annotate', 'desk/flood.txt'], root);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /flood\.ann:2: /);
    assert.match(r.stderr, /flood\.ann:3: .*"Aveiro" no longer matches/);
    const record: Json = JSON.parse(r.stdout);
    assert.equal(record.entities.find((e: Json) => e.text === 'Harbour Board').source, 'user');
  });

  it('finds news-lens.lexicon.tsv in a parent folder, or takes --lexicon FILE', () => {
    fs.writeFileSync(path.join(root, 'news-lens.lexicon.tsv'), '# desk corrections\nAir Base 201\tPlace\nAveiro\tRejected\n');
    let r = run(['annotate', 'desk/flood.txt'], root);
    assert.equal(r.code, 0, r.stderr);
    let record: Json = JSON.parse(r.stdout);
    const base = record.entities.find((e: Json) => e.text === 'Air Base 201');
    assert.equal(base?.type, 'place');
    assert.equal(base.source, 'user');
    assert.equal(base.evidence, 'lexicon');
    assert.ok(!record.entities.some((e: Json) => e.text === 'Aveiro'));

    const other = path.join(root, 'other.tsv');
    fs.writeFileSync(other, 'Aveiro\tOrganization\nbroken line\n');
    r = run(['annotate', '--lexicon', other, 'desk/flood.txt'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /other\.tsv:2: /);
    record = JSON.parse(r.stdout);
    assert.equal(record.entities.find((e: Json) => e.text === 'Aveiro')?.type, 'organization');
    assert.ok(!record.entities.some((e: Json) => e.text === 'Air Base 201' && e.evidence === 'lexicon'), 'the explicit lexicon replaces the found one');

    r = run(['annotate', '--lexicon', path.join(root, 'missing.tsv'), 'desk/flood.txt'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.tsv/);
  });

  it('--format brat writes code point offsets that brat reads back', () => {
    fs.writeFileSync(
      path.join(desk, 'flood.ann'),
      `T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board\nT2\tRejected ${cp(ARTICLE, 'Portuguese')}\tPortuguese\n`,
    );
    const r = run(['annotate', '--format', 'brat', 'desk/flood.txt'], root);
    assert.equal(r.code, 0, r.stderr);
    const chars = [...ARTICLE];
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.includes(`T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board`) ||
        lines.some((l) => l.endsWith(`\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board`)),
      r.stdout,
    );
    assert.ok(lines.some((l) => l.endsWith(`\tRejected ${cp(ARTICLE, 'Portuguese')}\tPortuguese`)));
    for (const line of lines.filter((l) => l.startsWith('T'))) {
      const [, head, text] = line.split('\t');
      const [, s, e] = head.split(' ');
      assert.equal(chars.slice(Number(s), Number(e)).join(''), text, line);
    }
  });

  it('--out-dir writes one file per article and never overwrites one', () => {
    const own = `T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board\n`;
    fs.writeFileSync(path.join(desk, 'flood.ann'), own);
    fs.writeFileSync(path.join(desk, 'storm.txt'), ARTICLE.replace('Flooding', 'A storm'));
    const out = path.join(root, 'brat-export');
    const r = run(['annotate', '--format', 'brat', '--out-dir', out, 'desk/flood.txt', 'desk/storm.txt'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(out).sort(), ['flood.ann', 'flood.txt', 'storm.ann', 'storm.txt']);
    assert.equal(fs.readFileSync(path.join(out, 'flood.txt'), 'utf8'), ARTICLE);
    assert.ok(fs.readFileSync(path.join(out, 'flood.ann'), 'utf8').includes(`\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board\n`));
    // into the article's own folder: the user's flood.ann must survive
    const again = run(['annotate', '--format', 'brat', '--out-dir', 'desk', 'desk/flood.txt'], root);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists; News Lens does not overwrite/);
    assert.equal(fs.readFileSync(path.join(desk, 'flood.ann'), 'utf8'), own);
  });

  it('--format conll and --format jsonl', () => {
    fs.writeFileSync(path.join(desk, 'flood.ann'), `T1\tOrganization ${cp(ARTICLE, 'Harbour Board')}\tHarbour Board\n`);
    const conll = run(['annotate', '--format', 'conll', 'desk/flood.txt', 'desk/flood.txt'], root);
    assert.equal(conll.code, 0, conll.stderr);
    assert.equal(conll.stdout.split('\n').filter((l) => l === '-DOCSTART- O').length, 2);
    assert.ok(conll.stdout.includes('Harbour B-ORG\nBoard I-ORG\n'));
    assert.ok(conll.stdout.split('\n').every((l) => l === '' || /^\S+ (O|[BI]-(PER|ORG|LOC|NAT|DATE))$/.test(l)));
    const jsonl = run(['annotate', '--format', 'jsonl', 'desk/flood.txt'], root);
    assert.equal(jsonl.code, 0, jsonl.stderr);
    const record: Json = JSON.parse(jsonl.stdout);
    assert.deepEqual(Object.keys(record), ['text', 'entities']);
    const chars = [...record.text];
    assert.ok(record.entities.some(([s, e, l]: [number, number, string]) => chars.slice(s, e).join('') === 'Harbour Board' && l === 'ORG'));
  });
});
