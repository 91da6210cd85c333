// Checks that parseParagraph's faster compromise parse is exactly a plain `nlp(text)`, over
// whole corpora (the unit tests cover invented sentences only):
//   - every compromise rule sweep during `nlp(text)` (the post-tagger's and the chunker's) is
//     run again through our sweep (src/analysis/ruleSweep.ts): the same rules must match at
//     the same places, in the same order;
//   - every token parseParagraph gives has the text, normal form, pre/post punctuation,
//     offsets and tags of the term `nlp(text)` gives there.
//
//   node scripts/check-parse-identity.mjs FILE.jsonl [FILE.jsonl …] [--limit N]
//
// Each line of a FILE is a JSON object with a "text"; its paragraphs are checked as
// analyzeArticle cuts them (the dateline off the lead). --limit: at most N documents a file.
// Exits 1 on the first few differences (printed), 0 when everything is identical.
import { readFileSync } from 'node:fs';
import { loadProjectModules, optionReader } from './lib/projectModules.mjs';

const args = process.argv.slice(2);
const option = optionReader(args);
const limit = Number(option('--limit', Infinity));
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');
if (files.length === 0) {
  process.stderr.write('usage: node scripts/check-parse-identity.mjs FILE.jsonl [FILE.jsonl …] [--limit N]\n');
  process.exit(2);
}

const lib = await loadProjectModules(
  `export { default as nlp } from 'compromise';
   export { parseParagraph } from './src/analysis/parse';
   export { sweepRules } from './src/analysis/ruleSweep';
   export { planParagraphs, jobText } from './src/analysis/incremental';`,
  { name: 'parse-identity' },
);
const { nlp, parseParagraph, sweepRules, planParagraphs, jobText } = lib;
const world = nlp.world();
const one = world.methods.one;
const stockSweep = one.bulkMatch;

const counts = { documents: 0, paragraphs: 0, tokens: 0, sweeps: 0, matches: 0 };
const problems = [];
const report = (what, text, detail) => {
  problems.push({ what, text: text.slice(0, 120), detail });
  if (problems.length >= 5) finish();
};

// compromise's sweep, checked against ours on the same document at the same moment.
let current = '';
let inParseParagraph = false;
one.bulkMatch = function (document, net, methods, opts = {}) {
  if (inParseParagraph) report("parseParagraph ran compromise's own sweep, not ours", current, '');
  const stock = stockSweep.call(this, document, net, methods, opts);
  if (opts.matchOne === true) return stock;
  const ours = sweepRules(document, net, methods, world.model.one.tagSet);
  counts.sweeps++;
  if (ours === null) {
    report('sweep index refused the net', current, `${Object.keys(net.hooks).length} hook keys`);
    return stock;
  }
  counts.matches += stock.length;
  const show = (list) => list.map((m) => `${m.match} @${m.pointer.slice(0, 3).join(':')}`);
  const a = show(stock);
  const b = show(ours);
  const same = a.length === b.length && a.every((x, i) => x === b[i] && stock[i].pointer.join() === ours[i].pointer.join());
  if (!same) {
    const at = a.findIndex((x, i) => x !== b[i]);
    report('rule matches differ', current, { at, stock: a.slice(Math.max(0, at - 1), at + 3), ours: b.slice(Math.max(0, at - 1), at + 3) });
  }
  return stock;
};

function stockTokens(text) {
  const doc = nlp(text);
  doc.compute('offset');
  const tokens = [];
  for (const terms of doc.docs) {
    for (const term of terms) {
      const offset = term.offset;
      if (!offset || typeof offset.start !== 'number') continue;
      const start = offset.start;
      const end = Math.min(start + offset.length, text.length);
      if (end <= start) continue;
      tokens.push({
        text: text.slice(start, end),
        normal: String(term.normal ?? term.text ?? '').toLowerCase(),
        pre: String(term.pre ?? ''),
        post: String(term.post ?? ''),
        start,
        end,
        tags: [...term.tags].sort().join(','),
      });
    }
  }
  return tokens;
}

function checkParagraph(text) {
  current = text;
  const stock = stockTokens(text);
  inParseParagraph = true;
  const parsed = parseParagraph(text);
  inParseParagraph = false;
  const ours = parsed.tokens.map((t) => ({
    text: t.text,
    normal: t.normal,
    pre: t.pre,
    post: t.post,
    start: t.start,
    end: t.end,
    tags: [...t.tags].sort().join(','),
  }));
  counts.paragraphs++;
  counts.tokens += ours.length;
  if (ours.length !== stock.length) return report('token count differs', text, { stock: stock.length, ours: ours.length });
  for (let i = 0; i < ours.length; i++) {
    for (const field of Object.keys(stock[i])) {
      if (ours[i][field] !== stock[i][field])
        return report(`token ${i} ${field} differs`, text, { stock: stock[i][field], ours: ours[i][field], word: stock[i].text });
    }
  }
}

function finish() {
  one.bulkMatch = stockSweep;
  console.log(JSON.stringify(counts));
  if (problems.length) {
    for (const p of problems) console.log(JSON.stringify(p, null, 1));
    process.exit(1);
  }
  console.log('identical');
  process.exit(0);
}

// parseParagraph cuts paragraphs longer than this into pieces; a plain parse does not.
const MAX_PARSE_CHARS = 20_000;
for (const file of files) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  for (const line of lines.slice(0, limit)) {
    const { text } = JSON.parse(line);
    if (typeof text !== 'string') continue;
    counts.documents++;
    const plan = planParagraphs(text);
    for (const job of plan.jobs) {
      const body = jobText(plan, job);
      if (body !== '' && body.length <= MAX_PARSE_CHARS) checkParagraph(body);
    }
  }
}
finish();
