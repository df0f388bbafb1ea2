import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { addOcrCommand } from "./ocr-command.ts";
import { addRecognizeCommand } from "./recognize-command.ts";
import { addServeCommand } from "./serve-command.ts";

/** A bundled resident page, read when the command is started without arguments so a first run shows the product. */
const SAMPLE_IMAGE = fileURLToPath(
  new URL("../../test/fixtures/synth/household-resident-clean-0001.jpg", import.meta.url),
);

const program = new Command("zhengzhao").description(
  "Reads Chinese household registers and birth certificates from photos",
);
addOcrCommand(program);
addRecognizeCommand(program);
addServeCommand(program);

const args = process.argv.slice(2);
await program.parseAsync(
  args.length > 0 ? args : ["recognize", "--type", "household-resident", SAMPLE_IMAGE],
  {
    from: "user",
  },
);
