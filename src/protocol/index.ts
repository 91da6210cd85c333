// Shared client/server protocol. Import from 'src/protocol' only.
export * from './protocol';
export * from './inputChecks';
export * from './presentation';
