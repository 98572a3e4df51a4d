export * from './xborder-error.js';
export * from './classes.js';
export * from './from-response.js';
export { redactText, redactValue, redactUrl, redactHeaders, registerSecret, registerPii, REDACTED } from './redact.js';
