/** A file, folder or URL an import could not read, named in the message. */
export class ImportInputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ImportInputError';
  }
}
