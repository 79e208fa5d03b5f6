export { defineScript } from './defineScript.js';
export { scriptJsonSchema } from './jsonSchema.js';
export { mainSteps } from './mainSteps.js';
export { findUnsafeAsk, unsafeScriptIssues, type UnsafeAsk, type TextKind } from './unsafe.js';
export {
  callScriptSchema,
  PLACEHOLDERS,
  type CallScript,
  type CallScriptInput,
  type CallScriptData,
  type ScriptQuestion,
  type LocalizedText,
} from './schema.js';
