// The Node host layer: what the server and the CLI share that touches the file system.
// It may import src/analysis (its index) and Node, never the server, the CLI or the extension.
export * from './articleFiles';
export * from './files';
export * from './inputChecks';
export * from './walkArticles';
