import type { Cable } from '../model';

/** How far back to look for the other sections of a telegram: its sections stand near one another in a file. */
const WINDOW = 200;

/** Which telegram a cable is a section of: its post and serial, or undefined without a text header. */
export function telegramKey(c: Cable): string | undefined {
  return c.textHeader?.post && c.textHeader.serial ? `${c.textHeader.post.replace(/\s+/g, '')} ${Number(c.textHeader.serial)}` : undefined;
}

/** The earlier sections of the same telegram in the file, nearest last (looking back a bounded distance, so a file of many cables stays linear). */
export function earlierSections(cable: Cable, all: readonly Cable[]): Cable[] {
  const k = telegramKey(cable);
  if (!k || !cable.section) return [];
  const out: Cable[] = [];
  for (let i = cable.index - 1; i >= 0 && i >= cable.index - WINDOW; i--) {
    const c = all[i];
    if (c.section && telegramKey(c) === k) out.unshift(c);
  }
  return out;
}
