import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BabelwireError, httpStatus, type ErrorCode } from '../errors.ts';

/**
 * The one error handler: every failure answers `{"error": {"code", "message"}}` with the status
 * the error catalogue gives (src/errors.ts), never a stack trace. Unexpected errors are logged
 * with their stack and answered as E_INTERNAL with a request id to look them up by.
 */

export function errorBody(code: ErrorCode | string, message: string) {
  return { error: { code, message } };
}

/** Fastify's own errors (body parsing, validation, limits) as catalogue codes. */
function fromFastify(e: FastifyError): BabelwireError | null {
  if (e.validation) {
    const where = e.validationContext ?? 'request';
    return new BabelwireError('E_VALIDATION', `${where}${e.message.replace(/^\w+\s?/, ' ')}`);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new BabelwireError('E_BODY_TOO_LARGE', 'configured');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new BabelwireError('E_MEDIA_TYPE', 'of the body');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new BabelwireError('E_JSON', 'the body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new BabelwireError('E_JSON', e.message);
    default:
      break;
  }
  if (e instanceof SyntaxError || e.name === 'SyntaxError') {
    return new BabelwireError('E_JSON', e.message);
  }
  if (e.statusCode === 429) return new BabelwireError('E_RATE_LIMIT', e.message);
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new BabelwireError('E_USAGE', e.message);
  }
  return null;
}

export function handleError(
  e: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const known = e instanceof BabelwireError ? e : fromFastify(e);
  if (known) {
    const status = known.code === 'E_BODY_TOO_LARGE' ? 413 : httpStatus(known.code);
    if (status >= 500) request.log.warn({ err: e }, known.message);
    return reply.status(status).send(errorBody(known.code, known.message));
  }
  request.log.error({ err: e }, 'unexpected error');
  return reply
    .status(500)
    .send(errorBody('E_INTERNAL', new BabelwireError('E_INTERNAL', request.id).message));
}
