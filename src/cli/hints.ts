import { BabelwireError } from '../errors.ts';

/**
 * Rethrows an E_NOT_FOUND with the command that lists the ids it could have been (`see
 * "babelwire events"`). The views throw the bare error, since only the CLI knows its commands.
 *
 * @example
 * await eventView(store, id).catch(seeAlso('babelwire events'));
 */
export function seeAlso(command: string): (e: unknown) => never {
  return (e) => {
    if (e instanceof BabelwireError && e.code === 'E_NOT_FOUND') {
      e.message += ` (see "${command}")`;
    }
    throw e;
  };
}
