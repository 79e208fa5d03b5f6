/*
 * `connectKeypad` joins the main entry's exports (`import { connectKeypad }
 * from 'safecall-pl'`); until it is listed there, it comes from its module.
 * One line to change.
 */
export { connectKeypad, type KeypadSource, type KeypadEvent } from '../../../src/session/keypad.js';
