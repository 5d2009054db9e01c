import { cartRecoveryTemplate } from './cart-recovery.template.js';
import type { JourneyTemplate } from './journey-template.js';
import { postPurchaseTemplate } from './post-purchase.template.js';
import { visitorQuestionTemplate } from './visitor-question.template.js';

export type { JourneyTemplate, TemplateLocale } from './journey-template.js';

/** The three journeys every workspace can start from, in the order the builder shows them. */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [visitorQuestionTemplate, cartRecoveryTemplate, postPurchaseTemplate];
