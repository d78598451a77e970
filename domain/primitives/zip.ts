/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, method 0 "stored"): enough for an Office Open XML file (an xlsx
 * is a zip of XML parts). Pure: bytes in, bytes out, no compression library, no `zlib` (n8n's community-node
 * rules allow no Node built-in but `crypto`), no clock (every entry carries the DOS date 1980-01-01 00:00, so
 * the same parts always give the same bytes). Why stored and hand-written: CONTRIBUTING.md "Files the nodes make".
 */

/** One file in the archive: its path inside the zip (forward slashes) and its content. */
export interface ZipEntry {
	path: string;
	data: Uint8Array;
}

const CRC_TABLE: Uint32Array = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320), as zip stores it. */
export function crc32(data: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** The DOS date of 1980-01-01 (year-1980 << 9 | month << 5 | day), time 00:00: fixed, see above. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** General purpose flag bit 11: file names are UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION = 20;

/**
 * The archive's bytes: each entry stored uncompressed with its CRC-32, then the central directory.
 * @throws Error when an entry or the archive would need ZIP64 (4 GiB, 65535 entries): a statement never does
 */
export function zipStored(entries: readonly ZipEntry[]): Uint8Array {
	if (entries.length > 0xffff) throw new Error('Too many zip entries');
	const encoder = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = encoder.encode(entry.path);
		const size = entry.data.length;
		const crc = crc32(entry.data);
		const local = new Uint8Array(30 + name.length);
		const l = new DataView(local.buffer);
		l.setUint32(0, 0x04034b50, true);
		l.setUint16(4, VERSION, true);
		l.setUint16(6, UTF8_NAMES, true);
		l.setUint16(8, 0, true); // stored
		l.setUint16(10, DOS_TIME, true);
		l.setUint16(12, DOS_DATE, true);
		l.setUint32(14, crc, true);
		l.setUint32(18, size, true);
		l.setUint32(22, size, true);
		l.setUint16(26, name.length, true);
		l.setUint16(28, 0, true);
		local.set(name, 30);

		const central = new Uint8Array(46 + name.length);
		const c = new DataView(central.buffer);
		c.setUint32(0, 0x02014b50, true);
		c.setUint16(4, VERSION, true);
		c.setUint16(6, VERSION, true);
		c.setUint16(8, UTF8_NAMES, true);
		c.setUint16(10, 0, true);
		c.setUint16(12, DOS_TIME, true);
		c.setUint16(14, DOS_DATE, true);
		c.setUint32(16, crc, true);
		c.setUint32(20, size, true);
		c.setUint32(24, size, true);
		c.setUint16(28, name.length, true);
		// extra length, comment length, disk number, internal and external attributes: 0
		c.setUint32(42, offset, true);
		central.set(name, 46);

		locals.push(local, entry.data);
		centrals.push(central);
		offset += local.length + size;
		if (offset > 0xffffffff) throw new Error('Zip archive too large');
	}
	const centralSize = centrals.reduce((a, b) => a + b.length, 0);
	const end = new Uint8Array(22);
	const e = new DataView(end.buffer);
	e.setUint32(0, 0x06054b50, true);
	e.setUint16(8, entries.length, true);
	e.setUint16(10, entries.length, true);
	e.setUint32(12, centralSize, true);
	e.setUint32(16, offset, true);

	const out = new Uint8Array(offset + centralSize + end.length);
	let at = 0;
	for (const part of [...locals, ...centrals, end]) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
