import { deriveShortName, type ReferenceData } from '../data/reference';
import type { Cable } from '../model';
import { isSpace } from '../text/chars';
import { earlierSections } from './sections';
import type { Finding, Rule } from './types';

/** `s` without its blanks; most names have none, and are returned as they are without a regex call. */
function squash(s: string): string {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return s.replace(/\s+/g, '');
  return s;
}

/** The six-character station this cable's page headers should carry. */
function stationOf(cable: Cable, reference: ReferenceData): { short: string; from: string } | undefined {
  if (cable.from) return { short: reference.post(cable.from.designation)?.shortName ?? deriveShortName(cable.from.designation), from: cable.from.designation };
  const post = cable.textHeader?.post;
  if (post) return { short: post === 'STATE' ? 'STATE' : squash(post.slice(0, 6)), from: post };
  return undefined;
}

/** The place of a designation, for comparing with a text header or MRN (`AMEMBASSY PORT AU PRINCE` → `PORTAUPRINCE`). */
function placeOf(designation: string): string {
  if (/^SECSTATE\b/.test(designation)) return 'STATE';
  return squash(designation.replace(/^(AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|USLO|USOFFICE|AIT|USDEL)\s+/, ''));
}

function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const x = squash(a);
  const y = squash(b);
  return x === y || (x.length >= 4 && y.startsWith(x)) || (y.length >= 4 && x.startsWith(y));
}

/** Page headers whose post or serial disagree with the cable's, pages out of order, SECTION n OF m inconsistent. */
export const headerMismatch: Rule = {
  id: 'header-mismatch',
  description: "Page headers whose post or serial disagree with the cable's, pages out of order, SECTION n OF m inconsistent.",
  defaultSeverity: 'warning',
  readsOtherCables: true,
  check({ cable, doc, reference }) {
    const out: Finding[] = [];
    if (cable.pageHeaders.length) pageHeaderProblems(out, cable, reference);
    const th = cable.textHeader;
    const place = cable.from ? placeOf(cable.from.designation) : undefined;
    if (th?.post && th.postSpan && cable.from && place !== undefined && !samePlace(th.post, place)) {
      out.push({ range: th.postSpan, message: `The text header names ${th.post} but the cable is from ${cable.from.designation}: the text header carries the originating post.` });
    }
    const mrn = cable.mrn;
    if (mrn && cable.from && place !== undefined && !samePlace(mrn.post, place)) {
      out.push({ range: mrn, message: `The MRN names ${mrn.post} but the cable is from ${cable.from.designation}: the MRN carries the originating post.` });
    }
    const sec = cable.section;
    if (sec) {
      if (sec.part < 1 || sec.of < 1 || sec.part > sec.of) {
        out.push({ range: sec, message: `SECTION ${sec.part} OF ${sec.of} is impossible: the section number runs from 1 to the number of sections.` });
      } else {
        out.push(...sectionSequence(cable, doc.cables));
      }
    }
    return out;
  },
};

/** Page headers whose station or serial is not the cable's, and pages out of order, added to `out`. */
function pageHeaderProblems(out: Finding[], cable: Cable, reference: ReferenceData): void {
  const station = stationOf(cable, reference);
  const serial = cable.textHeader?.serial ?? cable.pageHeaders.find((p) => p.serial)?.serial;
  const serialSource = cable.textHeader?.serial ? 'the text header' : 'the first page header';
  cable.pageHeaders.forEach((ph, i) => {
    if (station && ph.post && ph.postSpan && ph.post !== station.short && !samePlace(ph.post, station.short)) {
      out.push({ range: ph.postSpan, message: `Page header station '${ph.post}' is not this cable's: a cable from ${station.from} carries '${station.short}' on every page.` });
    }
    if (serial && ph.serial && ph.serialSpan && Number(ph.serial) !== Number(serial)) {
      out.push({ range: ph.serialSpan, message: `Page header serial ${ph.serial} differs from the cable's serial ${serial} in ${serialSource}.` });
    }
    const prev = cable.pageHeaders[i - 1];
    const want = prev ? prev.page + 1 : 1;
    if (ph.page !== want) {
      const pad = (n: number) => String(n).padStart(2, '0');
      out.push({
        range: ph.pageSpan,
        message: prev ? `Page ${pad(ph.page)} follows page ${pad(prev.page)}: pages run in order, so this one should be ${pad(want)}.` : `The first page header is page ${pad(ph.page)}: a cable starts on page 01, so a page is missing or out of place.`,
      });
    }
  });
}

/** Sections of one telegram (same post and serial) in one file must agree on their count and run in order. */
function sectionSequence(cable: Cable, all: Cable[]): Finding[] {
  const sec = cable.section!;
  const earlier = earlierSections(cable, all);
  const prev = earlier[earlier.length - 1];
  if (!prev) return [];
  const p = prev.section!;
  if (p.of !== sec.of) return [{ range: sec, message: `SECTION ${sec.part} OF ${sec.of} disagrees with the earlier SECTION ${p.part} OF ${p.of} of the same telegram on the number of sections.` }];
  if (earlier.some((c) => c.section!.part === sec.part)) return [{ range: sec, message: `SECTION ${sec.part} OF ${sec.of} appears twice for the same telegram.` }];
  if (sec.part < p.part) return [{ range: sec, message: `SECTION ${sec.part} OF ${sec.of} comes after section ${p.part}: sections run in order.` }];
  return [];
}
