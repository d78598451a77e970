/** The language of text that reaches people outside n8n (mails, statements, notes): Dutch by default, English available. */
export type Language = 'nl' | 'en';
