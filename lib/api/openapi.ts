/**
 * The OpenAPI 3.1 document of the public API, served at /api/v1/openapi.json. The measurement's
 * schema comes from the zod schema the form, the CSV import and the API validate with, so the
 * document cannot drift from what the server accepts; descriptions are added here.
 */
import { z } from 'zod';
import { measurementInput, metricFields } from '@/lib/validation/measurements';

type JsonSchema = Record<string, unknown>;

const descriptions: Record<string, string> = {
  streamId:
    'The value stream, by id (shown on the stream’s page and in its URL). It must belong to the token’s organization.',
  stepName: 'One step of the stream, by name; empty (the default) for the whole stream.',
  periodStart: 'First day of the period measured (YYYY-MM-DD); from 2000 to a week ahead.',
  periodEnd: 'Last day of the period (YYYY-MM-DD), on or after periodStart. A week is usual.',
  leadTimeSeconds: 'Lead time (elapsed, request to delivery), in seconds.',
  processTimeSeconds: 'Process time (touch time), in seconds; at most the lead time.',
  waitTimeSeconds: 'Wait time, in seconds.',
  throughput: 'Items done in the period.',
  wip: 'Items in progress (work in process).',
  pctCompleteAccurate: 'Percent complete and accurate (%C&A), 0–100.',
  defects: 'Defects found in the period (a whole number).',
  cost: 'Cost of the period, in the organization’s currency.',
  customerSatisfaction: 'Customer satisfaction, 0–100.',
  wasteDefectsHours: 'Hours lost to defects.',
  wasteOverproductionHours: 'Hours lost to overproduction.',
  wasteWaitingHours: 'Hours lost to waiting.',
  wasteNonUtilizedTalentHours: 'Hours lost to non-utilized talent.',
  wasteTransportationHours: 'Hours lost to transportation.',
  wasteInventoryHours: 'Hours lost to inventory.',
  wasteMotionHours: 'Hours lost to motion.',
  wasteExtraProcessingHours: 'Hours lost to extra-processing.',
  method: 'How the numbers were obtained.',
  sampleSize: 'How many items the numbers are based on.',
  note: 'Free text, kept with the measurement.',
};

function measurementSchema(): JsonSchema {
  const generated = z.toJSONSchema(measurementInput(), {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  const properties = { ...(generated.properties as Record<string, JsonSchema>) };
  for (const [name, schema] of Object.entries(properties)) {
    const extra: JsonSchema = { description: descriptions[name] };
    if (name === 'streamId') extra.pattern = undefined; // zod's UUID regex is long; `format: uuid` says it
    if (name === 'periodStart' || name === 'periodEnd') extra.format = 'date';
    properties[name] = JSON.parse(JSON.stringify({ ...schema, ...extra })) as JsonSchema;
  }
  // zod's .refine for whole numbers is not visible to JSON Schema.
  properties.defects = {
    ...properties.defects,
    anyOf: [{ type: 'integer', minimum: 0, maximum: 1e9 }, { type: 'null' }],
  };
  return {
    type: 'object',
    description: `One measurement of a stream (or one of its steps) over a period. At least one of ${metricFields.join(', ')} is required. Durations are in seconds. Unknown fields are refused.`,
    required: generated.required,
    properties,
    additionalProperties: false,
  };
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

function errorResponse(description: string, codes: string[], example: JsonSchema) {
  return {
    description: `${description} Codes: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    content: { 'application/json': { schema: ref('schemas', 'Error'), example } },
  };
}

const example = {
  streamId: '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
  periodStart: '2026-01-05',
  periodEnd: '2026-01-11',
  leadTimeSeconds: 172800,
  processTimeSeconds: 14400,
  throughput: 42,
  pctCompleteAccurate: 93.5,
  method: 'system',
};

function operation(
  summary: string,
  description: string,
  schema: string,
  requestExample: unknown,
  operationId: string,
) {
  return {
    operationId,
    summary,
    description,
    tags: ['Measurements'],
    parameters: [ref('parameters', 'IdempotencyKey')],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('schemas', schema), example: requestExample } },
    },
    responses: {
      '201': ref('responses', 'Created'),
      '400': ref('responses', 'BadRequest'),
      '401': ref('responses', 'Unauthorized'),
      '403': ref('responses', 'Forbidden'),
      '409': ref('responses', 'Conflict'),
      '413': ref('responses', 'TooLarge'),
      '415': ref('responses', 'UnsupportedMediaType'),
      '422': ref('responses', 'KeyReused'),
      '500': ref('responses', 'Internal'),
      '503': ref('responses', 'Unavailable'),
    },
  };
}

/** The document; built on each call (cheap) so it never holds a stale clock. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Valuestream API',
      version: '1',
      description:
        'Push measurements of your value streams from other systems. Authenticate with an organization API token (Settings → API tokens), send an Idempotency-Key with every request, and retry freely: a replay adds nothing. Full guide: /api/v1/docs.',
    },
    servers: [{ url: '/', description: 'This Valuestream server' }],
    security: [{ apiToken: [] }],
    tags: [{ name: 'Measurements' }],
    paths: {
      '/api/v1/measurements': {
        post: operation(
          'Add one measurement',
          'Adds a measurement, or replaces the one of the same stream, step and period.',
          'Measurement',
          example,
          'addMeasurement',
        ),
      },
      '/api/v1/measurements/batch': {
        post: operation(
          'Add up to 5,000 measurements, all or nothing',
          'Every measurement is checked first; if any is refused, nothing is written and the response lists every problem by field (`measurements.<index>.<field>`).',
          'MeasurementBatch',
          {
            measurements: [
              example,
              {
                ...example,
                periodStart: '2026-01-12',
                periodEnd: '2026-01-18',
                leadTimeSeconds: 158400,
              },
            ],
          },
          'addMeasurements',
        ),
      },
    },
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An organization API token, `vs_…`, created by an owner or admin under Settings → API tokens.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'A new unique value (a UUID) per request. Repeating a request with the same key returns the first response and adds nothing; the same key with a different body is refused (422). Keys are kept for at least 24 hours.',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            pattern: '^[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?$',
          },
        },
      },
      headers: {
        IdempotentReplayed: {
          description:
            '`true` when this is the stored response of an earlier request with the same key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      schemas: {
        Measurement: measurementSchema(),
        MeasurementBatch: {
          type: 'object',
          required: ['measurements'],
          additionalProperties: false,
          properties: {
            measurements: {
              type: 'array',
              minItems: 1,
              maxItems: 5000,
              items: ref('schemas', 'Measurement'),
            },
          },
        },
        IngestResult: {
          type: 'object',
          required: ['added', 'replaced', 'skipped'],
          properties: {
            added: { type: 'integer', description: 'New measurements.' },
            replaced: {
              type: 'integer',
              description:
                'Measurements of the same stream, step and period that were replaced (the audit keeps the old values).',
            },
            skipped: {
              type: 'integer',
              description:
                'Measurements identical to ones already stored (or repeated in the batch): nothing to do.',
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'Stable, for programs.' },
                message: { type: 'string', description: 'For people.' },
                field: {
                  type: 'string',
                  description:
                    'The first offending field, e.g. `measurements.3.leadTimeSeconds` or `Idempotency-Key`.',
                },
                fields: {
                  type: 'object',
                  additionalProperties: { type: 'array', items: { type: 'string' } },
                  description: 'Every offending field with its messages.',
                },
              },
            },
          },
        },
      },
      responses: {
        Created: {
          description:
            'Written. A replay of an earlier request with the same key returns that request’s response again, with `Idempotent-Replayed: true`.',
          headers: { 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') },
          content: {
            'application/json': {
              schema: ref('schemas', 'IngestResult'),
              example: { added: 1, replaced: 0, skipped: 0 },
            },
          },
        },
        BadRequest: errorResponse(
          'Nothing was written.',
          ['invalid', 'invalid_json', 'idempotency_key_required', 'idempotency_key_invalid'],
          {
            error: {
              code: 'invalid',
              message: 'Process time cannot be longer than lead time.',
              field: 'measurements.3.processTimeSeconds',
              fields: {
                'measurements.3.processTimeSeconds': [
                  'Process time cannot be longer than lead time.',
                ],
              },
            },
          },
        ),
        Unauthorized: errorResponse(
          'No token, or one that is not valid, was revoked, or whose creator is no longer a member of the organization.',
          ['unauthorized'],
          { error: { code: 'unauthorized', message: 'This API token is not valid.' } },
        ),
        Forbidden: errorResponse(
          'The token acts with the role of the person who created it, and that role (today) may not write measurements.',
          ['forbidden'],
          {
            error: {
              code: 'forbidden',
              message:
                'This API token acts with the role of the person who created it, now viewer, which does not allow this.',
            },
          },
        ),
        Conflict: errorResponse(
          'A request with this key is still being processed (retry shortly), or another writer changed the same period at the same moment.',
          ['idempotency_key_in_flight', 'conflict'],
          {
            error: {
              code: 'idempotency_key_in_flight',
              message:
                'A request with this Idempotency-Key is still being processed. Retry in a moment.',
              field: 'Idempotency-Key',
            },
          },
        ),
        TooLarge: errorResponse('The body is over 10 MB.', ['body_too_large'], {
          error: { code: 'body_too_large', message: 'The body is larger than 10 MB.' },
        }),
        UnsupportedMediaType: errorResponse(
          'The body is not sent as JSON.',
          ['unsupported_media_type'],
          {
            error: {
              code: 'unsupported_media_type',
              message: 'Send the body as JSON, with Content-Type: application/json.',
            },
          },
        ),
        KeyReused: errorResponse(
          'The key was already used for a different request.',
          ['idempotency_key_reused'],
          {
            error: {
              code: 'idempotency_key_reused',
              message: 'This Idempotency-Key was already used for a different request.',
              field: 'Idempotency-Key',
            },
          },
        ),
        Internal: errorResponse(
          'Our fault; nothing was saved. Retry with the same key.',
          ['internal'],
          { error: { code: 'internal', message: 'Something went wrong on our side.' } },
        ),
        Unavailable: errorResponse(
          'The service is starting or its database is unavailable; nothing was saved. Retry after `Retry-After` seconds.',
          ['unavailable'],
          {
            error: {
              code: 'unavailable',
              message:
                'The service is starting or unavailable; nothing was saved. Retry in a moment.',
            },
          },
        ),
      },
    },
  };
}
