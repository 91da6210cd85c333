// The user's annotations: brat storage, lexicon, edits, exports. Pure; used by the server, the CLI and the extension.
export * from './applyUserAnnotations';
export * from './brat';
export * from './exportFormats';
export * from './lexicon';
export * from './offsets';
export * from './readAnnotations';
export * from './shiftSpans';
