import { type CalendarDate, compareDates } from "./shared/dates.ts";
import { editDistance } from "./shared/edit-distance.ts";
import { idBirthDate, isValidIdNumber } from "./shared/id-number.ts";

/** What an age taken from the ID number in place of the one read keeps of its confidence. */
const FROM_ID_CONFIDENCE = 0.6;
/** What an age and an ID number that disagree keep of their confidences: one of them is wrong, not known which. */
const DISAGREEMENT_FACTOR = 0.6;

/**
 * The parents' ages on the birth certificate checked against their ID numbers: a parent's age is printed as at the
 * child's birth, so a valid ID number (its birth date) and the birth time say what it can be — the completed years,
 * or the difference of the years where an office counts so. An age read that is none of these but one character
 * from exactly one of them (`72` for 22, `2` for 32: a digit misread or lost beside its label) is taken as that one,
 * less sure. An age that agrees is left alone; a number far from both is kept as read, but it and the ID number are
 * both made less sure, since one of them is wrong. A parent whose ID number is not valid is left alone; an empty age
 * is not filled in.
 * Changes `data` and `probabilities` in place.
 */
export function reconcileParentAges(data: Record<string, string>, probabilities: Map<string, number>): void {
  const born = childBirthDate(data.birthTime ?? "");
  if (born === undefined) return;
  for (const parent of ["mother", "father"]) {
    const ageKey = `${parent}Age`;
    const read = data[ageKey] ?? "";
    const id = data[`${parent}IdCardNumber`] ?? "";
    if (read === "" || !isValidIdNumber(id)) continue;
    const birth = idBirthDate(id);
    if (birth === undefined || compareDates(birth, born) >= 0) continue;
    const ages = possibleAges(birth, born);
    if (ages.includes(read)) continue;
    const near = ages.filter((age) => editDistance(age, read) === 1);
    const only = near[0];
    if (near.length === 0) {
      for (const key of [ageKey, `${parent}IdCardNumber`]) {
        probabilities.set(key, (probabilities.get(key) ?? 0) * DISAGREEMENT_FACTOR);
      }
    }
    if (near.length !== 1 || only === undefined) continue;
    data[ageKey] = only;
    probabilities.set(ageKey, (probabilities.get(ageKey) ?? 0) * FROM_ID_CONFIDENCE);
  }
}

/** The child's birth date from the written birth time (`2019年06月26日09时28分`). */
function childBirthDate(birthTime: string): CalendarDate | undefined {
  const match = /^(\d{4})年(\d{2})月(\d{2})日/u.exec(birthTime);
  if (match === null) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The ages a person born on `birth` may be printed with on `on`: completed years, and the years' difference. */
function possibleAges(birth: CalendarDate, on: CalendarDate): string[] {
  const difference = on.year - birth.year;
  const hadBirthday = compareDates({ ...birth, year: on.year }, on) <= 0;
  const completed = hadBirthday ? difference : difference - 1;
  return [...new Set([String(completed), String(difference)])];
}
