// `--format pretty` (what `npm start` shows in a terminal): besides the text,
// actors and dates, the notable events and the quotes with their speakers, and
// a legend for the markers when the output is not a terminal.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SAMPLE = 'samples/rotterdam-dock-strike.news';

type Json = any;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'annotate', ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('news-lens annotate --format pretty: events, quotes, legend', function () {
  this.timeout(180_000);
  const record: Json = JSON.parse(run([SAMPLE]));
  const pretty = run(['--format', 'pretty', SAMPLE]);
  const section = (title: string) => {
    const start = pretty.indexOf(`\n${title} (`);
    assert.ok(start >= 0, `a ${title} section`);
    const end = pretty.indexOf('\n\n', start + 1);
    return pretty.slice(start + 1, end < 0 ? undefined : end);
  };

  it('lists the notable events in time order, each with its date, who or where, and its clause with the event word marked', () => {
    const names = new Map(record.actors.map((a: Json) => [a.id, a.name]));
    const events = section('Events').split('\n').slice(1);
    const notable = record.events.filter((e: Json) => e.notable);
    assert.ok(events.length >= 2 && events.length === 2 * Math.min(notable.length, 12), section('Events'));
    const shownDates: string[] = [];
    for (let i = 0; i < events.length; i += 2) {
      const [, shown, word, who] = /^ {2}(\S+)\s+(\S+)(?: · (.+))?$/.exec(events[i]) ?? [];
      assert.ok(shown && word, events[i]);
      // A date the text gives, or "≤" the article date for an event only reported by then.
      const date = shown.replace(/^≤/, '');
      const event = notable.find((e: Json) => (shown.startsWith('≤') ? e.date === null && e.articleDate === date : e.date === date) && e.text === word);
      assert.ok(event, `${events[i]} is a notable event of the JSON output`);
      const expectedWho = [...event.actors, ...(event.place && !event.actors.includes(event.place) ? [event.place] : [])].map((id: string) => names.get(id));
      assert.equal(who, expectedWho.join(', '));
      assert.equal(events[i + 1].trim(), event.summary.replace(new RegExp(`\\b${word}\\b`), `[${word}]`), 'the clause, its event word marked');
      shownDates.push(date);
    }
    assert.deepEqual(shownDates, [...shownDates].sort(), 'in time order');
  });

  it('lists the quotes with their speakers', () => {
    const quotes = section('Quotes').split('\n').slice(1);
    assert.equal(quotes.length, record.quotes.length);
    const janssen = record.quotes.find((q: Json) => q.speaker === 'person:marieke-janssen');
    assert.ok(janssen, 'the sample has a quote by Marieke Janssen');
    assert.ok(
      quotes.some((l) => l.startsWith('  Marieke Janssen: "We are not asking for the moon')),
      quotes.join('\n'),
    );
  });

  it('ends with a legend of the markers when not a terminal, and of the colours with --color', () => {
    const last = pretty.trimEnd().split('\n').pop()!;
    assert.match(last, /^Legend: \[…\]PERSON person · \[…\]ORG organisation · \[…\]PLACE place · \[…\]NAT nationality · \[…\]DATE date or time/);
    assert.match(last, /event word/);
    const colored = run(['--format', 'pretty', '--color', SAMPLE]).trimEnd().split('\n').pop()!;
    assert.match(colored, /Legend:.*\x1b\[30;48;5;183m person \x1b\[0m/);
  });
});
