import { RestError } from '@azure/data-tables';
import {
  AlreadyExistsError,
  ConcurrentUpdateError,
  StorageUnavailableError,
} from '../services/storage-errors';

/** A 404 is the only "not found": every other failure is an error, never an empty answer. */
export function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

/** Turns Azure's status codes into the errors services understand. */
export function translateStorageError(error: unknown, what: string): Error {
  if (error instanceof RestError) {
    if (error.statusCode === 412) {
      return new ConcurrentUpdateError(what);
    }
    if (error.statusCode === 409) {
      return new AlreadyExistsError(what);
    }
    return new StorageUnavailableError(`Table storage failed on ${what}: ${error.statusCode ?? error.code}`, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new StorageUnavailableError(String(error));
}
