import { readFileSync } from "node:fs";

/**
 * The characters of the divisions' and townships' names that the recognition model's dictionary lacks
 * (`data/unreadable-place-chars.json`, built by scripts/build-unreadable-chars.ts), read when first needed.
 */
let unreadable: ReadonlySet<string> | undefined;

/**
 * Whether the recognizer can never read this character of a place's name (廻, 鄠, 圪: not in its dictionary): it
 * loses it or reads another in its room, so a reading that lacks it is as near the name as one that has it.
 *
 * @example
 * isUnreadable("廻"); // true
 * isUnreadable("龙"); // false
 */
export function isUnreadable(char: string): boolean {
  unreadable ??= new Set(
    Array.from(
      JSON.parse(
        readFileSync(new URL("./data/unreadable-place-chars.json", import.meta.url), "utf8"),
      ) as string,
    ),
  );
  return unreadable.has(char);
}

/** What a place's character the recognizer cannot read costs where it is lost or read as another. */
export const UNREADABLE_COST = 0.3;
