import type { ErrorCode } from '../../shared/ipc/result';

/** An expected failure of a service call, carried to the caller as an error value. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
