/**
 * One error item shape on every node that reads items: under "On Error: Continue (using error
 * output)" each refused item carries `details` with exactly `code`, `field`, `hint` (English, for
 * n8n) and `text` / `fix` (the error in words for a mail, in the node's message language, Dutch by
 * default; domain/primitives/errorText.ts) — a text of its own for each code a node raises, naming
 * the column, never the value. Runs the built nodes in n8n's real engine.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ERROR_TEXT_CODES, ROW_CODES } from '../../../domain/primitives/errorText';
import { loadWorkflow, runWorkflow, WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData, SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };
const load = (dir: string, name: string) => loadWorkflow(`test/engine/${dir}/fixtures/${name}.workflow.json`);

/** Set a parameter (dot path into collections) on the node named `node`. */
function withParameter(wf: WorkflowJson, node: string, path: string, value: unknown): WorkflowJson {
	const target = wf.nodes.find((n) => n.name === node)!;
	const keys = path.split('.');
	let at = target.parameters as IDataObject;
	for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as IDataObject;
	at[keys[keys.length - 1]] = value as IDataObject[string];
	return wf;
}

interface Case {
	what: string;
	workflow: () => WorkflowJson;
	node: string;
	input: IDataObject[];
	/** [code, field] of each error item, in item order. */
	expected: Array<[string, string | null]>;
	language: 'nl' | 'en';
}

const DEADLINE_CASES: IDataObject[] = [
	{ caseRef: 'C-1', school: 'Het Baken College', zorgteam: 'ZT Baken', zorgteamEmail: 'zt.baken@school.example', zorgteamDate: '2026-09-01' },
	{ caseRef: 'C-9', school: 'Het Baken College', zorgteam: 'ZT Baken', zorgteamDate: '2026-09-01', startDate: '2026-08-01' },
	{ caseRef: 'C-10', zorgteamDate: '' },
	{ caseRef: 'C-11', zorgteamDate: '31-02-2026' },
	{ caseRef: SYNTHETIC_PUPIL_NAMES[0], zorgteamDate: '2026-09-01' },
	{ caseRef: 'C-12', zorgteamDate: SYNTHETIC_BSNS[1] },
	{ caseRef: 'C-13', zorgteamDate: '2027-01-04' },
];
const DEADLINE_ERRORS: Array<[string, string]> = [
	['stop_before_clock_start', 'startDate'],
	['missing_field', 'zorgteamDate'],
	['invalid_date', 'zorgteamDate'],
	['invalid_case_ref', 'caseRef'],
	['invalid_date', 'zorgteamDate'],
	['clock_start_after_reference', 'zorgteamDate'],
];

const DELIVERY = { leerling: 'Noor Testkind', school: '12AB', woongemeente: '0363', arrangement: 'individueel', uren: 10 };
const SETTLEMENT_RECORDS: IDataObject[] = [
	DELIVERY,
	{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: '0437', arrangement: 'groep', uren: 4 },
	{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '9999', arrangement: 'individueel' },
	{ leerling: SYNTHETIC_BSNS[0], school: '34CD', woongemeente: '0363', arrangement: 'individueel', uren: '-2' },
	{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '0363', arrangement: 'individueel', periode: '2026-05-01' },
	{ leerling: 'Lotte Fictiefsma', school: '34CD', woongemeente: '0344', arrangement: 'individueel', periode: '2026-02' },
	{ leerling: 'lotte fictiefsma', school: '34CD', woongemeente: '0307', arrangement: 'individueel', periode: '2026-02' },
	{ leerling: 'Finn Nepstra', school: '34CD', woongemeente: '0363', arrangement: 'schoolreis' },
];

const CASES: Case[] = [
	{
		what: 'Deadline Monitor, Check Cases per case (Dutch by default)',
		workflow: () => load('deadlines', 'check-cases.error-output'),
		node: 'Deadline Monitor',
		input: DEADLINE_CASES,
		expected: DEADLINE_ERRORS,
		language: 'nl',
	},
	{
		what: 'Deadline Monitor, Check Cases grouped, Message Language English',
		workflow: () => withParameter(withParameter(load('deadlines', 'check-cases.error-output'), 'Deadline Monitor', 'groupByRecipient', true), 'Deadline Monitor', 'language', 'en'),
		node: 'Deadline Monitor',
		input: DEADLINE_CASES,
		expected: DEADLINE_ERRORS,
		language: 'en',
	},
	{
		what: 'Deadline Monitor, Calculate KPIs, Chart Language English',
		workflow: () => withParameter(load('deadlines', 'kpis.error-output'), 'Deadline Monitor', 'chartLanguage', 'en'),
		node: 'Deadline Monitor',
		input: [DEADLINE_CASES[0], { caseRef: 'C-X', zorgteamDate: 'gisteren' }],
		expected: [['invalid_date', 'zorgteamDate']],
		language: 'en',
	},
	{
		what: 'Cross-Region Settlement, Calculate (record errors and contradicting records)',
		workflow: () => load('settlement', 'calculate.bad-input.error-output'),
		node: 'Settlement',
		input: SETTLEMENT_RECORDS,
		expected: [
			['unknown_municipality', 'woongemeente'],
			['invalid_number', 'uren'],
			['outside_period', 'periode'],
			['contradicting_records', 'woongemeente'],
			['contradicting_records', 'woongemeente'],
			['invalid_arrangement', 'arrangement'],
		],
		language: 'nl',
	},
	{
		what: 'Cross-Region Settlement, Calculate stopped by a refused record in a lump sum, Statement Language English',
		workflow: () => withParameter(load('settlement', 'calculate.refused-lump-sum.stop'), 'Settlement', 'options.language', 'en'),
		node: 'Settlement',
		input: [{ ...DELIVERY, woongemeente: 'Amsterdm' }, { ...DELIVERY, woongemeente: '0392' }],
		expected: [
			['unknown_municipality', 'woongemeente'],
			['incomplete_basis', 'refusedRecords'],
		],
		language: 'en',
	},
	{
		what: 'Cross-Region Settlement, Calculate without a lump sum: no statement, every record says why (a setting, not the row)',
		workflow: () => withParameter(load('settlement', 'calculate.refused-lump-sum.stop'), 'Settlement', 'lumpSum', ''),
		node: 'Settlement',
		input: [DELIVERY, { ...DELIVERY, leerling: 'Daan Proefleerling', woongemeente: '0392' }],
		expected: [
			['invalid_settlement_parameter', 'lumpSum'],
			['invalid_settlement_parameter', 'lumpSum'],
		],
		language: 'nl',
	},
	{
		what: 'Cross-Region Settlement, Reconcile Invoices',
		workflow: () => load('settlement', 'reconcile.bad-invoice.continue'),
		node: 'Reconcile',
		input: [
			{ kind: 'statement', municipalityCode: '0344', municipalityName: 'Utrecht', period: '2026-Q1', amountCents: 10_000 },
			{ factuurnummer: 'A-1', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '100,00' },
			{ factuurnummer: 'A-2', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: 'honderd' },
			{ gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '1,00' },
			{ factuurnummer: 'H-1', gemeente: 'Haaren', periode: '2026-Q1', bedrag: '100,00' },
		],
		expected: [
			['invalid_amount', 'bedrag'],
			['missing_field', 'factuurnummer'],
			['split_municipality', 'gemeente'],
		],
		language: 'nl',
	},
	{
		what: 'Toeleiding Triage',
		workflow: () => load('triage', 'triage.error-output'),
		node: 'Toeleiding Triage',
		input: [
			triageRequest('1'),
			triageRequest('2', { riskLevel: 'paars' }),
			triageRequest('3', { residenceMunicipality: 'Atlantis' }),
			triageRequest('4', { zorgteamDate: '31-02-2026' }),
		],
		expected: [
			['invalid_risk_level', 'riskLevel'],
			['unknown_municipality', 'residenceMunicipality'],
			['invalid_date', 'zorgteamDate'],
		],
		language: 'nl',
	},
	{
		what: 'Jeugdhulp Record Cleaner',
		workflow: () => load('record-cleaner', 'record-cleaner.continue-error-output'),
		node: 'Record Cleaner',
		input: [{ leerlingnummer: 'L-1', bsn: SYNTHETIC_BSNS[0], woongemeente: '0307', zorgteamDatum: '31-02-2026' }],
		expected: [['invalid_date', 'zorgteamDatum']],
		language: 'nl',
	},
];

/**
 * The error in words for a few codes, written out by hand (not produced by errorText, the code under test):
 * `{field}` stands for the column the item names.
 */
const EXPECTED_WORDS: Record<'nl' | 'en', Record<string, { text: string; fix?: string }>> = {
	nl: {
		invalid_date: {
			text: 'Het veld "{field}" bevat geen geldige datum.',
			fix: 'Schrijf de datum als 01-03-2026, 1 maart 2026 of 2026-03-01, en controleer dat de datum bestaat (bijvoorbeeld geen 31 februari).',
		},
		missing_field: { text: 'Het veld "{field}" is leeg.', fix: 'Vul "{field}" in.' },
		unknown_municipality: {
			text: 'Het veld "{field}" noemt geen bekende gemeente.',
			fix: 'Gebruik de CBS-gemeentecode (bijvoorbeeld 0307) of de officiële naam van de gemeente (bijvoorbeeld Amersfoort).',
		},
		invalid_risk_level: { text: 'Het veld "{field}" bevat geen risiconiveau.', fix: 'Vul groen, geel of rood in (de risicopiramide).' },
		invalid_amount: { text: 'Het veld "{field}" bevat geen geldig bedrag.' },
	},
	en: {
		invalid_date: {
			text: 'The field "{field}" does not hold a valid date.',
			fix: 'Write the date as 2026-03-01, 01-03-2026 or 1 maart 2026, and check that the date exists (no 31 February, for example).',
		},
		unknown_municipality: {
			text: 'The field "{field}" does not name a known municipality.',
			fix: 'Use the CBS municipality code (e.g. 0307) or the official name of the municipality (e.g. Amersfoort).',
		},
	},
};

/** The general words for a code without a text of its own (an item must never get these). */
const GENERAL_TEXT = { nl: 'Het veld "{field}" bevat een waarde die niet gebruikt kan worden.', en: 'The field "{field}" holds a value that cannot be used.' };

const fill = (template: string, field: unknown) => template.split('{field}').join(String(field));

/** The refused items: the error output (the node's last output), in item order. */
function errorItems(outputs: INodeExecutionData[][]): INodeExecutionData[] {
	return [...outputs[outputs.length - 1]].sort((a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item);
}

describe.each(CASES)('$what', ({ workflow, node, input, expected, language }) => {
	it('gives every refused item details { code, field, hint, text, fix }: a text of its own for its code, in the node language, without the value', async () => {
		const run = await runWorkflow(workflow(), { input, credentials });
		expect(run.error).toBeUndefined();
		const errors = errorItems(run.output(node));
		expect(errors.map((e) => [(e.json.details as IDataObject).code, (e.json.details as IDataObject).field])).toEqual(expected);
		for (const e of errors) {
			const details = e.json.details as IDataObject;
			expect(Object.keys(details).sort()).toEqual(['code', 'field', 'fix', 'hint', 'text', 'where']);
			expect(ERROR_TEXT_CODES).toContain(details.code);
			const words = EXPECTED_WORDS[language][details.code as string];
			if (words) {
				// the words, then where the item is ("(item 3, casus C-10)", from details.where) before the full stop
				expect(String(details.text).replace(/ \([^()]*\)\.$/, '.')).toBe(fill(words.text, details.field));
				if (words.fix) expect(details.fix).toBe(fill(words.fix, details.field));
			}
			expect(typeof details.fix === 'string' && details.fix !== '').toBe(true);
			if (!ROW_CODES.has(details.code as string)) {
				expect(details.text).toContain(`"${details.field}"`);
				// its own words, not the general text for codes without one
				expect(details.text).not.toBe(fill(GENERAL_TEXT[language], details.field));
			}
			expect(details.text).toMatch(language === 'nl' ? /^(Het veld|De datum|De periode|Voor het product|Rijen|Deze rij)/ : /^(The field|The date|The period|No |Rows|This row)/);
			assertNoPersonalData([details.text, details.fix, e.json.error], `${node} error item`);
		}
	});
});

it('checks every hand-written text against a case in its language', () => {
	for (const language of ['nl', 'en'] as const) {
		for (const code of Object.keys(EXPECTED_WORDS[language])) {
			expect({ language, code, covered: CASES.some((c) => c.language === language && c.expected.some(([k]) => k === code)) }).toEqual({ language, code, covered: true });
		}
	}
});
