import type { Cable } from '../model';

/** How far back to look for the other sections of a telegram: its sections stand near one another in a file. */
const WINDOW = 200;

/** Which telegram a cable is a section of: its post and serial, or undefined without a text header. */
export function telegramKey(c: Cable): string | undefined {
  return c.textHeader?.post && c.textHeader.serial ? `${c.textHeader.post.replace(/\s+/g, '')} ${Number(c.textHeader.serial)}` : undefined;
}

/** The earlier sections of the same telegram in the file, nearest last (looking back a bounded distance, so a file of many cables stays linear). */
export function earlierSections(cable: Cable, all: readonly Cable[]): Cable[] {
  return sectionsAround(cable, all, cable.index - WINDOW, cable.index - 1);
}

/** Every section of the same telegram in the file within the same bounded distance either side, this one included, in file order. */
export function telegramSections(cable: Cable, all: readonly Cable[]): Cable[] {
  if (!telegramKey(cable) || !cable.section) return [cable];
  return sectionsAround(cable, all, cable.index - WINDOW, cable.index + WINDOW);
}

function sectionsAround(cable: Cable, all: readonly Cable[], from: number, to: number): Cable[] {
  const k = telegramKey(cable);
  if (!k || !cable.section) return [];
  const out: Cable[] = [];
  for (let i = Math.max(0, from); i <= Math.min(all.length - 1, to); i++) {
    const c = all[i];
    if (c.section && telegramKey(c) === k) out.push(c);
  }
  return out;
}
