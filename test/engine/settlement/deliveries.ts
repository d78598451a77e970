/** Synthetic delivery records the settlement engine tests share. */
import type { IDataObject } from 'n8n-workflow';

/** Amsterdam SJSO, 2026-Q1, 2 fte × € 90.000 × 3/12 = € 45.000,00 over 7 pupils; Haarlem (0392) and Amstelveen (0362) are not members (Ouder-Amstel is, since 2022). */
export const DELIVERIES: IDataObject[] = [
	{ leerling: 'Noor Testkind', school: '12AB', woongemeente: '0363', arrangement: 'individueel', uren: 10 },
	{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: 'Diemen', arrangement: 'groep', uren: 4 },
	{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: '0392', arrangement: 'individueel', uren: 6 },
	{ leerling: 'Lotte Fictiefsma', school: '12AB', woongemeente: '0392', arrangement: 'groepsaanbod', uren: 2 },
	{ leerling: 'Finn Nepstra', school: '34CD', woongemeente: 'Amstelveen', arrangement: 'individueel', uren: 8 },
	{ leerling: 'Emma Synthema', school: '34CD', woongemeente: 'GM0362', arrangement: 'extra ondersteuning', uren: '3,5' },
	{ leerling: 'Levi Oefenhuis', school: '34CD', woongemeente: 'Amsterdam', arrangement: 'group', uren: 1 },
];
