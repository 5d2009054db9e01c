import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../../http/api-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a UUID (any version), so it can be compared with a uuid column. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * For `@Param('memberId', UuidParamPipe)`: a malformed id is a 400 naming the parameter (and
 * never reaches PostgreSQL, which would refuse to compare it with a uuid column). A well-formed
 * id of another workspace is the repository's 404.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new ApiError({
      status: 400,
      code: 'validation_failed',
      message: `Invalid request: ${field} must be a UUID.`,
      details: [{ field, message: `${field} must be a UUID` }],
    });
  }
}
