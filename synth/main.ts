import { Command, InvalidArgumentError, Option } from "commander";
import { CAPTURE_TIERS, type CaptureTier } from "./capture/capture-plan.ts";
import { renderDocument } from "./document/render-document.ts";
import { generateSet, SYNTH_TYPES, type SynthType } from "./generate-set.ts";

function integer(name: string, minimum: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < minimum)
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${minimum}`);
    return value;
  };
}

function rate(text: string): number {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new InvalidArgumentError("must be between 0 and 1");
  return value;
}

const program = new Command("synth")
  .description("Writes synthetic captures of household registers and birth certificates, with labels.jsonl")
  .addOption(new Option("--type <type>", "document type").choices([...SYNTH_TYPES, "all"]).default("all"))
  .requiredOption("--count <n>", "number of images", integer("--count", 1))
  .option("--seed <s>", "seed; the same seed gives the same bytes", integer("--seed", 0), 1)
  .requiredOption("--out <dir>", "output directory (created if missing)")
  .addOption(
    new Option("--tier <tier>", "capture difficulty").choices([...CAPTURE_TIERS, "mixed"]).default("mixed"),
  )
  .option(
    "--max-side <px>",
    "longest image side; bigger captures are scaled down whole",
    integer("--max-side", 64),
  )
  .option("--blank-rate <p>", "share of blank forms, passed to the renderer", rate)
  .action(
    async (options: {
      type: string;
      count: number;
      seed: number;
      out: string;
      tier: string;
      blankRate?: number;
      maxSide?: number;
    }) => {
      const types = options.type === "all" ? SYNTH_TYPES : [options.type as SynthType];
      const started = performance.now();
      await generateSet(
        {
          types,
          count: options.count,
          seed: options.seed,
          tier: options.tier as CaptureTier | "mixed",
          outDir: options.out,
          ...(options.maxSide === undefined ? {} : { maxSide: options.maxSide }),
          onImage: (index, label) =>
            process.stderr.write(
              `[${index + 1}/${options.count}] ${label.file} ${label.width}×${label.height}\n`,
            ),
        },
        (type, random) =>
          renderDocument(
            type,
            random,
            options.blankRate === undefined ? {} : { blankRate: options.blankRate },
          ),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `wrote ${options.count} images and labels.jsonl to ${options.out} in ${seconds} s\n`,
      );
    },
  );

await program.parseAsync();
