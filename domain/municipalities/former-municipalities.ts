/**
 * Dutch municipalities that existed on or after 1 January 2015 (the Jeugdwet's start) and have since been
 * discontinued (opgeheven) by a gemeentelijke herindeling or a change of name, with what became of each.
 *
 * Built from CBS's public overview of municipal changes and checked entry by entry against the public
 * sources below (S1–S14); the key of the source(s) that confirm an entry is in its last column. Where the
 * sources differ, the entry says so in a comment. Looked up 30 November 2026. The StatLine table itself
 * (S1) could not be read as data here: the changes per year come from CBS's yearly news releases and the
 * official texts below, the codes from S14 and the CBS list of 1 January 2025; a unit test recomputes
 * CBS's published municipality counts per year (393 in 2015 … 342 in 2023) from this table.
 *
 * Rules (CBS, S1): when municipalities merge under a new name, or a municipality changes its name, the
 * result gets a new gemeentecode; when one is absorbed by another, or merges under the name of one of the
 * partners, the code of that partner stays. A split municipality disappears over several successors.
 *
 * Coverage: every change effective from 1 January 2015 up to and including 1 January 2023. The sources
 * found show no change effective on 1 January 2024, 1 January 2025 or 1 January 2026: the CBS list of
 * 1 January 2025 (`gemeenten-2025-01-01.ts`) has 342 municipalities, the same number as after the 2023
 * change (S13), and no source announces a 2026 herindeling. Add later changes here as they take effect.
 *
 * Sources:
 * - S1  CBS, "Herindelingen en grenswijzigingen" (dossier Nederland regionaal; gemeentecode rules, the
 *       StatLine table "Gebieden; overzicht vanaf 1830" with begin and end dates of every municipality),
 *       https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/informatie-voor-gemeenten/herindelingen-en-grenswijzigingen
 * - S2  CBS news 2015/02 (January 2015) "Per 1 januari 2015 393 gemeenten" (changes of 1 January 2015).
 * - S3  metatopos.eu, Staatsblad 2014, 188 (Wet van 14 mei 2014; Groesbeek, Millingen aan de Rijn, Ubbergen; name Groesbeek in
 *       2015, Berg en Dal from 1 January 2016) and internetgemeentegids.nl "Gemeente Berg en Dal".
 * - S4  bedrijvenwegwijzer.nl "De Friese Meren" and jongfryskemienskip.frl: name De Fryske Marren from
 *       1 July 2015 (bernlef.frl says 1 January 2015 — see the entry).
 * - S5  metatopos.eu, Staatsblad 2015, 178 (Wet van 8 april 2015, Edam-Volendam and Zeevang) and plaatsengids.nl "Zeevang"
 *       (opgeheven 1 January 2016); nds-nl.wikipedia "Gooise Meren" (Bussum, Naarden, Muiden, 1 January 2016).
 * - S6  CBS via liwwadders.nl (December 2016) and meierijstad.nl "Geschiedenis van Meierijstad"
 *       (Schijndel, Sint-Oedenrode, Veghel → Meierijstad, 1 January 2017).
 * - S7  VNG news (end of 2017), "Hoeveel gemeenten zijn er per 2018" (changes of 1 January 2018, Littenseradiel split).
 * - S8  CBS via blikopnieuws.nl (December 2018), Eerste Kamer via blikopnieuws.nl (July 2018) and
 *       telegraaf.nl "Deze 25 gemeenten verdwijnen straks" (2018): the twelve herindelingen of 1 January
 *       2019; Winsum split, its villages Ezinge, Feerwerd and Garnwerd going to Westerkwartier.
 * - S9  ANP/CBS via zeelandnet.nl (31 December 2020; changes of 1 January 2021: Eemsdelta, Haaren split).
 * - S10 CBS via nd.nl and blikopnieuws.nl (December 2021): changes of 1 January 2022.
 * - S11 Tweede Kamer, Kamerstuk 35623 nr. 3 of 4 November 2020 (memorie van toelichting Herindeling Amsterdam en Weesp):
 *       Weesp added to Amsterdam on 24 March 2022.
 * - S12 de.wikipedia, "Gebietsreformen in den Niederlanden" (user draft by Fantaglobe11, 2023), tables 2021–2023.
 * - S13 DOMAIN.md (Brielle since 2023 part of Voorne aan Zee) with S12.
 * - S14 CBS gemeentecodes of the discontinued municipalities: a public SQL file `goinsp.sql` (22 December
 *       2015) listing the CBS regions GMxxxx with names; a public RIVM COVID-19 analysis script (mzelst)
 *       merging GM0457→GM0363, GM0370→GM0439, GM0398/GM0416→GM1980, GM1685/GM0856→GM1991,
 *       GM0756/GM1684/GM0786/GM0815/GM1702→GM1982, GM0003/GM0010/GM0024→GM1979 and dropping GM0788.
 *       Codes of current successors: CBS list of 1 January 2025.
 */

/**
 * What became of a discontinued municipality:
 * - `absorbed`: added to an existing municipality that kept its code (lichte samenvoeging);
 * - `merged`: merged into a newly formed municipality with a new code;
 * - `renamed`: the same municipality under a new name, hence a new code;
 * - `split`: its territory was divided over several municipalities.
 */
export type FormerFate = 'absorbed' | 'merged' | 'renamed' | 'split';

/** code, name, the date it ended (first day it no longer existed, ISO), fate, successor code(s), source keys. */
export type FormerMunicipalityRow = readonly [code: string, name: string, ended: string, fate: FormerFate, successors: readonly string[], sources: string];

export const FORMER_MUNICIPALITIES_SOURCE = 'CBS overzicht gemeentelijke herindelingen 2015–2023 (see former-municipalities.ts for the sources per entry)';

/** The earliest end date the table covers: municipalities that still existed on the Jeugdwet's first day. */
export const FORMER_MUNICIPALITIES_FROM = '2015-01-01';

export const FORMER_MUNICIPALITIES: readonly FormerMunicipalityRow[] = [
	// 1 January 2015 (S2; codes S14)
	['0458', 'Schermer', '2015-01-01', 'absorbed', ['0361'], 'S2 S14'],
	['0365', 'Graft-De Rijp', '2015-01-01', 'absorbed', ['0361'], 'S2 S14'],
	['0265', 'Millingen aan de Rijn', '2015-01-01', 'absorbed', ['0241'], 'S2 S3 S14'],
	['0282', 'Ubbergen', '2015-01-01', 'absorbed', ['0241'], 'S2 S3 S14'],
	['0491', 'Bergambacht', '2015-01-01', 'merged', ['1931'], 'S2 S14'],
	['0643', 'Nederlek', '2015-01-01', 'merged', ['1931'], 'S2 S14'],
	['0644', 'Ouderkerk', '2015-01-01', 'merged', ['1931'], 'S2 S14'],
	['0608', 'Schoonhoven', '2015-01-01', 'merged', ['1931'], 'S2 S14'],
	['0623', 'Vlist', '2015-01-01', 'merged', ['1931'], 'S2 S14'],
	['0568', 'Bernisse', '2015-01-01', 'merged', ['1930'], 'S2 S14'],
	['0612', 'Spijkenisse', '2015-01-01', 'merged', ['1930'], 'S2 S14'],
	['1671', 'Maasdonk', '2015-01-01', 'split', ['0796', '0828'], 'S2 S14'],
	// Name change in 2015. S4 (two sources) give 1 July 2015; bernlef.frl gives 1 January 2015.
	['1921', 'De Friese Meren', '2015-07-01', 'renamed', ['1940'], 'S4 S14'],
	// 1 January 2016
	['0381', 'Bussum', '2016-01-01', 'merged', ['1942'], 'S5 S14'],
	['0424', 'Muiden', '2016-01-01', 'merged', ['1942'], 'S5 S14'],
	['0425', 'Naarden', '2016-01-01', 'merged', ['1942'], 'S5 S14'],
	// Formally a new municipality under the partner's name Edam-Volendam, which kept code 0385 (S5, S1 rule).
	['0478', 'Zeevang', '2016-01-01', 'absorbed', ['0385'], 'S5 S14'],
	// Groesbeek after the 2015 merger, renamed Berg en Dal (new code 1945) on 1 January 2016.
	['0241', 'Groesbeek', '2016-01-01', 'renamed', ['1945'], 'S3 S14'],
	// 1 January 2017
	['0844', 'Schijndel', '2017-01-01', 'merged', ['1948'], 'S6 S14'],
	['0846', 'Sint-Oedenrode', '2017-01-01', 'merged', ['1948'], 'S6 S14'],
	['0860', 'Veghel', '2017-01-01', 'merged', ['1948'], 'S6 S14'],
	// 1 January 2018 (S7)
	['0196', 'Rijnwaarden', '2018-01-01', 'absorbed', ['0299'], 'S7 S14'],
	['0048', 'Vlagtwedde', '2018-01-01', 'merged', ['1950'], 'S7 S14'],
	['0007', 'Bellingwedde', '2018-01-01', 'merged', ['1950'], 'S7 S14'],
	['0018', 'Hoogezand-Sappemeer', '2018-01-01', 'merged', ['1952'], 'S7 S14'],
	['1987', 'Menterwolde', '2018-01-01', 'merged', ['1952'], 'S7 S14'],
	['0040', 'Slochteren', '2018-01-01', 'merged', ['1952'], 'S7 S14'],
	['0070', 'Franekeradeel', '2018-01-01', 'merged', ['1949'], 'S7 S14'],
	['0063', 'het Bildt', '2018-01-01', 'merged', ['1949'], 'S7 S14'],
	['1908', 'Menameradiel', '2018-01-01', 'merged', ['1949'], 'S7 S14'],
	['0081', 'Leeuwarderadeel', '2018-01-01', 'absorbed', ['0080'], 'S7 S14'],
	['0140', 'Littenseradiel', '2018-01-01', 'split', ['0080', '1900', '1949'], 'S7 S14'],
	// 1 January 2019 (S8)
	['0017', 'Haren', '2019-01-01', 'absorbed', ['0014'], 'S8 S14'],
	['0009', 'Ten Boer', '2019-01-01', 'absorbed', ['0014'], 'S8 S14'],
	['0585', 'Binnenmaas', '2019-01-01', 'merged', ['1963'], 'S8 S14'],
	['0611', 'Cromstrijen', '2019-01-01', 'merged', ['1963'], 'S8 S14'],
	['0588', 'Korendijk', '2019-01-01', 'merged', ['1963'], 'S8 S14'],
	['0584', 'Oud-Beijerland', '2019-01-01', 'merged', ['1963'], 'S8 S14'],
	['0617', 'Strijen', '2019-01-01', 'merged', ['1963'], 'S8 S14'],
	['0545', 'Leerdam', '2019-01-01', 'merged', ['1961'], 'S8 S14'],
	['0620', 'Vianen', '2019-01-01', 'merged', ['1961'], 'S8 S14'],
	['0707', 'Zederik', '2019-01-01', 'merged', ['1961'], 'S8 S14'],
	['0738', 'Aalburg', '2019-01-01', 'merged', ['1959'], 'S8 S14'],
	['0870', 'Werkendam', '2019-01-01', 'merged', ['1959'], 'S8 S14'],
	['0874', 'Woudrichem', '2019-01-01', 'merged', ['1959'], 'S8 S14'],
	['0951', 'Nuth', '2019-01-01', 'merged', ['1954'], 'S8 S14'],
	['0881', 'Onderbanken', '2019-01-01', 'merged', ['1954'], 'S8 S14'],
	['0962', 'Schinnen', '2019-01-01', 'merged', ['1954'], 'S8 S14'],
	['0393', 'Haarlemmerliede en Spaarnwoude', '2019-01-01', 'absorbed', ['0394'], 'S8 S14'],
	['0005', 'Bedum', '2019-01-01', 'merged', ['1966'], 'S8 S14'],
	['1663', 'De Marne', '2019-01-01', 'merged', ['1966'], 'S8 S14'],
	['1651', 'Eemsmond', '2019-01-01', 'merged', ['1966'], 'S8 S14'],
	// Winsum went mostly to Het Hogeland; Ezinge, Feerwerd and Garnwerd went to Westerkwartier (S8).
	['0053', 'Winsum', '2019-01-01', 'split', ['1966', '1969'], 'S8 S14'],
	['0015', 'Grootegast', '2019-01-01', 'merged', ['1969'], 'S8 S14'],
	['0022', 'Leek', '2019-01-01', 'merged', ['1969'], 'S8 S14'],
	['0025', 'Marum', '2019-01-01', 'merged', ['1969'], 'S8 S14'],
	['0056', 'Zuidhorn', '2019-01-01', 'merged', ['1969'], 'S8 S14'],
	['0689', 'Giessenlanden', '2019-01-01', 'merged', ['1978'], 'S8 S14'],
	['1927', 'Molenwaard', '2019-01-01', 'merged', ['1978'], 'S8 S14'],
	['0058', 'Dongeradeel', '2019-01-01', 'merged', ['1970'], 'S8 S14'],
	['1722', 'Ferwerderadiel', '2019-01-01', 'merged', ['1970'], 'S8 S14'],
	['0079', 'Kollumerland en Nieuwkruisland', '2019-01-01', 'merged', ['1970'], 'S8 S14'],
	['0576', 'Noordwijkerhout', '2019-01-01', 'absorbed', ['0575'], 'S8 S14'],
	['0236', 'Geldermalsen', '2019-01-01', 'merged', ['1960'], 'S8 S14'],
	['0733', 'Lingewaal', '2019-01-01', 'merged', ['1960'], 'S8 S14'],
	['0304', 'Neerijnen', '2019-01-01', 'merged', ['1960'], 'S8 S14'],
	// 1 January 2021 (S9, S12)
	['0003', 'Appingedam', '2021-01-01', 'merged', ['1979'], 'S9 S12 S14'],
	['0010', 'Delfzijl', '2021-01-01', 'merged', ['1979'], 'S9 S12 S14'],
	['0024', 'Loppersum', '2021-01-01', 'merged', ['1979'], 'S9 S12 S14'],
	// Esch → Boxtel, Haaren → Oisterwijk, Biezenmortel → Tilburg, Helvoirt → Vught (S12).
	['0788', 'Haaren', '2021-01-01', 'split', ['0757', '0824', '0855', '0865'], 'S9 S12 S14'],
	// 1 January 2022 (S10, S12)
	['0756', 'Boxmeer', '2022-01-01', 'merged', ['1982'], 'S10 S12 S14'],
	['1684', 'Cuijk', '2022-01-01', 'merged', ['1982'], 'S10 S12 S14'],
	['0786', 'Grave', '2022-01-01', 'merged', ['1982'], 'S10 S12 S14'],
	['0815', 'Mill en Sint Hubert', '2022-01-01', 'merged', ['1982'], 'S10 S12 S14'],
	['1702', 'Sint Anthonis', '2022-01-01', 'merged', ['1982'], 'S10 S12 S14'],
	['1685', 'Landerd', '2022-01-01', 'merged', ['1991'], 'S10 S12 S14'],
	['0856', 'Uden', '2022-01-01', 'merged', ['1991'], 'S10 S12 S14'],
	['0370', 'Beemster', '2022-01-01', 'absorbed', ['0439'], 'S10 S12 S14'],
	['0398', 'Heerhugowaard', '2022-01-01', 'merged', ['1980'], 'S10 S12 S14'],
	['0416', 'Langedijk', '2022-01-01', 'merged', ['1980'], 'S10 S12 S14'],
	// 24 March 2022, not 1 January, so that the herindeling election fell on the regular one (S11).
	['0457', 'Weesp', '2022-03-24', 'absorbed', ['0363'], 'S10 S11 S12 S14'],
	// 1 January 2023 (S12, S13)
	['0501', 'Brielle', '2023-01-01', 'merged', ['1992'], 'S12 S13 S14'],
	['0530', 'Hellevoetsluis', '2023-01-01', 'merged', ['1992'], 'S12 S14'],
	['0614', 'Westvoorne', '2023-01-01', 'merged', ['1992'], 'S12 S14'],
];
