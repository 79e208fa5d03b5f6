/*
 * What the README's snippets lean on from the host application: a screen to
 * render on, a softphone, a CRM, a logger, the agent's token. Declared here so
 * the snippets compile as written (see readme.test.ts).
 */
declare const ui: {
  say(text: string): void;
  note(text: string): void;
  buttons(buttons: { label: string; onClick: () => void }[]): void;
  digitPad(onDigit: (digit: string) => void): void;
  revealed(digits: { position: number; digit: string }[]): void;
};
declare const softphone: { record(on: boolean): void };
declare const auditQueue: { push(event: import('../../src/index.js').AuditEvent): void };
declare function agentToken(): string;
declare const fraudAlertJson: unknown;
declare const fraudAlert: import('../../src/index.js').CallScript;
declare const script: import('../../src/index.js').CallScript;
declare const scripts: import('../../src/index.js').CallScript[];
declare const crm: {
  customer(ref: string): Promise<{ pesel: string } | undefined>;
  kba(ref: string, questionId: string): Promise<{ answer: string } | undefined>;
};
declare const customers: import('../../src/server/index.js').CustomerDirectory;
declare const agents: { verify(authorization: string | null): Promise<boolean> };
declare function nodeListener(handler: (request: Request) => Promise<Response>): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
declare const service: import('../../src/server/index.js').VerificationService;
declare const callId: string;
declare const expectedRef: string;
declare function openTheBusinessPart(): void;
declare const deps: import('../../src/index.js').CallSessionDeps;
declare const log: { warn(fields: object, message: string): void };
