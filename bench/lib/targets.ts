import { isValidIdNumber, normaliseIdNumber } from "../../src/documents/shared/id-number.ts";
import type { GroupMetrics, Rate } from "./metrics.ts";
import { DOCUMENT_TYPES, inKnownOrder, TIERS } from "./order.ts";
import type { SampleEvaluation } from "./sample-evaluation.ts";

/** One of the product's accuracy and speed targets, with what this run measured against it. */
export interface TargetCheck {
  /** What is measured (`household-head / hard: fields exact`). */
  name: string;
  /** The goal as written (`≥ 95%`). */
  goal: string;
  /** The measured figure as the report prints it. */
  measured: string;
  /** Whether the goal is met; null when the run had nothing to measure it on. */
  met: boolean | null;
}

/** Field exact-match goals per tier; a tier not named here has no goal. */
export const TIER_GOALS: Readonly<Record<string, number>> = { clean: 0.99, moderate: 0.98, hard: 0.95 };
/** Blank fields answered empty, ID numbers exact. */
export const BLANK_GOAL = 0.995;
export const ID_GOAL = 0.995;
/** An ID number with a wrong check digit must never be returned this sure. */
export const INVALID_ID_MAX_PROB = 50;
/** Median time per page, end to end. */
export const MEDIAN_GOAL_MS = 1000;

const ID_KEY = /idcardnumber$/iu;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function rateCheck(name: string, rate: Rate, goal: number): TargetCheck {
  return {
    name,
    goal: `≥ ${percent(goal)}`,
    measured: rate.rate === null ? "—" : `${percent(rate.rate)} (${rate.correct}/${rate.total})`,
    met: rate.rate === null ? null : rate.rate >= goal,
  };
}

function countCheck(name: string, count: number, over: number, what: string): TargetCheck {
  return {
    name,
    goal: "0",
    measured: over === 0 ? "—" : `${count} of ${over} ${what}`,
    met: over === 0 ? null : count === 0,
  };
}

/**
 * Whether an answer is an ID number that fails its own check (or is not an ID number at all). Slashes alone are the
 * print code's filler for a parent not given (domain.md §2), not a number read.
 */
function invalidIdAnswer(value: string): boolean {
  return value !== "" && !/^\/+$/u.test(value) && !isValidIdNumber(normaliseIdNumber(value));
}

/**
 * Checks a run against the product's targets (issue 4): fields exact per type and tier, blank fields empty, nothing
 * invented on blank forms, ID numbers exact and never an invalid one returned sure, angle and corners on every
 * image, and the median time. The groups are those of the report, so the figures agree with its tables.
 */
export function checkTargets(
  samples: readonly SampleEvaluation[],
  overall: GroupMetrics,
  byTypeAndTier: readonly { type: string; tier: string; metrics: GroupMetrics }[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const type of inKnownOrder(
    byTypeAndTier.map((group) => group.type),
    DOCUMENT_TYPES,
  )) {
    for (const tier of TIERS) {
      const group = byTypeAndTier.find((entry) => entry.type === type && entry.tier === tier);
      const goal = TIER_GOALS[tier];
      if (!group || goal === undefined) continue;
      checks.push(rateCheck(`${type} / ${tier}: fields exact`, group.metrics.fieldAccuracy, goal));
    }
  }
  checks.push(rateCheck("blank fields answered empty", overall.blankAccuracy, BLANK_GOAL));
  const blankForms = samples.filter((sample) => sample.blankForm);
  const invented = blankForms.reduce(
    (sum, sample) => sum + sample.fields.filter((field) => field.blank && !field.match).length,
    0,
  );
  checks.push(countCheck("values invented on blank forms", invented, blankForms.length, "blank forms"));
  const ids = samples.flatMap((sample) => sample.fields.filter((field) => ID_KEY.test(field.key)));
  const idRate = ids.filter((field) => !field.blank).map((field) => field.match);
  checks.push(
    rateCheck(
      "ID numbers exact",
      {
        correct: idRate.filter(Boolean).length,
        total: idRate.length,
        rate: idRate.length === 0 ? null : idRate.filter(Boolean).length / idRate.length,
      },
      ID_GOAL,
    ),
  );
  const sureInvalid = ids.filter(
    (field) => invalidIdAnswer(field.got) && (field.valueProb ?? 100) > INVALID_ID_MAX_PROB,
  ).length;
  checks.push({
    ...countCheck(
      `invalid ID numbers returned with valueProb > ${INVALID_ID_MAX_PROB}`,
      sureInvalid,
      ids.length,
      "ID fields",
    ),
  });
  checks.push(rateCheck("angle right", overall.angleAccuracy, 1));
  checks.push(rateCheck("sliceRect corners within 2% of the diagonal", overall.cornerWithin, 1));
  checks.push({
    name: "median time per page",
    goal: `< ${MEDIAN_GOAL_MS} ms`,
    measured: overall.medianMs === null ? "—" : `${Math.round(overall.medianMs)} ms`,
    met: overall.medianMs === null ? null : overall.medianMs < MEDIAN_GOAL_MS,
  });
  return checks;
}
