/**
 * Typed errors of the load generator, with stable codes like the engine's. A bad
 * flag is the user's to fix (exit 2); an unreachable engine or missing data set
 * stops the run with a message that says what to do.
 */

export const LOADGEN_ERROR_CODES = {
  E_BAD_FLAG: 'a command-line flag is missing, unknown or out of range',
  E_NO_DATA: 'the replay scenario found no session data',
  E_UNREACHABLE: 'the engine did not answer (wrong --url or --grpc-url, or not started)',
  E_UNAUTHENTICATED: "the engine's gRPC API refused the API key (--api-key, --engine-data)",
  E_NO_SHOPPERS: 'no virtual shopper could connect',
} as const;

export type LoadgenErrorCode = keyof typeof LOADGEN_ERROR_CODES;

export class LoadgenError extends Error {
  readonly code: LoadgenErrorCode;

  constructor(code: LoadgenErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LoadgenError';
    this.code = code;
  }
}

/** A flag the user got wrong; the message names the flag. */
export class FlagError extends LoadgenError {
  readonly flag: string;

  constructor(flag: string, message: string) {
    super('E_BAD_FLAG', `--${flag}: ${message}`);
    this.name = 'FlagError';
    this.flag = flag;
  }
}
