// Draws a recognition result: the outline and value boxes over the image, and the table of fields, linked both
// ways (hovering or focusing a row highlights its box; hovering a box highlights its row).

const SVG = "http://www.w3.org/2000/svg";

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function pointsOf(points) {
  return points.map((point) => `${point.x},${point.y}`).join(" ");
}

function sliceCorners(rect) {
  return [
    { x: rect.x0, y: rect.y0 },
    { x: rect.x1, y: rect.y1 },
    { x: rect.x2, y: rect.y2 },
    { x: rect.x3, y: rect.y3 },
  ];
}

/**
 * Draws the result over the image (SVG in the image's own pixel coordinates, stretched over the `<img>`) and fills
 * the table.
 *
 * @param {{overlay: SVGSVGElement, tbody: HTMLTableSectionElement}} view
 * @param {object} result the `Data` object
 * @param {{fields: Array<{key: string, label: string}>}} documentType
 * @param {number} lowConfidence values under it are marked
 * @returns {{boxes: number}}
 */
export function renderResult(view, result, documentType, lowConfidence) {
  const { overlay, tbody } = view;
  const labels = new Map(documentType.fields.map((field) => [field.key, field.label]));
  overlay.replaceChildren();
  tbody.replaceChildren();
  overlay.setAttribute("viewBox", `0 0 ${result.orgWidth} ${result.orgHeight}`);
  overlay.setAttribute("preserveAspectRatio", "none");
  const tagSize = Math.max(result.orgWidth, result.orgHeight) / 55;

  const outline = svgElement("polygon", {
    class: "outline",
    points: pointsOf(sliceCorners(result.sliceRect)),
  });
  overlay.append(outline);

  const rows = new Map();
  const boxes = new Map();
  const setActive = (key, active) => {
    rows.get(key)?.classList.toggle("active", active);
    boxes.get(key)?.classList.toggle("active", active);
  };

  let number = 0;
  for (const info of result.prism_keyValueInfo) {
    number += 1;
    const low = info.value !== "" && info.valueProb < lowConfidence;
    const label = labels.get(info.key) ?? info.key;
    const row = document.createElement("tr");
    row.dataset.key = info.key;
    row.tabIndex = 0;
    if (low) row.classList.add("low");
    if (info.value === "") row.classList.add("empty");

    const name = document.createElement("th");
    name.scope = "row";
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = String(number);
    const labelText = document.createElement("span");
    labelText.className = "label";
    labelText.textContent = label;
    const key = document.createElement("code");
    key.className = "key";
    key.textContent = info.key;
    name.append(tag, labelText, key);

    const value = document.createElement("td");
    value.className = "value";
    value.textContent = info.value === "" ? "（空）" : info.value;

    const confidence = document.createElement("td");
    confidence.className = "num confidence";
    const bar = document.createElement("span");
    bar.className = "bar";
    const fill = document.createElement("span");
    fill.style.width = `${Math.max(0, Math.min(100, info.valueProb))}%`;
    bar.append(fill);
    const figure = document.createElement("span");
    figure.className = "prob";
    figure.textContent = String(info.valueProb);
    if (low) {
      const badge = document.createElement("span");
      badge.className = "badge low";
      badge.textContent = "低";
      badge.title = "置信度低，请核对";
      confidence.append(badge);
    }
    confidence.append(figure, bar);
    row.append(name, value, confidence);
    row.setAttribute(
      "aria-label",
      `${label}：${info.value === "" ? "空" : info.value}，置信度 ${info.valueProb}${low ? "，偏低" : ""}`,
    );
    tbody.append(row);
    rows.set(info.key, row);

    if (info.valuePos?.length === 4) {
      const group = svgElement("g", { class: low ? "box low" : "box", "data-key": info.key });
      const title = svgElement("title", {});
      title.textContent = `${number}. ${label}：${info.value}`;
      const polygon = svgElement("polygon", { points: pointsOf(info.valuePos) });
      const first = info.valuePos[0];
      const text = svgElement("text", {
        x: first.x,
        y: first.y - tagSize * 0.25,
        "font-size": tagSize,
      });
      text.textContent = String(number);
      group.append(title, polygon, text);
      overlay.append(group);
      boxes.set(info.key, group);
      group.addEventListener("mouseenter", () => setActive(info.key, true));
      group.addEventListener("mouseleave", () => setActive(info.key, false));
      group.addEventListener("click", () => row.focus());
    }
    row.addEventListener("mouseenter", () => setActive(info.key, true));
    row.addEventListener("mouseleave", () => setActive(info.key, row === document.activeElement));
    row.addEventListener("focus", () => setActive(info.key, true));
    row.addEventListener("blur", () => setActive(info.key, false));
  }
  return { boxes: boxes.size };
}
