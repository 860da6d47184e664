import { ZErrorBody } from '@reform/contracts';

/** Error statuses a route can answer with, for the OpenAPI document and response checks. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  500: ZErrorBody,
} as const;
