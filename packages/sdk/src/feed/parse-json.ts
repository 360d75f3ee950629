import { FeedFormatError } from '../errors/index.js';
import { SCHEMA_MAJOR_VERSION } from './manifest-url.js';

/** Parses a feed file, or says plainly what came instead of JSON. */
export function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const start = text.trimStart().slice(0, 1);
    const hint = start === '<' ? ' (it looks like HTML)' : text.length === 0 ? ' (it is empty)' : '';
    throw new FeedFormatError(`${url} is not valid JSON${hint}.`, url, [], { cause: error });
  }
}

/** Refuses a manifest of another major version before anything else is read. */
export function checkSchemaVersion(document: unknown, url: string): void {
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && !version.startsWith(`${SCHEMA_MAJOR_VERSION}.`)) {
    throw new FeedFormatError(`The feed follows schema version ${version}; this SDK reads version ${SCHEMA_MAJOR_VERSION}.x. Update @brusano/sdk.`, url);
  }
}
