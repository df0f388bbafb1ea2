import type { RecognizedChar } from "../../types.ts";

/**
 * Characters Chinese given names are made of: those common in the names of every generation (the 建国 / 秀英 of
 * the 1950s, the 伟 / 丽 of the 1980s, the 子涵 / 梓萱 of the 2010s), and the rarer ones parents choose for their
 * look or sound (堃, 琰, 玥, 翀 …). A character outside them (蜂, 盗, 毯 …) is seldom in a name.
 */
const GIVEN = [
  // From the 1940s to the 1970s.
  "国建华军平明英红兰芳秀玉珍桂凤梅霞丽琴云莲淑敏静燕萍荣文德福贵富强伟刚勇毅俊峰斌波涛辉林海山成志忠东新民生",
  "春庆祥宝金银才学良永长胜利安保卫光兵武超杰亮宏洪鸿彩翠娟娥菊香花芬芝秋冬雪月艳丹琼群晓小立正清水石田有义仁",
  "和顺喜玲芸慧惠巧瑞爱亚力振兴耀全家友树根发财昌先进前跃方向阳晨晖珠娣妹姑弟妞招娇婵姣娴寿旺来礼孝廉存留根",
  "双全满堂喜乐继承传宗耀祖连元亨达通顺富强盛兴旺昌隆荣华复兴援朝抗美卫东红旗革新解放跃进胜利建设拥军爱民",
  "玉兰桂英秀珍凤英桂兰淑珍秀兰玉珍秀梅玉梅凤兰桂芝素芬凤芝金凤银凤翠花翠兰巧云巧玲彩云彩霞丽华丽萍",
  // The 1980s and 1990s.
  "磊鹏飞鑫宇浩凯健帆帅旭宁龙欢佳彬博诚锋昊皓虎嘉江康乐雷琦锐森硕松翔星洋远哲智娜倩婷琳颖洁晶莉璐瑶蕾薇",
  "媛悦欣怡璇妍婧婕菲蓉露莎舒爽晴岚梦楠妮琪茜睿珊姗诗思彤桐童雯夏湘笑昕馨雅雁依逸茵莹盈映雨语钰园圆越韵",
  "真贞蓁芷紫子梓军涛勇刚斌辉超鹏宇亮旭峰伟强磊洋浩杰宁凯鑫晨阳琳静敏丽艳娟霞燕玲婷倩雪颖慧洁晶莉萍丹",
  // The 2000s and 2010s.
  "涵轩一诺可萱泽辰宸然天铭豪航奕弈煜烨熠晟昱霖菡晗瑾萌沫墨淼祺骏楷锦炎焱安若汐希熙曦夕伊艺亦宜颐柠潇筱",
  "心暄玥岳致中舟卓卿倾澜蓝朗浪黎礼丽励涟良麟凌铃灵龄羚菱翎苓聆伶珑鹭潞禄路峦伦洛珞蔓曼漫茂美媚蒙苗妙鸣茗",
  "默沐牧慕穆南凝欧培佩沛朋芃屏奇绮淇其旗启千乔勤青泉冉苒容融如茹儒汝润三杉善尚韶少绍施世仕书姝曙颂素肃",
  "韬腾恬甜庭霆潼拓婉菀琬宛万巍维玮炜纬蔚汶闻舞悟溪晞贤弦祥效信杏幸煦绪宣勋迅研岩颜彦晏扬遥叶以忆益谊音",
  "寅滢影咏优佑羽裕育毓源缘芸昀蕴允运择增展章彰昭照震镇政铮知仲洲周竹灼自尊佐作倍蓓贝本碧璧滨冰炳波伯",
  "灿苍策昶畅朝琛宸承程驰崇楚川纯淳聪翠达丹道德迪棣典鼎栋都笃端朵恩尔凡梵芳菲斐芬丰枫锋凤芙福甫赋富",
  "刚港高歌阁耕功恭谷冠光广贵桂国果含寒函汉翰航好昊浩禾和河荷赫鹤恒弘红宏泓虹洪鸿厚华桦怀欢焕煌晖辉徽会",
  "惠慧蕙基吉极纪继佳家嘉坚剑建健键江将蛟娇杰洁捷婕今金津锦谨瑾晋进京经晶精景敬靖静境镜久玖九君均钧俊",
  "峻浚骏竣开凯楷康可克坤昆琨堃阔岚兰蓝朗乐蕾磊黎理丽利励莉力立连莲濂琏良亮林临霖琳麟凌玲陵柳龙隆",
  "娄鲁璐露伦罗洛满茂玫梅美萌盟梦棉淼妙民敏名明鸣铭默沐牧慕穆乃楠能妮年宁凝诺鸥盼培沛佩朋鹏彭琪琦",
  "祺启绮千谦倩乾强桥巧勤琴青清晴庆琼秋全泉群然仁日荣容蓉瑢融如儒蕊瑞睿润若森山珊善尚绍深升生圣晟盛",
  "诗石时实仕世书舒淑树帅双爽水顺硕思斯松颂苏素涛滔韬腾添天田恬铁庭亭婷霆通同彤桐瞳万旺威薇巍为",
  "维伟苇炜玮蔚文雯闻沃武舞西希析昔熙喜禧霞先贤弦娴显宪献香湘翔祥向骁潇晓筱孝笑协心欣新馨信星",
  "兴幸秀旭序絮宣轩萱玄璇学雪勋寻迅雅亚延言妍岩炎研彦艳焰燕扬杨阳洋仰尧瑶耀业叶一伊依仪怡宜颐以",
  "义亿忆艺易弈奕益逸意毅翼熠音寅银英莺瑛樱盈莹营颖影映永勇咏优悠友有佑于余予宇羽雨语玉育郁钰毓昱",
  "煜誉渊元园原圆源媛远苑愿月悦越跃云芸昀允运韵蕴泽增展湛章彰昭兆照哲喆真振震征正政之芝知直志治致",
  "智中忠钟仲舟周洲竹卓子梓紫宗祖尊遵",
  // Rarer characters chosen for names.
  "琰珺琛璋珩珏瑜瑛璟瑄瑭璠瑗琚彧懿赟翊翌羿焕烁炫熹晔旻晋皙嵘崴屹峥嵩岱岗渝溢瀚澈澄沁沂泊洵淏漪垚犇骉",
  "翀曌堃昇坤淼鑫森焱晶犇昊皓晧暄晞曦昶旸暘煦烨煊炅炜焜钧铄铎锴镕锋钰铠锟镇琨瑾璞瑶琼璇珮玳琥瑀琮琳琅玮",
  "骞骁骏驰骐骥麒麟凰鸾鹂鹃鸢鹞鹏鹤鸿雁燕莺歆馨芊芮蔚苡茉莉菁萃蕊蕙兰芷若蘅茵荻芸萱蔓芃茗荟莞菡萏",
  "沫汐泠沐湄涓淇渲滢漾潆澍霏霓霁雯霖露霜雪凇岚峦嵋岫巍峤崧嶙彬彪彰彦衍徽征御德循微忱怿恺悦惟慎愉",
  "憬懋戈戟戬承拓捷敖敏斐旭晟晨景智暖曜朔朗望朝杉李材杰松柏栩栋树桓梁梧森楠榕槿橙檀欣歌正武毅沛泓",
  "泽洛洲浚浩淳渊湘源溪滔漫澜瀚灏烈然照熙燊爵牧犀狄玄玙玺珂珊珍珑琦琪瑞瑟璐璨甄甜由畅登皎盈真睿瞻知",
  "矜砚硕碧祎祐祥祯禄禧禹秉秋程稷穆立竣童笙筠箫简篆粲素紫絮绍绮维绫缘缤罡翔翩翰耀聪肃胤致舒航良艺",
  "芯苑茂茹荣莎菲萌萧蓓蓝蕾薇藜虹蛟衡裕襄西览觅言誉诗诚诺谦谨贞赋超越跃轩辉辰达迈远逸遥邦郁醇金鉴铭",
  "锐锦镜长闻阅阳阶隆雅集雍霄青靖韦韬韶顺颂颖飒飞馥香驹骊高魁鸣麦黎鼎齐",
].join("");

/**
 * The characters most given names are made of, by the published tallies of given-name characters: those that
 * fill the names of the 1950s–1970s (英, 华, 秀, 兰, 建, 国 …), of the 1980s–1990s (伟, 丽, 娟, 婷, 杰, 磊 …) and of
 * the 2000s–2010s (子, 梓, 涵, 轩, 欣, 怡 …). Between two readings that are both name characters, one of these is
 * the likelier a priori.
 */
const COMMON = [
  "英华玉秀珍芳兰红丽国建明文军平海云金春梅林志霞燕荣永生新德福成东桂凤淑琴萍敏静娟芬兵强伟刚勇忠",
  "杰涛斌辉超鹏磊波洋亮宇浩鑫帅凯峰龙佳婷娜颖洁晶莉丹艳玲倩雪琳慧晓小俊飞健宁欣蕾瑶玉梅翠素美月香",
  "子梓涵轩怡雨诺泽辰晨思一可博萱馨雅琪睿昊悦梦诗奕妍语依沐嘉航天铭豪然若安熙彤桐紫宸逸锦煜雯露",
  "振兴保卫立庆树喜学光宏胜利民山水清正和家慧芳",
].join("");

const NAME_CHARACTERS = new Set<string>(Array.from(GIVEN + COMMON));
const COMMON_CHARACTERS = new Set<string>(Array.from(COMMON));

/**
 * How much less likely a given name's character is when names seldom hold it: a reading outside the name
 * characters gives way to an alternative inside them once that alternative is at least this share as likely (蜂
 * 0.37 to 娜 0.23, 盗 0.13 to 杰 0.06, 品 0.78 to 晶 0.18, 垫 0.34 to 堃 0.05): as strong as the surname prior, for
 * a character outside the list is as seldom in a given name as one outside the surnames is a surname.
 */
const NOT_A_NAME_CHARACTER = 0.1;
/**
 * How much less likely a name character is than one of the common ones: a reading of a rarer name character gives
 * way to a common one once that one is at least this share as likely (媚 0.41 to 娟 0.28, 照 0.44 to 燕 0.18)...
 */
const LESS_COMMON = 0.4;
/** ... but only when read unsurely: a rarer character read surely stands (a name is never changed into another). */
const SURE_NAME_CHARACTER = 0.5;

/** Whether a character is among the most common ones of given names. */
export function isCommonNameCharacter(char: string): boolean {
  return COMMON_CHARACTERS.has(char);
}

/** Whether a character is common in given names. */
export function isNameCharacter(char: string): boolean {
  return NAME_CHARACTERS.has(char);
}

/**
 * A given name's character re-chosen among its readings with the name-character prior: a reading that names seldom
 * hold gives way to its likeliest alternative that they often do, when the prior makes that one the likelier; an
 * unsure reading of a rarer name character gives way likewise to one of the most common ones. A common one read
 * stands. Returns the chosen character (its own probability as its confidence), or undefined when the reading
 * stands.
 *
 * @example
 * const read = { text: "蜂", confidence: 0.37, start: 0.5, end: 0.7 };
 * const alternatives = [{ text: "蜂", probability: 0.37 }, { text: "娜", probability: 0.23 }];
 * preferNameCharacter({ ...read, alternatives })?.text; // "娜"
 */
export function preferNameCharacter(char: RecognizedChar): RecognizedChar | undefined {
  if (isCommonNameCharacter(char.text)) return undefined;
  const named = isNameCharacter(char.text);
  if (named && char.confidence >= SURE_NAME_CHARACTER) return undefined;
  // A name character read gives way only to a common one; any other reading to any name character.
  const limit = char.confidence * (named ? LESS_COMMON : NOT_A_NAME_CHARACTER);
  let best: { text: string; probability: number; weighed: number } | undefined;
  for (const alternative of char.alternatives) {
    const eligible = named ? isCommonNameCharacter(alternative.text) : isNameCharacter(alternative.text);
    if (!eligible || alternative.probability <= limit) continue;
    const weighed = alternative.probability * (isCommonNameCharacter(alternative.text) ? 1 : LESS_COMMON);
    if (weighed > (best?.weighed ?? 0)) best = { ...alternative, weighed };
  }
  if (best === undefined) return undefined;
  return { ...char, text: best.text, confidence: best.probability };
}

/**
 * How likely a character is in a given name, relative to one of the most common ones: 1 for those, less for the
 * other name characters, 0 for a character given names seldom hold.
 */
export function nameCharacterWeight(char: string): number {
  if (COMMON_CHARACTERS.has(char)) return 1;
  return NAME_CHARACTERS.has(char) ? LESS_COMMON : 0;
}
