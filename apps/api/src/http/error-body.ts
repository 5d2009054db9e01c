import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorDetail } from './api-error.js';

/** The default `code` for a status, when the thrower did not choose one. */
export const DEFAULT_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function defaultErrorCode(status: number): string {
  return DEFAULT_ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'name', description: 'Dotted path of the offending field; `(body)` for the body as a whole.' })
  field!: string;

  @ApiProperty({ example: 'name must be shorter than or equal to 200 characters' })
  message!: string;
}

export class ErrorDto {
  @ApiProperty({ example: 400, description: 'The HTTP status, repeated.' })
  status!: number;

  @ApiProperty({
    example: 'validation_failed',
    description:
      'Stable machine-readable code: validation_failed, invalid_json, payload_too_large, not_found, unauthorized, forbidden, conflict, internal_error, …',
  })
  code!: string;

  @ApiProperty({ example: 'The request has 1 invalid field.' })
  message!: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Extra data for some codes.' })
  meta?: Record<string, unknown>;

  @ApiProperty({ example: '3f1c1d4e-5a0b-4a55-9d7e-2a1f6d0c9b8e', description: 'Also in the x-request-id response header; quote it when reporting a problem.' })
  requestId!: string;
}

/** Every 4xx and 5xx answer of the API has this body. */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDto })
  error!: ErrorDto;
}

export interface ErrorBody {
  readonly error: {
    readonly status: number;
    readonly code: string;
    readonly message: string;
    readonly details?: readonly ErrorDetail[];
    readonly meta?: Readonly<Record<string, unknown>>;
    readonly requestId: string;
  };
}
