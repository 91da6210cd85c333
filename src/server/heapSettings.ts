// Imported first by server.ts, before the analysis modules allocate anything.
// V8's "optimize for size" mode grows the heap less and compacts it more: after a
// 1 MB article the server holds about 130 MB instead of about 225 MB (npm run
// bench, server_rss_mb), for roughly 7% more CPU in the analysis. An editor keeps
// the server for hours beside everything else, so memory wins here. Set at run
// time so every client gets it, whatever flags it starts Node with.
import * as v8 from 'node:v8';

v8.setFlagsFromString('--optimize-for-size');
