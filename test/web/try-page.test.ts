// The page to try the service (体验馆), in a real browser: Debian's Chromium driven by playwright-core, against a real
// server with the real recognizer on a loopback port. Screenshots go to test-results/web/ (git-ignored).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { parseServerConfig } from "../../src/config/server-config.ts";
import { type RunningServer, startServer } from "../../src/http/server.ts";
import { ERROR_MESSAGES_ZH, pageDocumentTypes } from "../../src/http/web-text.ts";
import { createRecognizer, type Recognizer } from "../../src/index.ts";
import type { DocumentType, Point } from "../../src/types.ts";
import { inProcessRecognize } from "../support/in-process-recognize.ts";

/** The browser from the system's packages; the test never downloads one. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FIXTURES = new URL("../fixtures/synth/", import.meta.url);
const SHOTS = new URL("../../test-results/web/", import.meta.url);
const WAIT_MS = 180_000;

interface Label {
  file: string;
  type: DocumentType;
  fields: Record<string, string>;
  fieldQuads: Record<string, Point[][]>;
}

const labels: Label[] = readFileSync(new URL("labels.jsonl", FIXTURES), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

/** One clean fixture per type and fields that the recognizer reads on it; the first one's box is located too. */
const CASES: Array<{ type: DocumentType; file: string; checked: string[] }> = [
  {
    type: "household-head",
    file: "household-head-clean-0000.jpg",
    checked: ["householderName", "householdNumber", "address", "issueDate"],
  },
  {
    type: "household-resident",
    file: "household-resident-clean-0001.jpg",
    checked: ["name", "sex", "ethnicity", "birthDate"],
  },
  {
    type: "birth-certificate",
    file: "birth-certificate-clean-0002.jpg",
    checked: ["neonatalName", "sex", "motherName", "fatherName"],
  },
];

function fixturePath(file: string): string {
  return new URL(file, FIXTURES).pathname;
}

function labelOf(file: string): Label {
  const label = labels.find((entry) => entry.file === file);
  assert.ok(label, `no label for ${file}`);
  return label;
}

/** Log lines of the servers, to check that nothing private is written. */
const logLines: string[] = [];
const logger = {
  level: "info",
  stream: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
};

interface Row {
  key: string;
  label: string;
  value: string;
  low: boolean;
}

async function openPage(browser: Browser, url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector("main[data-state=idle]");
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

/** Chooses the type, gives the file to the page's file input, waits for the answer. */
async function submit(page: Page, type: DocumentType, file: string | { name: string; buffer: Buffer }) {
  await page.click(`label[for="type-${type}"]`);
  assert.ok(await page.isChecked(`#type-${type}`));
  await page.setInputFiles(
    "#file",
    typeof file === "string" ? file : { ...file, mimeType: "application/octet-stream" },
  );
  await page.waitForSelector("main[data-state=done], main[data-state=error]", { timeout: WAIT_MS });
}

async function rowsOf(page: Page): Promise<Row[]> {
  return page.$$eval("#fields tbody tr", (rows) =>
    rows.map((row) => ({
      key: row.getAttribute("data-key") ?? "",
      label: row.querySelector(".label")?.textContent ?? "",
      value: row.querySelector(".value")?.textContent ?? "",
      low: row.classList.contains("low"),
    })),
  );
}

async function errorOf(page: Page): Promise<{ code: string; message: string }> {
  await page.waitForSelector("#error:not([hidden])");
  return {
    code: (await page.textContent("#error .error-code")) ?? "",
    message: (await page.textContent("#error .error-message")) ?? "",
  };
}

describe("the page to try it (体验馆) in Chromium", () => {
  let recognizer: Recognizer;
  let server: RunningServer;
  let signedServer: RunningServer;
  let browser: Browser;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: the browser test needs it. Install it with ` +
          "`apt-get install -y --no-install-recommends chromium fonts-noto-cjk` (or set CHROMIUM_PATH).",
      );
    }
    mkdirSync(SHOTS, { recursive: true });
    recognizer = await createRecognizer();
    const recognize = inProcessRecognize(recognizer);
    const base = { host: "127.0.0.1", port: 0, workers: 1 };
    server = await startServer(parseServerConfig(base), recognize, { logger });
    const keys = [{ accessKeyId: "page-key", accessKeySecret: "page-secret" }];
    signedServer = await startServer(parseServerConfig({ ...base, keys }), recognize, { logger });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await signedServer?.close();
    await recognizer?.dispose();
  });

  for (const { type, file, checked } of CASES) {
    it(`reads ${file}: table, boxes over the image, hover and focus linked both ways`, async () => {
      const label = labelOf(file);
      const fields = pageDocumentTypes().find((entry) => entry.type === type)?.fields ?? [];
      const page = await openPage(browser, server.url);
      await submit(page, type, fixturePath(file));
      assert.equal(await page.getAttribute("main", "data-state"), "done", await page.innerText("#error"));

      // The table: every key of the type in order, with its Chinese label and the value the server sent.
      const body = JSON.parse((await page.textContent("#json")) ?? "");
      const rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((row) => [row.key, row.label]),
        fields.map((field) => [field.key, field.label]),
      );
      for (const row of rows) {
        const value = body.Data.data[row.key];
        assert.equal(row.value, value === "" ? "（空）" : value, row.key);
        const info = body.Data.prism_keyValueInfo.find((entry: { key: string }) => entry.key === row.key);
        assert.equal(row.low, value !== "" && info.valueProb < 80, `${row.key} low-confidence mark`);
      }
      for (const key of checked) {
        assert.equal(rows.find((row) => row.key === key)?.value, label.fields[key], `${file} ${key}`);
      }
      assert.match((await page.textContent("#timing")) ?? "", /识别用时 \d+ ms/);

      // The boxes: one per value with a position, plus the document outline, drawn within the image.
      const positioned = body.Data.prism_keyValueInfo.filter(
        (entry: { valuePos?: unknown }) => entry.valuePos,
      );
      assert.ok(positioned.length >= checked.length);
      assert.equal(await page.locator("#overlay .box").count(), positioned.length);
      assert.equal(await page.locator("#overlay .outline").count(), 1);
      const stage = await page.locator("#stage").boundingBox();
      const image = await page.locator("#preview").boundingBox();
      assert.ok(stage && image && image.width > 200 && image.height > 100, "the image is shown");

      // The first checked value's box sits where the label file says its ink is, scaled to the screen.
      const key = checked[0] as string;
      const box = await page.locator(`#overlay .box[data-key="${key}"] polygon`).boundingBox();
      assert.ok(box, `a box for ${key}`);
      const scale = image.width / body.Data.orgWidth;
      const ink = (label.fieldQuads[key] ?? []).flat();
      assert.ok(ink.length > 0);
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const xs = ink.map((point) => image.x + point.x * scale);
      const ys = ink.map((point) => image.y + point.y * scale);
      const slack = 12;
      assert.ok(
        centre.x >= Math.min(...xs) - slack &&
          centre.x <= Math.max(...xs) + slack &&
          centre.y >= Math.min(...ys) - slack &&
          centre.y <= Math.max(...ys) + slack,
        `the box of ${key} is drawn over its value`,
      );

      // Hovering a row highlights its box; hovering a box highlights its row; keyboard focus does it too.
      const boxOf = (name: string) => page.locator(`#overlay .box[data-key="${name}"]`);
      const rowOf = (name: string) => page.locator(`#fields tbody tr[data-key="${name}"]`);
      await rowOf(key).hover();
      assert.match((await boxOf(key).getAttribute("class")) ?? "", /\bactive\b/);
      const other = checked[1] as string;
      await page.mouse.move(0, 0);
      await boxOf(other).locator("polygon").hover();
      assert.match((await rowOf(other).getAttribute("class")) ?? "", /\bactive\b/);
      assert.doesNotMatch((await boxOf(key).getAttribute("class")) ?? "", /\bactive\b/);
      await page.mouse.move(0, 0);
      await rowOf(checked[2] as string).focus();
      assert.match((await boxOf(checked[2] as string).getAttribute("class")) ?? "", /\bactive\b/);
      await rowOf(key).hover();

      // The raw JSON, copied whole by its button.
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await page.click(".raw summary");
      await page.click("#copy");
      await page.waitForSelector("#copy:text('已复制')");
      const copied = await page.evaluate("navigator.clipboard.readText()");
      assert.deepEqual(JSON.parse(String(copied)), body);

      await page.screenshot({ path: new URL(`${type}-desktop.png`, SHOTS).pathname, fullPage: true });
      if (type === "household-head") {
        await page.setViewportSize({ width: 375, height: 812 });
        const scrolls = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assert.equal(scrolls, false, "nothing is wider than a phone's screen");
        await page.screenshot({ path: new URL(`${type}-phone.png`, SHOTS).pathname, fullPage: true });
      }
      assert.deepEqual((page as Page & { problems?: string[] }).problems, []);
      await page.close();
    });
  }

  it("takes a pasted TIFF, and draws its boxes on a blank of its shape since browsers cannot show it", async () => {
    const { type, file, checked } = CASES[0] as (typeof CASES)[number];
    const tiff = await sharp(fixturePath(file)).tiff({ compression: "lzw" }).toBuffer();
    const page = await openPage(browser, server.url, 375);
    await page.click(`label[for="type-${type}"]`);
    // An image on the clipboard (Ctrl+V), as from a screenshot tool or an image viewer.
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(tiff.toString("base64"))}), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "page.tiff", { type: "image/tiff" }));
      document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
    })()`);
    await page.waitForSelector("main[data-state=done], main[data-state=error]", { timeout: WAIT_MS });
    assert.equal(await page.getAttribute("main", "data-state"), "done", await page.innerText("#error"));
    assert.match((await page.getAttribute("#stage", "class")) ?? "", /\bno-image\b/);
    assert.ok(await page.isVisible("#no-image"));
    const stage = await page.locator("#stage").boundingBox();
    const { width, height } = labelOf(file) as Label & { width: number; height: number };
    assert.ok(
      stage && Math.abs(stage.width / stage.height - width / height) < 0.02,
      "a blank of the image's shape",
    );
    const box = await page.locator(`#overlay .box[data-key="${checked[0]}"] polygon`).boundingBox();
    assert.ok(box && box.width > 10 && box.x >= stage.x && box.x + box.width <= stage.x + stage.width);
    await page.screenshot({ path: new URL("tiff-phone.png", SHOTS).pathname, fullPage: true });
    await page.close();
  });

  it("says in Chinese, with the code, that a dropped PDF is not an image it reads", async () => {
    const page = await openPage(browser, server.url, 375);
    await page.click('label[for="type-birth-certificate"]');
    // A file dropped on the page, as from a file manager.
    const pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    // The test's code is compiled without DOM types, so the browser side is written as an expression.
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(pdf)}], "证明.pdf", { type: "application/pdf" }));
      return transfer;
    })()`);
    await page.dispatchEvent("#drop", "drop", { dataTransfer: dropped });
    await page.waitForSelector("main[data-state=error]", { timeout: WAIT_MS });
    assert.deepEqual(await errorOf(page), {
      code: "unsupportedImageFormat",
      message: ERROR_MESSAGES_ZH.unsupportedImageFormat,
    });
    assert.equal(await page.isVisible("#fields"), false, "no empty table after an error");
    await page.screenshot({ path: new URL("error-phone.png", SHOTS).pathname, fullPage: true });
    // Choosing another type sends the same image again.
    const first = await page.textContent("#error .error-meta");
    await page.click('label[for="type-household-resident"]');
    await page.waitForFunction(
      `document.querySelector("#error .error-meta")?.textContent !== ${JSON.stringify(first)}`,
      undefined,
      { timeout: WAIT_MS },
    );
    assert.equal((await errorOf(page)).code, "unsupportedImageFormat");
    await page.close();
  });

  it("takes a pasted image URL and explains why a loopback address is refused", async () => {
    const page = await openPage(browser, server.url);
    const url = `${server.url}/web/favicon.svg`;
    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", ${JSON.stringify(url)});
      document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
    })()`);
    await page.waitForSelector("main[data-state=error]", { timeout: WAIT_MS });
    assert.equal(await page.inputValue("#url"), url);
    assert.deepEqual(await errorOf(page), {
      code: "notSafeImageUrl",
      message: ERROR_MESSAGES_ZH.notSafeImageUrl,
    });
    await page.close();
  });

  it("with keys configured, asks for a key and signs in the browser (ACS3 with Web Crypto)", async () => {
    const page = await openPage(browser, signedServer.url);
    assert.ok(await page.isVisible("#keys"));
    const { file, type, checked } = CASES[0] as (typeof CASES)[number];

    await submit(page, type, fixturePath(file));
    assert.equal((await errorOf(page)).code, "MissingKeys");

    await page.fill("#key-id", "page-key");
    await page.fill("#key-secret", "not-the-secret");
    await page.press("#key-secret", "Enter");
    await page.waitForSelector("#error .error-code:text('SignatureDoesNotMatch')", { timeout: WAIT_MS });
    assert.equal((await errorOf(page)).message, ERROR_MESSAGES_ZH.SignatureDoesNotMatch);

    await page.fill("#key-secret", "page-secret");
    await page.press("#key-secret", "Enter");
    await page.waitForSelector("main[data-state=done]", { timeout: WAIT_MS });
    const key = checked[0] as string;
    const value = await page.textContent(`#fields tbody tr[data-key="${key}"] .value`);
    assert.equal(value, labelOf(file).fields[key]);
    await page.close();
  });

  it("wrote no image, value or file name into the server's log", () => {
    const logs = logLines.join("");
    assert.match(logs, /"msg":"answered"/);
    for (const { file, checked } of CASES) {
      assert.ok(!logs.includes(file), file);
      for (const key of checked) {
        const value = labelOf(file).fields[key] as string;
        if (value.length >= 2) assert.ok(!logs.includes(value), `${key} leaked into the log`);
      }
    }
    assert.ok(!logs.includes("证明.pdf") && !logs.includes("%PDF"));
  });
});
