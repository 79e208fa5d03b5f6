export { renderPrompt, actionEvent, LOCALE_TEXTS } from './render.js';
export { pl, plOrdinalAccusative, plOrdinalNominative } from './pl.js';
export { en, enOrdinal } from './en.js';
export type {
  StepId,
  PromptStep,
  PromptAction,
  PromptInput,
  EventPayload,
  CallbackSlot,
  StepView,
  VerifierTask,
  RenderContext,
  LocaleTexts,
} from './types.js';
