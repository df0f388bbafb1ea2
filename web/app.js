// The page to try the service (体验馆): choose a document type, give an image (file, drop, paste or URL), send it
// to the same-origin route POST /api/recognize, and show what was read. Nothing is stored: the image and the
// result live only in this page's memory.

import { canSign, signRequest } from "./acs3.js";
import { renderResult } from "./render.js";

/** Errors the page itself can meet before the server answers (the server's codes come from /api/config). */
const PAGE_ERRORS = {
  NetworkError: "无法连接服务器：请检查服务是否仍在运行，然后重试。",
  BadResponse: "服务器返回了无法识别的应答。",
  ConfigUnavailable: "无法加载页面配置：请刷新页面重试。",
  MissingKeys: "此服务器已配置访问密钥：请先填写 AccessKey ID 和 AccessKey Secret。",
  InsecureContext: "此页面需要通过 HTTPS 或本机地址（localhost）打开，浏览器才能为请求签名。",
};

const $ = (id) => document.getElementById(id);
const main = $("main");
const view = {
  typeOptions: $("type-options"),
  drop: $("drop"),
  file: $("file"),
  choose: $("choose"),
  urlForm: $("url-form"),
  url: $("url"),
  keys: $("keys"),
  keyId: $("key-id"),
  keySecret: $("key-secret"),
  status: $("status"),
  error: $("error"),
  result: $("result"),
  timing: $("timing"),
  stage: $("stage"),
  preview: $("preview"),
  overlay: $("overlay"),
  caption: $("caption"),
  noImage: $("no-image"),
  tbody: document.querySelector("#fields tbody"),
  json: $("json"),
  copy: $("copy"),
  lowThreshold: $("low-threshold"),
};

/** @type {{auth: string, apiVersion: string, maxImageBytes: number, lowConfidence: number, types: any[], errors: Record<string, string>}} */
let config;
/** The image now shown: a file (kept as a Blob with its object URL) or a URL the server fetches. */
let source;
let inFlight;

function selectedType() {
  const checked = view.typeOptions.querySelector("input:checked");
  return config.types.find((type) => type.type === checked?.value) ?? config.types[0];
}

function setState(state) {
  main.dataset.state = state;
}

function showStatus(text) {
  view.status.textContent = text;
}

function clearError() {
  view.error.hidden = true;
  view.error.replaceChildren();
}

/** Shows an error in Chinese with its code (and the server's own words, for whoever reports it). */
function showError(code, details = {}) {
  const sentence = config?.errors[code] ?? PAGE_ERRORS[code] ?? "请求失败。";
  const title = document.createElement("strong");
  title.textContent = "识别失败";
  const message = document.createElement("p");
  message.className = "error-message";
  message.textContent = sentence;
  const meta = document.createElement("p");
  meta.className = "error-meta";
  const codeLabel = document.createTextNode("错误代码 ");
  const codeText = document.createElement("code");
  codeText.className = "error-code";
  codeText.textContent = code;
  meta.append(codeLabel, codeText);
  if (details.status) meta.append(` · HTTP ${details.status}`);
  if (details.requestId) meta.append(` · RequestId ${details.requestId}`);
  view.error.replaceChildren(title, message, meta);
  if (details.message) {
    const original = document.createElement("p");
    original.className = "error-detail";
    original.lang = "en";
    original.textContent = details.message;
    view.error.append(original);
  }
  view.error.hidden = false;
  view.result.hidden = true; // nothing was read: no empty table, no half-shown picture
  setState("error");
  showStatus("");
}

function buildTypeOptions() {
  const fragment = document.createDocumentFragment();
  config.types.forEach((type, index) => {
    const id = `type-${type.type}`;
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "type";
    input.id = id;
    input.value = type.type;
    input.checked = index === 0;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = type.name;
    fragment.append(input, label);
  });
  view.typeOptions.replaceChildren(fragment);
  view.typeOptions.addEventListener("change", () => {
    if (source !== undefined) void recognize();
    else showStatus("已填写密钥：请选择、拖入或粘贴一张图片。");
  });
}

function isUrl(text) {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

function useFile(file) {
  if (file === undefined) return;
  // Any file goes to the server, which judges by content (never by name or type) and names what is wrong.
  if (source?.objectUrl) URL.revokeObjectURL(source.objectUrl);
  source = {
    kind: "file",
    blob: file,
    name: file.name || "粘贴的图片",
    objectUrl: URL.createObjectURL(file),
  };
  void recognize();
}

function useUrl(url) {
  if (source?.objectUrl) URL.revokeObjectURL(source.objectUrl);
  source = { kind: "url", url: url.trim() };
  void recognize();
}

/** The body and headers to send for the current source, signed when the server wants it. */
async function buildRequest(type) {
  const isFile = source.kind === "file";
  const contentType = isFile ? "application/octet-stream" : "application/json";
  const body = isFile ? source.blob : new TextEncoder().encode(JSON.stringify({ url: source.url }));
  if (config.auth !== "signed") {
    return {
      url: `/api/recognize?type=${encodeURIComponent(type.type)}`,
      headers: { "content-type": contentType },
      body,
    };
  }
  if (!canSign()) throw Object.assign(new Error("insecure"), { code: "InsecureContext" });
  const accessKeyId = view.keyId.value.trim();
  const accessKeySecret = view.keySecret.value;
  if (accessKeyId === "" || accessKeySecret === "")
    throw Object.assign(new Error("keys"), { code: "MissingKeys" });
  const bytes = body instanceof Blob ? new Uint8Array(await body.arrayBuffer()) : body;
  const signed = await signRequest({
    accessKeyId,
    accessKeySecret,
    action: type.action,
    version: config.apiVersion,
    host: location.host,
    path: "/api/recognize",
    query: { type: type.type },
    body: bytes,
    contentType,
  });
  return { url: signed.url, headers: signed.headers, body: bytes };
}

function showPreview(type) {
  view.result.hidden = false;
  view.stage.classList.remove("no-image");
  view.noImage.hidden = true;
  view.preview.referrerPolicy = "no-referrer";
  view.preview.src = source.kind === "file" ? source.objectUrl : source.url;
  view.preview.alt = `待识别的${type.name}图片`;
  view.overlay.replaceChildren();
  view.tbody.replaceChildren();
  view.json.textContent = "";
  view.timing.textContent = "";
  view.caption.textContent = source.kind === "file" ? source.name : source.url;
  if (view.result.getBoundingClientRect().top > innerHeight * 0.8) {
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    view.result.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  }
}

async function recognize() {
  if (config === undefined || source === undefined) return;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const type = selectedType();
  clearError();
  showPreview(type);
  if (source.kind === "file" && source.blob.size > config.maxImageBytes) {
    showError("exceededImageContent");
    return;
  }
  setState("busy");
  showStatus(`正在识别${type.name}…`);
  const started = performance.now();
  let response;
  let text;
  try {
    const request = await buildRequest(type);
    response = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      cache: "no-store",
      credentials: "same-origin",
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) return;
    showError(error?.code ?? "NetworkError");
    return;
  }
  if (controller.signal.aborted) return;
  const roundTrip = Math.round(performance.now() - started);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    showError("BadResponse", { status: response.status });
    return;
  }
  if (!response.ok || body?.Data === undefined) {
    if (typeof body?.Code === "string") {
      showError(body.Code, { status: response.status, requestId: body.RequestId, message: body.Message });
    } else {
      showError("BadResponse", { status: response.status });
    }
    return;
  }
  showResult(type, body, roundTrip);
}

function showResult(type, body, roundTrip) {
  const result = body.Data;
  const { boxes } = renderResult(
    { overlay: view.overlay, tbody: view.tbody },
    result,
    type,
    config.lowConfidence,
  );
  const ratio = result.orgWidth / result.orgHeight;
  view.stage.style.setProperty("--ratio", String(ratio));
  const filled = result.prism_keyValueInfo.filter((info) => info.value !== "").length;
  const low = result.prism_keyValueInfo.filter(
    (info) => info.value !== "" && info.valueProb < config.lowConfidence,
  ).length;
  view.preview.alt = `${type.name}图片，已标出证件轮廓和 ${boxes} 个字段的位置`;
  view.caption.textContent = [
    type.name,
    `原图 ${result.orgWidth}×${result.orgHeight}`,
    `转角 ${result.angle}°`,
    result.ftype === 1 ? "复印件" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  view.timing.textContent = `识别用时 ${body.ElapsedMs} ms · 往返 ${roundTrip} ms`;
  view.json.textContent = JSON.stringify(body, null, 2);
  setState("done");
  showStatus(
    `识别完成：读出 ${filled} / ${result.prism_keyValueInfo.length} 个字段${low > 0 ? `，${low} 个置信度偏低` : ""}，用时 ${body.ElapsedMs} ms。`,
  );
}

async function copyJson() {
  const text = view.json.textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without the asynchronous clipboard (plain HTTP), select the text and copy the old way.
    const range = document.createRange();
    range.selectNodeContents(view.json);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand("copy");
  }
  view.copy.textContent = "已复制";
  setTimeout(() => {
    view.copy.textContent = "复制 JSON";
  }, 1500);
}

function isTextField(element) {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

function wireInputs() {
  view.choose.addEventListener("click", () => view.file.click());
  view.file.addEventListener("change", () => {
    useFile(view.file.files?.[0]);
    view.file.value = "";
  });
  view.urlForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = view.url.value.trim();
    if (url === "") {
      showError("imageUrlOrBodyEmpty");
      return;
    }
    useUrl(url);
  });
  // Dropping anywhere on the page works; the zone lights up while something is dragged over it.
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    view.drop.classList.add("dragging");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) view.drop.classList.remove("dragging");
  });
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    view.drop.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (file !== undefined) {
      useFile(file);
      return;
    }
    const text = event.dataTransfer?.getData("text/uri-list") || event.dataTransfer?.getData("text/plain");
    if (text && isUrl(text.split("\n")[0])) {
      view.url.value = text.split("\n")[0].trim();
      useUrl(view.url.value);
    }
  });
  document.addEventListener("paste", (event) => {
    const file = [...(event.clipboardData?.files ?? [])].find((item) => item.type.startsWith("image/"));
    if (file !== undefined) {
      event.preventDefault();
      useFile(file);
      return;
    }
    if (isTextField(document.activeElement)) return; // pasting text into a field stays a paste
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (isUrl(text)) {
      event.preventDefault();
      view.url.value = text.trim();
      useUrl(view.url.value);
    }
  });
  view.copy.addEventListener("click", () => void copyJson());
  view.keys.addEventListener("submit", (event) => {
    event.preventDefault();
    if (source !== undefined) void recognize();
    else showStatus("已填写密钥：请选择、拖入或粘贴一张图片。");
  });
  // Browsers show no TIFF (and a URL may not load here): the boxes are then drawn on a blank of the image's shape.
  view.preview.addEventListener("error", () => {
    if (!view.preview.getAttribute("src")) return;
    view.stage.classList.add("no-image");
    view.noImage.hidden = false;
  });
  view.preview.addEventListener("load", () => {
    const { naturalWidth, naturalHeight } = view.preview;
    if (naturalHeight > 0) view.stage.style.setProperty("--ratio", String(naturalWidth / naturalHeight));
  });
}

async function start() {
  wireInputs();
  view.json.tabIndex = 0; // a scrolling region must be reachable by keyboard
  try {
    const response = await fetch("/api/config", { cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    config = await response.json();
  } catch {
    showError("ConfigUnavailable");
    return;
  }
  buildTypeOptions();
  view.lowThreshold.textContent = String(config.lowConfidence);
  view.keys.hidden = config.auth !== "signed";
  if (config.auth === "signed" && !canSign()) showError("InsecureContext");
  else setState("idle");
}

void start();
