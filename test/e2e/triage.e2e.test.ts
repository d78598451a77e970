/**
 * Intake → Toeleiding Triage → case system / access team / school, in a real n8n.
 * The example workflow (workflows/intake-triage.json) reads the synthetic requests in
 * <dataDir>/sample-data/requests.csv (the same columns as its form; zorgteam dates relative to the day
 * the runtime made its sample data, rt.sampleDate), triages them under the Amersfoort OSJ preset and
 * acts per route. Asserts what really happened: the cases the case API received, and who
 * got which e-mail in maildev — and that no BSN left the workflow.
 */
import { startRuntime, nodeItems, type E2ERuntime, type Mail } from './runtime';
import { assertNoPersonalData } from '../helpers/privacy';
import { dayNumber, isoOfDay } from '../helpers/sampleOracle';

const WORKFLOW_ID = 'jhIntakeTriage01';
let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.unpublishWorkflow(WORKFLOW_ID).catch(() => undefined);
	await rt?.stop();
});

const FORM_WEBHOOK_ID = '6f1c2d3e-0005-4a00-9000-00000000f001';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Submit the n8n form as a browser would: multipart, one `field-<index>` per form field. */
async function submitForm(values: Array<string | string[]>): Promise<number> {
	const body = new FormData();
	values.forEach((v, i) => {
		if (Array.isArray(v)) body.append(`field-${i}`, JSON.stringify(v));
		else body.append(`field-${i}`, v);
	});
	// the form's webhook is registered shortly after activation: wait until its page answers
	for (let i = 0; i < 30; i++) {
		const page = await fetch(`${rt.urls.editor}/form/${FORM_WEBHOOK_ID}`);
		await page.text();
		if (page.status === 200) break;
		await sleep(1000);
	}
	const r = await fetch(`${rt.urls.editor}/form/${FORM_WEBHOOK_ID}`, { method: 'POST', body });
	const text = await r.text();
	if (r.status !== 200) process.stderr.write(`form POST: HTTP ${r.status} ${text.slice(0, 300)}\n`);
	return r.status;
}

const byRecipient = (mails: Mail[], to: string) => mails.filter((m) => m.to.includes(to));

/** An ISO date as a mail writes it ("27 april 2026"), stated here independently of domain/primitives/dates.ts. */
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const longDateNl = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS_NL[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** A mail to the access team contact (issue 24 §1): greeting, who the reader is, sign-off, replies go to the school, HTML. */
function expectAccessTeamMail(m: Mail, school: string): void {
	expect(m.text).toMatch(/^Beste collega,\n\nU ontvangt dit bericht als contactpersoon van de gemeentelijke toegang voor deze school\./);
	expect(m.text).toContain('Vragen over deze aanmelding? Beantwoord deze e-mail: uw antwoord gaat naar de school die de leerling heeft aangemeld.');
	expect(m.text).toMatch(/Met vriendelijke groet,\nTeam Toeleiding jeugdhulp op school/);
	expect(m.replyTo).toEqual([school]);
	expect(m.html).toContain('<p>Beste collega,</p>');
	// nothing addressed to the access team that is not its own: no "via de gemeentelijke toegang", no "inform the contact person"
	expect(m.text).not.toMatch(/via de gemeentelijke toegang|Informeer de contactpersoon|Vervolgacties/);
	expect(m.text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // one date notation: "27 april 2026"
}

describe('intake triage in the real runtime', () => {
	it('registers the collective and combined cases, mails the access team contacts and asks schools for what is missing', async () => {
		expect(rt.workflows.map((w) => w.id)).toContain(WORKFLOW_ID);
		await rt.clearMails();
		await rt.resetCaseApi();

		const result = await rt.executeWorkflow(WORKFLOW_ID);
		expect(result.exitCode).toBe(0);

		// Routes as the node decided them (output index = route).
		const route = (i: number) => nodeItems(result, 'Toeleiding Triage', i).map((j) => j.Aanmeldnummer);
		expect(route(0)).toEqual(['AANM-006', 'AANM-008']); // needs information (AANM-008: invalid BSN, On Error = Continue)
		// incomplete and invalid are kept apart after the node
		expect(nodeItems(result, 'Invalid Value?', 0).map((j) => j.Aanmeldnummer)).toEqual(['AANM-008']);
		expect(nodeItems(result, 'Invalid Value?', 1).map((j) => j.Aanmeldnummer)).toEqual(['AANM-006']);
		expect(route(1)).toEqual(['AANM-001']); // collective
		expect(route(2)).toEqual(['AANM-002']); // individual beschikking (lives in Ede)
		expect(route(3)).toEqual(['AANM-003']); // combined
		expect(route(4)).toEqual(['AANM-004']); // basic support
		expect(route(6)).toEqual(['AANM-005']); // zorgteam weighing
		expect(route(8)).toEqual(['AANM-007']); // anonymous advice

		// The case system received exactly the collective and combined cases, authenticated by the credential.
		const posts = (await rt.caseRequests()).filter((r) => r.method === 'POST' && r.path === '/api/cases');
		// AANM-001 was discussed 21 days before the sample's day (scripts/sample-data/requests.js); 8 weeks = 56 days later
		const zorgteam001 = isoOfDay(dayNumber(rt.sampleDate) - 21);
		const deadline001 = isoOfDay(dayNumber(rt.sampleDate) - 21 + 56);
		expect(posts.map((p) => [p.auth, p.status])).toEqual([
			['apiKey', 201],
			['apiKey', 201],
		]);
		// the order in which n8n runs the two branches is not part of the contract
		const bodies = posts.map((p) => p.body as Record<string, unknown>).sort((a, b) => String(a.requestId).localeCompare(String(b.requestId)));
		expect(bodies[0]).toMatchObject({
			requestId: 'AANM-001',
			pupilReference: 'LL-001',
			school: '12AB',
			route: 'collective',
			responsibleMunicipality: '0307',
			financing: ['jeugdwet_collective'],
			crossRegionSettlement: false,
			policy: 'amersfoort_osj',
			zorgteamDate: zorgteam001,
			deadline: deadline001,
			actions: ['register_case', 'align_opp_with_family_plan', 'same_care_worker_at_home', 'inform_access_contact'],
		});
		expect(bodies[1]).toMatchObject({ requestId: 'AANM-003', route: 'combined', youthCareRoute: 'individual_beschikking', responsibleMunicipality: '0327', financing: ['passend_onderwijs', 'jeugdwet_individual'], deadline: null });
		for (const b of bodies) {
			expect(JSON.stringify(b)).not.toMatch(/111222333/);
			assertNoPersonalData(b, 'case body');
		}

		// E-mails: the access team contact per case, the Ede contact for the pupil from Ede, the schools for the rest.
		const mails = await rt.mails();
		expect(mails).toHaveLength(8);
		const contact12 = byRecipient(mails, 'toegang.12ab@regio-amersfoort.example');
		expect(contact12.map((m) => m.subject)).toEqual([expect.stringMatching(/^Nieuwe casus case-000[12]: Collectieve jeugdhulp op school \(AANM-001\)$/)]);
		expect(contact12[0].text).toContain(`Hulp uiterlijk gestart op: ${longDateNl(deadline001)} (8 weken na de bespreking in het zorgteam)`);
		expectAccessTeamMail(contact12[0], 'zorgteam@osj-school12ab.example');
		expect(contact12[0].text).toContain('Wie betaalt: Amersfoort, via het collectieve budget van de regio (Regio Amersfoort — Onderwijs met Specialistische Jeugdhulp (OSJ); functiebekostiging (beschikbaarheid, fte)); geen beschikking.');
		// the family plan is the access team's to align; the same care worker at home is information
		expect(contact12[0].text).toContain('Wat u doet:\n- Er is ook hulp thuis nodig: stem het gezinsplan af met de doelen van het OPP van de school (1 Gezin 1 Plan 1 Regisseur).');
		expect(contact12[0].text).toContain('Ter informatie:\n- De casus wordt geregistreerd in het casussysteem.');
		const ede = byRecipient(mails, 'toegang@ede.example');
		expect(ede.map((m) => m.subject)).toEqual(['Individuele beschikking nodig: AANM-002 (Ede)']);
		expect(ede[0].text).toContain('De leerling woont elders; de afspraak geldt alleen voor inwoners van de deelnemende gemeenten');
		expectAccessTeamMail(ede[0], 'zorgteam@osj-school12ab.example');
		expect(ede[0].text).toContain('Wat u doet:\n- Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.');
		expect(ede[0].html).toContain('<li>Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.</li>');
		expect(byRecipient(mails, 'toegang.34cd@regio-amersfoort.example').map((m) => m.subject)).toEqual([expect.stringMatching(/^Nieuwe casus case-000[12]: Onderwijs en jeugdhulp samen \(grijs gebied\) \(AANM-003\)$/)]);

		const school34 = byRecipient(mails, 'zorgteam@school34cd.example');
		expect(school34.map((m) => m.subject)).toEqual(['Aanvulling nodig: aanmelding AANM-006']);
		expect(school34[0].text).toContain('Vul deze gegevens aan: Hulpvraag, Risico.');
		expect(school34[0].text).not.toContain('klopt niet');
		const school12 = byRecipient(mails, 'zorgteam@osj-school12ab.example');
		expect(school12.map((m) => m.subject).sort()).toEqual([
			'Uitkomst aanmelding AANM-004: Basisondersteuning door de school',
			'Uitkomst aanmelding AANM-005: Afweging in het zorgteam',
			'Uitkomst aanmelding AANM-007: Alleen anoniem advies',
			'Waarde klopt niet: aanmelding AANM-008',
		]);
		// the invalid value: which field and what to do, in Dutch, not the English n8n message
		const invalid = school12.find((m) => m.subject.endsWith('AANM-008'))!;
		expect(invalid.text).toContain('Het veld "BSN" bevat geen geldig BSN');
		expect(invalid.text).toContain('Controleer het BSN in de bronregistratie');
		expect(invalid.text).not.toContain('Vul deze gegevens aan');
		// basic support has no follow-up actions: no heading over a lone "-"
		const basic = school12.find((m) => m.subject.includes('AANM-004'))!;
		expect(basic.text).not.toMatch(/Vervolgacties|Wat u doet|Ter informatie/);
		// the school's own task (the zorgteam weighs first), addressed to the school, in a mail with greeting and sign-off
		const weigh = school12.find((m) => m.subject.includes('AANM-005'))!;
		expect(weigh.text).toMatch(/^Beste collega,\n\nU ontvangt dit bericht omdat uw school deze leerling heeft aangemeld\./);
		expect(weigh.text).toContain('Wat u doet:\n- Bespreek de leerling in het zorgteam van uw school;');
		expect(weigh.text).toContain('Met vriendelijke groet,');
		for (const m of mails) {
			// Dutch mails: no English route label, no English validation message, no n8n footer, no lone "-"
			expect(`${m.subject}\n${m.text}`).not.toMatch(/Basic Support|Collective Youth|Combined \(|Zorgteam Weighing|Anonymous Advice|Needs Information|Field "| is not a /);
			expect(`${m.text}\n${m.html ?? ''}`).not.toMatch(/sent automatically with n8n/i);
			expect(m.text).not.toMatch(/^\s*-\s*$/m);
			expect(`${m.subject} ${m.text}`).not.toMatch(/11122233/);
			assertNoPersonalData(`${m.subject}\n${m.text ?? ''}`, `mail to ${m.to.join(',')}`);
		}
	});

	it('a request submitted through the published form becomes a case and an e-mail to the contact for that school and municipality', async () => {
		await rt.clearMails();
		await rt.resetCaseApi();
		await rt.publishWorkflow(WORKFLOW_ID);
		// Aanmeldnummer, Leerlingcode, BSN, BRIN, E-mail school, Woonplaats, Verblijf, Woonplaats voor verblijf, Hulpvraag,
		// Risico, Besluit zorgteam, Datum zorgteam, OPP aanwezig, Hulp thuis, Wlz-indicatie, Groepsaanbod passend, Toestemming ouders
		const status = await submitForm(['FORM-001', 'LL-101', '123456782', '12AB', 'zorgteam@osj-school12ab.example', 'Ede', 'ja', 'Amersfoort', ['gedrag', 'opvoeding'], 'rood', 'ja', '2026-05-04', 'nee', 'nee', 'nee', 'nee', 'ja']);
		expect(status).toBe(200);

		let mails: Mail[] = [];
		for (let i = 0; i < 60 && mails.length < 1; i++) {
			await sleep(2000);
			mails = await rt.mails();
		}
		// In residential care, lived in Amersfoort before: Amersfoort is responsible (woonplaatsbeginsel), so collective care
		const posts = (await rt.caseRequests()).filter((r) => r.method === 'POST' && r.path === '/api/cases');
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toMatchObject({ requestId: 'FORM-001', pupilReference: 'LL-101', route: 'collective', responsibleMunicipality: '0307', deadline: '2026-06-29', actions: ['register_case', 'draw_up_opp', 'inform_access_contact'] });
		expect(JSON.stringify(posts[0].body)).not.toContain('123456782');
		expect(mails.map((m) => [m.to, m.subject])).toEqual([[['toegang.12ab@regio-amersfoort.example'], 'Nieuwe casus case-0001: Collectieve jeugdhulp op school (FORM-001)']]);
		expect(mails[0].text).toContain('waar de leerling woonde vlak voor dat verblijf');
		assertNoPersonalData(`${mails[0].subject}\n${mails[0].text}`);
	});
});
