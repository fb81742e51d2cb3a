// PHP's error model: warnings and deprecations through one replaceable handler, and PHP 8's exception
// classes with PHP's names so that callers can tell them apart as PHP code does.

export const E_WARNING = 2;
export const E_NOTICE = 8;
export const E_DEPRECATED = 8192;

/** Returns true (or nothing but a truthy value) when it handled the message, like PHP's handlers. */
export type ErrorHandler = (errno: number, errstr: string) => unknown;

const LABEL: Record<number, string> = { [E_WARNING]: "Warning", [E_NOTICE]: "Notice", [E_DEPRECATED]: "Deprecated" };

// PHP's CLI prints what no handler took; the default here writes it to stderr.
function printToStderr(errno: number, errstr: string): boolean {
  process.stderr.write(`${LABEL[errno] ?? "Warning"}: ${errstr}\n`);
  return true;
}

const handlers: Array<ErrorHandler | null> = [];

/** Like PHP's set_error_handler: returns the previous handler (null when the default was in force). */
export function set_error_handler(handler: ErrorHandler | null): ErrorHandler | null {
  const prev = handlers.length ? handlers[handlers.length - 1]! : null;
  handlers.push(handler);
  return prev;
}

/** Like PHP's restore_error_handler: goes back to the handler before the last set_error_handler. */
export function restore_error_handler(): true {
  handlers.pop();
  return true;
}

/** Emits a PHP diagnostic; `fn` is the PHP function name that PHP puts in front of the text. */
export function emit(errno: number, text: string): void {
  const h = handlers.length ? handlers[handlers.length - 1] : null;
  if (h) {
    // As in PHP, a handler that returns false lets the default printing go on.
    if (h(errno, text) !== false) return;
  }
  printToStderr(errno, text);
}

export const warn = (fn: string, text: string): void => emit(E_WARNING, `${fn}(): ${text}`);
export const deprecated = (text: string): void => emit(E_DEPRECATED, text);

/** PHP 8's ValueError (an argument of the right type but a wrong value). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** PHP 8's ArgumentCountError, which PHP derives from TypeError. */
export class ArgumentCountError extends TypeError {
  override name = "ArgumentCountError";
}

/** PHP's `Error`, for misuse such as a closed socket; exported as PhpError so it does not hide JS's Error. */
export class PhpError extends Error {
  override name = "Error";
}
