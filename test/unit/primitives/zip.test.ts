/**
 * The stored-zip writer (domain/primitives/zip.ts): CRC-32 against the standard's check value and Node's own
 * zlib implementation, and archives read back by an independent reader (jszip, a dev dependency).
 */
import * as zlib from 'node:zlib';

import fc from 'fast-check';
import JSZip from 'jszip';

import { crc32, zipStored } from '../../../domain/primitives/zip';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
	it('gives the CRC-32 check value of "123456789" (0xCBF43926) and 0 for nothing', () => {
		expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array(0))).toBe(0);
	});

	it('agrees with Node’s zlib.crc32 on any bytes', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => crc32(data) === zlib.crc32(data)));
	});
});

describe('zipStored', () => {
	it('makes an archive jszip reads back entry by entry, stored, with UTF-8 names', async () => {
		const entries = [
			{ path: '[Content_Types].xml', data: bytes('<Types/>') },
			{ path: 'xl/€uro.xml', data: bytes('ë'.repeat(1000)) },
			{ path: 'empty.txt', data: new Uint8Array(0) },
		];
		const zip = await JSZip.loadAsync(zipStored(entries), { checkCRC32: true });
		expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'xl/€uro.xml', 'empty.txt']);
		expect(await zip.file('xl/€uro.xml')!.async('string')).toBe('ë'.repeat(1000));
		expect(await zip.file('empty.txt')!.async('string')).toBe('');
	});

	it('is deterministic: the same entries give the same bytes on any day (no clock inside)', () => {
		const entries = [{ path: 'a.txt', data: bytes('a') }];
		expect(Buffer.from(zipStored(entries)).equals(Buffer.from(zipStored(entries)))).toBe(true);
		// local header: signature PK\3\4, method 0 (stored), DOS date 1980-01-01 (0x0021) at offset 12
		const z = Buffer.from(zipStored(entries));
		expect(z.readUInt32LE(0)).toBe(0x04034b50);
		expect(z.readUInt16LE(8)).toBe(0);
		expect(z.readUInt16LE(12)).toBe(0x0021);
	});

	it('round-trips any set of files (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uniqueArray(fc.record({ path: fc.stringMatching(/^[a-z][a-z0-9]{0,8}(\/[a-z][a-z0-9]{0,8}){0,2}\.xml$/), data: fc.uint8Array({ maxLength: 300 }) }), { selector: (e) => e.path, maxLength: 6 }), async (entries) => {
				const zip = await JSZip.loadAsync(zipStored(entries), { checkCRC32: true });
				for (const e of entries) expect(Buffer.from(await zip.file(e.path)!.async('uint8array')).equals(Buffer.from(e.data))).toBe(true);
			}),
			{ numRuns: 30 },
		);
	});
});
