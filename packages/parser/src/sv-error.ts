const marker = Symbol.for("@sv/error");

/**
 * Root of every error the @sv packages throw. Subclasses carry a `code` from their package's
 * `as const` map. `SvError.isInstance` recognises errors from duplicated copies of a package
 * through a global symbol, where `instanceof` would not.
 */
export class SvError extends Error {
  readonly [marker] = true;
  readonly code: string;

  constructor(options: { code: string; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SvError";
    this.code = options.code;
  }

  static isInstance(error: unknown): error is SvError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
