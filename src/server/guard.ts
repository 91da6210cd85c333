// The one way a request handler meets errors and cancellation: no exception
// reaches the connection (it is logged and the request gets its fallback), and
// a cancelled request answers RequestCancelled.
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { errorDetail } from '../analysis';

export type Guarded<P, R> = (params: P, token: CancellationToken) => R | ResponseError<void> | Promise<R | ResponseError<void>>;

/**
 * Makes `guard(name, fallback, handler)` for one logger. `fallback` is the answer when the
 * handler throws; a function there is given the error (to put its message in the answer).
 */
export function createGuard(log: (message: string) => void) {
  return function guard<P, R>(
    name: string,
    fallback: R | ((error: unknown) => R),
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): Guarded<P, R> {
    return (params: P, token: CancellationToken) => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      const failed = (error: unknown): R => {
        log(`News Lens: ${name} failed: ${errorDetail(error)}`);
        return typeof fallback === 'function' ? (fallback as (error: unknown) => R)(error) : fallback;
      };
      const settle = (result: R) => (token?.isCancellationRequested ? new ResponseError<void>(LSPErrorCodes.RequestCancelled, `${name} cancelled`) : result);
      try {
        const result = handler(params, token);
        // Long articles are analysed in the background (scheduler.ts): such handlers answer when it is done, or cancelled.
        return result instanceof Promise ? result.then(settle, failed) : settle(result);
      } catch (error) {
        return failed(error);
      }
    };
  };
}
