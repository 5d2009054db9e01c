import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-body.js';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/**
 * OpenAPI for every route and DTO, from the Nest decorators: the UI at /api/docs (Swagger UI,
 * served from the swagger-ui-dist package, no CDN) and the document at /api/docs-json.
 * Every operation also lists the shared error shape as its `default` response.
 */
export function setupOpenApi(app: INestApplication, { version }: { version: string }): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Jornada API')
    .setDescription(
      'REST API of Jornada. Every 4xx/5xx answer has the body `{ error: { status, code, message, details?, meta?, requestId } }`. ' +
        'Each response carries an `x-request-id` header (sent by you, or generated).',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A session bearer token or a workspace API key.' })
    .build();
  const document = addDefaultErrorResponses(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] }));
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Jornada API',
  });
  return document;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Adds `default: ErrorResponse` to every operation that does not describe it already. */
export function addDefaultErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const reference = { $ref: '#/components/schemas/ErrorResponseDto' };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      operation.responses['default'] ??= {
        description: 'Error: the one error shape of the API.',
        content: { 'application/json': { schema: reference } },
      };
    }
  }
  return document;
}
