/**
 * Prompts: pure functions from the state of a call (a `StepView`) to what the
 * agent desktop renders (a `PromptStep`), in Polish and English. Words live in
 * `locales/`; the shared rendering logic in `render.ts`.
 */
export { renderPrompt, actionEvent, LOCALE_TEXTS } from './render.js';
export { pl, plRetryLead } from './locales/pl.js';
export { en, enRetryLead } from './locales/en.js';
export { plOrdinalNominative, plOrdinalAccusative, plOrdinalGenitive, enOrdinal } from './ordinals.js';
export { plAddress, plInstrumental, type AddressForms, type PlAddress } from './forms.js';
export { stepAfterPurpose } from './flow.js';
export type { PromptStep, PromptAction, PromptInput, PromptReply, EventPayload, StepView, RenderContext, LocaleTexts } from './types.js';
// Re-exported for modules that take the prompt vocabulary from here (testing/).
export type { StepId, CallbackSlot, VerifierTask } from '../model/index.js';
