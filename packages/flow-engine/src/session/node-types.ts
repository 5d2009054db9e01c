import type { z } from 'zod';
import type {
  CONVERSION_KINDS,
  HandoffDataSchema,
  SURVEY_KINDS,
} from '../schema/node-data.schema.js';

export type HandoffData = z.infer<typeof HandoffDataSchema>;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type ConversionKind = (typeof CONVERSION_KINDS)[number];
