// `news-lens` (started by launch.ts, which is dist/cli.js): annotate articles in batch, the story across a folder of them, or evaluate against a gold set.
import { version } from '../../package.json';

const USAGE = `news-lens ${version}: people, organisations, places, nationalities and dates in news articles.

usage:
  news-lens annotate [--format json|…] [--date YYYY-MM-DD] FILE...
  news-lens annotate --stdin < docs.jsonl   (one {"id", "text"} a line in, one result a line out)
  news-lens story [--format json|md] [--date YYYY-MM-DD] [--lexicon FILE] DIR...
  news-lens eval [--gold FILE.jsonl] [--quotes GOLD.json] [--set NAME] [--out SYSTEM.jsonl] [--json]
  news-lens --help | --version

Run "news-lens annotate --help" for the output formats, "news-lens story --help" for the story.
The language server is a separate command: news-lens-server --stdio`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Loaded on demand so --help and --version answer without loading the analysis.
    case 'annotate':
      return (await import('./annotate')).runAnnotate(rest);
    case 'story':
      return (await import('./story')).runStory(rest);
    case 'eval':
      return (await import('./eval')).runEval(rest);
    case '--version':
    case '-v':
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case undefined:
      process.stderr.write(`${USAGE}\n`);
      return 2;
    default:
      process.stderr.write(`news-lens: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  // `news-lens annotate … | head` closes stdout early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(
        `news-lens: unexpected error: ${error instanceof Error ? error.stack : String(error) /* not errorDetail: cli.ts loads no analysis before a command needs it */}\n`,
      );
      process.exitCode = 70;
    },
  );
}
