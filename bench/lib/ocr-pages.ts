import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import { Random } from "../../synth/random.ts";

/** A rendered benchmark page: the file and its text, one entry per printed item, in reading order. */
export interface OcrPage {
  path: string;
  /** Each printed item with its box [left, top, right, bottom] in pixels. */
  items: { text: string; box: [number, number, number, number] }[];
}

const LABELS = [
  "姓名",
  "性别",
  "民族",
  "出生日期",
  "出生地",
  "籍贯",
  "住址",
  "户主姓名",
  "与户主关系",
  "文化程度",
];
const LABELS_2 = [
  "婚姻状况",
  "兵役状况",
  "职业",
  "服务处所",
  "宗教信仰",
  "身高",
  "血型",
  "户别",
  "承办人签章",
];
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬建国志文德春海燕鹏晓婷雪梅";
const PLACES = [
  "北京市",
  "上海市",
  "湖南省长沙市",
  "四川省成都市",
  "广东省广州市",
  "河北省石家庄市",
  "浙江省杭州市",
];
const STREETS = ["人民路", "解放大街", "建设北路", "中山东路", "和平里", "新华街", "胜利巷"];
const VALUES = [
  "汉族",
  "已婚",
  "未婚",
  "大学本科",
  "高中",
  "教师",
  "工人",
  "家庭户",
  "集体户",
  "户主",
  "之子",
  "之女",
];

/** Renders `count` document-like pages (labels, values, ID numbers, dates, rulings) into `folder`. */
export function renderOcrPages(folder: string, count: number, seed = 20261121): OcrPage[] {
  registerFonts();
  return Array.from({ length: count }, (_, index) => renderPage(folder, index, Random.derive(seed, index)));
}

function renderPage(folder: string, index: number, random: Random): OcrPage {
  const width = random.pick([700, 900, 1100, 1300]);
  const height = Math.round(width * 0.72);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = random.pick(["#ffffff", "#fbf8ef", "#f3f6f9"]);
  context.fillRect(0, 0, width, height);
  const font = random.pick(["Noto Serif SC", "Noto Sans SC"]);
  const size = Math.round(width / random.uniform(38, 50));
  const items: OcrPage["items"] = [];
  const draw = (text: string, x: number, y: number, px: number) =>
    items.push(drawText(context, text, x, y, px, font));
  draw(
    random.pick(["常住人口登记卡", "居民户口簿", "出生医学证明"]),
    width * 0.35,
    size,
    Math.round(size * 1.5),
  );
  const rows = random.int(8, 11);
  const rowHeight = (height - size * 4) / rows;
  const labels = random.shuffle([...LABELS, ...LABELS_2]);
  for (let row = 0; row < rows; row++) {
    const y = size * 3.5 + row * rowHeight;
    drawRuling(context, width, y - rowHeight * 0.3);
    const left = labels[row * 2] ?? "备注";
    draw(left, width * 0.05, y, size);
    draw(value(random), width * 0.2, y + random.uniform(-2, 2), size);
    if (random.chance(0.7)) {
      draw(labels[row * 2 + 1] ?? "签发", width * 0.55, y, size);
      draw(fitting(context, random, width * 0.25, size, font), width * 0.72, y, size);
    }
  }
  const path = join(folder, `page-${String(index).padStart(2, "0")}.png`);
  writeFileSync(path, canvas.toBuffer("image/png"));
  return { path, items };
}

function value(random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
      return (
        random.pick([...SURNAMES]) +
        random.pick([...GIVEN]) +
        (random.chance(0.6) ? random.pick([...GIVEN]) : "")
      );
    case 1:
      return `${random.int(1950, 2020)}年${random.int(1, 12)}月${random.int(1, 28)}日`;
    case 2:
      return `${random.pick(PLACES)}${random.pick(STREETS)}${random.int(1, 300)}号`;
    case 3:
      return Array.from({ length: 17 }, () => random.int(0, 9)).join("") + random.pick(["1", "5", "X"]);
    default:
      return random.pick(VALUES);
  }
}

/** A value that fits in `room` pixels, so nothing is cut off at the page edge (ground truth must be legible). */
function fitting(context: SKRSContext2D, random: Random, room: number, px: number, font: string): string {
  context.font = `${px}px "${font}"`;
  for (let attempt = 0; attempt < 20; attempt++) {
    const text = value(random);
    if (context.measureText(text).width <= room) return text;
  }
  return random.pick(VALUES);
}

function drawText(context: SKRSContext2D, text: string, x: number, y: number, px: number, font: string) {
  context.font = `${px}px "${font}"`;
  context.fillStyle = "#1c1c1c";
  context.textBaseline = "top";
  context.fillText(text, x, y);
  const m = context.measureText(text);
  const box: [number, number, number, number] = [x, y - m.actualBoundingBoxAscent, x + m.width, y + px];
  return { text, box };
}

function drawRuling(context: SKRSContext2D, width: number, y: number): void {
  context.strokeStyle = "#9a9a9a";
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(width * 0.03, y);
  context.lineTo(width * 0.97, y);
  context.stroke();
}

function registerFonts(): void {
  const require = createRequire(import.meta.url);
  for (const [file, family] of [
    ["@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf", "Noto Sans SC"],
    ["@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf", "Noto Serif SC"],
  ] as const) {
    GlobalFonts.registerFromPath(require.resolve(file), family);
  }
}
