'use strict';
/**
 * The workflows `npm run bench:workflows` imports, made from the example workflows in workflows/ (so the
 * bench measures what users import) and, as the baseline, the same job built from n8n's stock nodes plus
 * one Code node doing the rules (issue 27 §2).
 *
 * What changes against the example, and only that: the Manual Trigger becomes a Webhook that answers when
 * the last node has finished (so a run can be started in the server, on a queue-mode worker too, and timed
 * from outside), the schedule trigger and sticky notes go, the spreadsheet path points at the bench data
 * (__JEUGDHULP_DATA_DIR__/bench/…), the day is the bench's --date (Deadline Monitor's Reference Date, the
 * settlement's Period) instead of today, the Error Workflow setting goes, and `save` decides whether n8n
 * keeps the execution data of a successful run ('all': needed to read each node's time back; the examples
 * ship with 'none').
 */
const fs = require('node:fs');
const path = require('node:path');
const config = require('../runtime/config');

const DATA = `${config.DATA_DIR_PLACEHOLDER}/bench`;
const OURS = `${config.PACKAGE_NAME}.`;

function example(file) {
	return JSON.parse(fs.readFileSync(path.join(config.REPO_ROOT, 'workflows', file), 'utf8'));
}

/** Workflow ids are 16 characters here (as the examples'). */
function benchId(tag) {
	return `jhB${tag}`.padEnd(16, '0').slice(0, 16);
}

function webhookNode(webhookPath, position = [0, 200]) {
	return {
		id: 'bench-webhook',
		name: 'Start (bench webhook)',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: `00000000-0000-4000-8000-${Buffer.from(webhookPath).toString('hex').padEnd(12, '0').slice(0, 12)}`,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'noData', options: {} },
	};
}

function settings(save) {
	return {
		executionOrder: 'v1',
		timezone: 'Europe/Amsterdam',
		saveDataSuccessExecution: save ? 'all' : 'none',
		saveDataErrorExecution: 'all', // a failed bench run is kept, to see why
		saveManualExecutions: false,
		saveExecutionProgress: false,
	};
}

/** Replace the example's triggers by the bench webhook (connections moved to it). */
function withWebhook(wf, webhookPath) {
	const manual = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	const dropped = new Set(wf.nodes.filter((n) => n.type === 'n8n-nodes-base.scheduleTrigger' || n.type === 'n8n-nodes-base.stickyNote' || n === manual).map((n) => n.name));
	const hook = webhookNode(webhookPath, manual.position);
	const connections = {};
	for (const [from, c] of Object.entries(wf.connections)) {
		if (from === manual.name) connections[hook.name] = c;
		else if (!dropped.has(from)) connections[from] = c;
	}
	return { ...wf, nodes: [hook, ...wf.nodes.filter((n) => !dropped.has(n.name))], connections };
}

function node(wf, name) {
	const n = wf.nodes.find((x) => x.name === name);
	if (!n) throw new Error(`example workflow ${wf.id} has no node "${name}" any more: update scripts/bench-workflows/workflows.js`);
	return n;
}

/** Read + Extract of a spreadsheet as `format` ('xlsx' or 'csv'). */
function readAs(wf, readName, extractName, file, format) {
	node(wf, readName).parameters.fileSelector = `${DATA}/${file}.${format}`;
	node(wf, extractName).parameters = { operation: format, options: {} };
}

/**
 * The weekly alert (workflows/deadline-alerts.json) on `file` (bench/<file>.<format>), judged on `date`;
 * `staticMemory`: its alert memory in the workflow's static data instead of n8n's Data Tables (the
 * shared-memory credential removed), to see what the memory's round trips through n8n's API cost.
 */
function weeklyExample({ tag, name, file = 'cases', format = 'xlsx', date, save, staticMemory = false }) {
	const wf = withWebhook(example('deadline-alerts.json'), `bench-${tag}`);
	readAs(wf, 'Read cases spreadsheet', 'Extract cases', file, format);
	node(wf, 'Deadline Monitor').parameters.referenceDate = date;
	// without the shared-memory credential the alert memory lives in the workflow's static data (one instance only)
	if (staticMemory) for (const n of ['Deadline Monitor', 'Confirm delivery']) delete node(wf, n).credentials;
	return { ...wf, id: benchId(tag), name: `Bench: ${name}`, active: true, settings: settings(save) };
}

/**
 * The weekly alert's baseline: Read + Extract + one Code node with the 8-week rule (open cases, due 56 days
 * after the zorgteam date, due soon within 14 days), grouped per zorgteam and status into a ready Dutch
 * mail (escaped HTML), + n8n's Send Email. It does less than the Deadline Monitor: no validation or error
 * output, no thuiszitter rule, no school weeks, no alert-once memory, no delivery confirmation.
 */
const WEEKLY_RULES = String.raw`
const DAY = 86400000;
const [ry, rm, rd] = REFERENCE.split('-').map(Number);
const ref = Date.UTC(ry, rm - 1, rd) / DAY;
function day(v) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Math.floor(v) - 25569; // Excel serial
  const s = String(v).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY;
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s); // dd-mm-yyyy
  if (m) return Date.UTC(+m[3], +m[2] - 1, +m[1]) / DAY;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(s); // m/d/yy (SheetJS' default)
  if (m) return Date.UTC(+m[3] < 100 ? 2000 + +m[3] : +m[3], +m[1] - 1, +m[2]) / DAY;
  return null;
}
const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const groups = new Map();
for (const item of $input.all()) {
  const c = item.json;
  if (day(c['startdatum']) !== null) continue;
  const zt = day(c['datum zorgteam']);
  if (zt === null) continue;
  const due = zt + 56;
  const left = due - ref;
  const status = left < 0 ? 'overdue' : left <= 14 ? 'due_soon' : null;
  if (!status) continue;
  const key = c['zorgteam e-mail'] + '|' + status;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { recipientEmail: c['zorgteam e-mail'], zorgteam: c['zorgteam'], status, cases: [] }));
  g.cases.push({ ref: c['dossiernummer'], school: c['school'], due: iso(due), days: Math.abs(left) });
}
return [...groups.values()].map((g) => {
  const late = g.status === 'overdue';
  const subject = (late ? 'Termijn verstreken' : 'Termijn bijna verstreken') + ': ' + g.cases.length + ' casus(sen) van ' + g.zorgteam;
  const line = (c) => c.ref + ' (' + c.school + '): uiterlijk ' + c.due + ', ' + c.days + (late ? ' dagen te laat' : ' dagen over');
  return { json: {
    recipientEmail: g.recipientEmail,
    subject,
    text: subject + '\n\n' + g.cases.map(line).join('\n'),
    html: '<p>' + esc(subject) + '</p><ul>' + g.cases.map((c) => '<li>' + esc(line(c)) + '</li>').join('') + '</ul>',
  } };
});
`;

function weeklyBaseline({ tag, name, file = 'cases', format = 'xlsx', date, save }) {
	const ex = weeklyExample({ tag, name, file, format, date, save });
	const keep = ['Start (bench webhook)', 'Read cases spreadsheet', 'Extract cases', 'E-mail zorgteam'];
	const code = {
		id: 'bench-rules',
		name: 'Rules (Code node)',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [900, 200],
		parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: `const REFERENCE = ${JSON.stringify(date)};\n${WEEKLY_RULES}` },
	};
	const nodes = [...ex.nodes.filter((n) => keep.includes(n.name)), code];
	const to = (n) => ({ main: [[{ node: n, type: 'main', index: 0 }]] });
	return {
		...ex,
		nodes,
		connections: {
			'Start (bench webhook)': to('Read cases spreadsheet'),
			'Read cases spreadsheet': to('Extract cases'),
			'Extract cases': to('Rules (Code node)'),
			'Rules (Code node)': to('E-mail zorgteam'),
		},
	};
}

/** The quarterly settlement (workflows/settlement-quarterly.json) on bench/<file>.<format>, settling `period`. */
function settlementExample({ tag, name, file = 'deliveries', format = 'xlsx', period, save }) {
	const wf = withWebhook(example('settlement-quarterly.json'), `bench-${tag}`);
	readAs(wf, 'Read delivery records', 'Extract delivery records', file, format);
	node(wf, 'Read finance contacts').parameters.fileSelector = `${DATA}/finance-contacts.csv`;
	node(wf, 'Cross-Region Settlement').parameters.period = period;
	return { ...wf, id: benchId(tag), name: `Bench: ${name}`, active: true, settings: settings(save) };
}

/**
 * The settlement's baseline: Read + Extract, one Code node with the rules (Amsterdam SJSO as the example
 * sets it up: members' pupils and outsiders' group offers in Amsterdam's own share, outsiders' individual
 * arrangements paid by their municipality; 3 fte × € 92.000 a year for the quarter, allocated per pupil;
 * one HMAC-SHA-256 pseudonym per distinct pupil), n8n's Merge with the finance contacts, and per
 * municipality (Loop Over Items) Split Out → Convert to File (xlsx) → Send Email with the statement attached.
 * It does less than Cross-Region Settlement: no validation, no contradiction check, no provisional marking,
 * no statement layout, plain rounding (parts need not add up to the cent).
 */
const SETTLEMENT_RULES = String.raw`
const crypto = require('crypto');
const MEMBERS = new Set(['0363', '0384', '0437', '0451']);
const CODES = { amsterdam: '0363', '0363': '0363', diemen: '0384', amstelveen: '0362', aalsmeer: '0358', haarlemmermeer: '0394', zaanstad: '0479', gm0479: '0479', purmerend: '0439' };
const NAMES = { '0363': 'Amsterdam', '0384': 'Diemen', '0362': 'Amstelveen', '0358': 'Aalsmeer', '0394': 'Haarlemmermeer', '0479': 'Zaanstad', '0439': 'Purmerend' };
const TOTAL_CENTS = Math.round(3 * 9200000 * 3 / 12);
const payerOf = new Map();
for (const item of $input.all()) {
  const r = item.json;
  const code = CODES[String(r.woongemeente).trim().toLowerCase()];
  const group = /groep/i.test(r.arrangement);
  const payer = code && !MEMBERS.has(code) && !group ? code : '0363';
  if (!payerOf.has(r.leerling) || payer !== '0363') payerOf.set(r.leerling, payer);
}
const per = new Map();
for (const [pupil, payer] of payerOf) {
  const p = 'P-' + crypto.createHmac('sha256', KEY).update(String(pupil)).digest('hex').slice(0, 12).toUpperCase();
  if (!per.has(payer)) per.set(payer, []);
  per.get(payer).push(p);
}
const share = TOTAL_CENTS / payerOf.size;
const euro = (c) => (c / 100).toFixed(2).replace('.', ',');
return [...per.entries()].map(([code, pupils]) => ({ json: {
  municipalityCode: code,
  municipalityName: NAMES[code] || code,
  pupils: pupils.length,
  amountText: '€ ' + euro(Math.round(share * pupils.length)),
  isInvoice: code !== '0363',
  lines: pupils.map((p) => ({ periode: PERIOD, gemeente: NAMES[code] || code, leerling: p, bedrag: euro(share) })),
} }));
`;

function settlementBaseline({ tag, name, file = 'deliveries', format = 'xlsx', period, save }) {
	const ex = settlementExample({ tag, name, file, format, period, save });
	const keep = ['Start (bench webhook)', 'Read delivery records', 'Extract delivery records', 'Read finance contacts', 'Extract finance contacts', 'Add finance contact'];
	const mail = node(ex, 'E-mail finance contact');
	const loopItem = "$('Loop Over Items').first().json";
	const nodes = [
		...ex.nodes.filter((n) => keep.includes(n.name)),
		{
			id: 'bench-rules',
			name: 'Rules (Code node)',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [900, 0],
			parameters: {
				mode: 'runOnceForAllItems',
				language: 'javaScript',
				jsCode: `const KEY = ${JSON.stringify(config.PSEUDONYMISATION_KEY)};\nconst PERIOD = ${JSON.stringify(period)};\n${SETTLEMENT_RULES}`,
			},
		},
		{ id: 'bench-loop', name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: [1440, 240], parameters: { batchSize: 1, options: {} } },
		{ id: 'bench-split', name: 'Split Out lines', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [1660, 340], parameters: { fieldToSplitOut: 'lines', include: 'noOtherFields', options: {} } },
		{
			id: 'bench-file',
			name: 'Statement file',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [1880, 340],
			parameters: { operation: 'xlsx', binaryPropertyName: 'data', options: { fileName: `={{ 'verrekening-' + ${loopItem}.municipalityCode + '.xlsx' }}` } },
		},
		{
			...mail,
			position: [2100, 340],
			parameters: {
				fromEmail: mail.parameters.fromEmail,
				toEmail: `={{ ${loopItem}.email }}`,
				subject: `={{ 'Verrekening jeugdhulp SJSO ${period} – ' + ${loopItem}.municipalityName + ' – ' + ${loopItem}.amountText }}`,
				emailFormat: 'text',
				text: `={{ 'Verrekening voor ' + ${loopItem}.pupils + ' leerlingen: ' + ${loopItem}.amountText + '. Zie de bijlage.' }}`,
				options: { appendAttribution: false, fileAttachments: 'data' },
			},
		},
	];
	const to = (n, index = 0) => ({ node: n, type: 'main', index });
	return {
		...ex,
		nodes,
		connections: {
			'Start (bench webhook)': { main: [[to('Read delivery records'), to('Read finance contacts')]] },
			'Read delivery records': { main: [[to('Extract delivery records')]] },
			'Extract delivery records': { main: [[to('Rules (Code node)')]] },
			'Rules (Code node)': { main: [[to('Add finance contact')]] },
			'Read finance contacts': { main: [[to('Extract finance contacts')]] },
			'Extract finance contacts': { main: [[to('Add finance contact', 1)]] },
			'Add finance contact': { main: [[to('Loop Over Items')]] },
			'Loop Over Items': { main: [[], [to('Split Out lines')]] },
			'Split Out lines': { main: [[to('Statement file')]] },
			'Statement file': { main: [[to('E-mail finance contact')]] },
			'E-mail finance contact': { main: [[to('Loop Over Items')]] },
		},
	};
}

/** Is this node type one of ours (a node of this package)? */
const isOurs = (type) => type.startsWith(OURS);

/** Write workflows as <dir>/<id>.json (the runtime imports the folder). */
function writeWorkflows(dir, workflows) {
	const ids = workflows.map((wf) => wf.id);
	const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
	if (twice.length) throw new Error(`bench workflow ids made twice: ${twice.join(', ')}`);
	fs.mkdirSync(dir, { recursive: true });
	for (const wf of workflows) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
}

module.exports = { weeklyExample, weeklyBaseline, settlementExample, settlementBaseline, writeWorkflows, isOurs, benchId };
