export { httpVerifier, type HttpVerifierOptions } from './httpVerifier.js';
