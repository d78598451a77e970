/** Reading the KPI chart back (domain/deadlines/kpiChart.ts): what each line prints and how long its bar is. */

export interface ChartLine {
	label: string;
	/** The printed figure, or the "not shown" / "no outcome" text. */
	value: string;
	/** Width of the filled part of the bar in px; 0 for an empty bar; null when the line has no bar. */
	bar: number | null;
}

const LINE =
	/<tr><td style="padding:3px 10px 3px 0;[^"]*">([^<]*)<\/td><td style="padding:3px 0;[^"]*"( colspan="2")?>(?:(<table .*?<\/table>)<\/td><td style="[^"]*">([^<]*)|([^<]*)<\/td>)/g;

/** Every chart line in an HTML fragment or a whole e-mail, in order. */
export function chartLines(html: string): ChartLine[] {
	return [...html.matchAll(LINE)].map((m) => {
		const filled = m[3] ? /<td width="(\d+)"[^>]*bgcolor="(?!#e6e6e6)/.exec(m[3]) : null;
		return { label: m[1], value: (m[4] ?? m[5]).trim(), bar: m[3] ? (filled ? Number(filled[1]) : 0) : null };
	});
}
