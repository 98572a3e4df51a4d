export * from './xborder-error.js';
export * from './classes.js';
export * from './from-response.js';
export {
  redactText, redactValue, redactUrl, redactHeaders, registerSecret, registerPii, redactionStats, REDACTED,
} from './redact.js';
export { configureRedaction, type RedactionOptions } from './redaction-config.js';
