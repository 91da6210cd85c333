// Shared client/server protocol. Import from 'src/protocol' only.
export * from './protocol';
export * from './presentation';
export * from './settings';
export * from './story';
export * from './serverLaunch';
// The one error-wording helper, for the extension too (which may not import src/analysis).
export { errorDetail, errorMessage } from '../analysis/errors';
