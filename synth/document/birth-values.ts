/** Values of one 出生医学证明, consistent with each other (domain.md §2.2–2.4). */
import type { Random } from "../random.ts";
import { makeIdNumber, type SimpleDate } from "./id-number.ts";
import { addDays, pickEthnicity, pickName, pickSurname, randomDate } from "./people.ts";
import { addressIn, type Place, pickPlace } from "./regions.ts";

/** One parent as printed; every value is already the printed text. */
export interface Parent {
  name: string;
  age: string;
  nationality: string;
  ethnicity: string;
  address: string;
  idCardNumber: string;
  /** Which ID-type box is ticked: 身份证, 护照 or 其他; "" when nothing is ticked (missing father). */
  idType: string;
}

/** Everything printed on the face. */
export interface BirthValues {
  name: string;
  male: boolean;
  birth: SimpleDate;
  hour: number;
  minute: number;
  gestationalAge: string;
  birthWeight: string;
  birthLength: string;
  place: Place;
  hospital: string;
  mother: Parent;
  father: Parent;
  issue: SimpleDate;
  certificateNumber: string;
  /** 5/6 (green number box) before 2023-04-01, 7 (yellow box with a barcode) after. */
  edition: number;
}

function parent(
  random: Random,
  place: Place,
  birthYear: number,
  age: number,
  male: boolean,
  surname?: string,
): Parent {
  const born = randomDate(birthYear - age, birthYear - age, random);
  const home = random.chance(0.8) ? place : pickPlace(random, place.code.slice(0, 2));
  const passport = random.chance(0.02);
  return {
    name: pickName(born.year, male, random, surname),
    age: String(age),
    nationality: "中国",
    ethnicity: pickEthnicity(place.province, random),
    address: addressIn(home, random),
    idCardNumber: passport
      ? `E${random.int(10_000_000, 99_999_999)}`
      : makeIdNumber(home.code, born, male, random),
    idType: passport ? "护照" : "身份证",
  };
}

/**
 * A missing father. The print code fills struck-through fields with slashes, Fujian prints 未提供; the true value is
 * what is printed with white space removed (api.md §4: values as printed), so the recognizer must return "///".
 */
function missingFather(random: Random): Parent {
  if (random.chance(0.4)) {
    return {
      name: "未提供",
      age: "未提供",
      nationality: "未提供",
      ethnicity: "未提供",
      address: "未提供",
      idCardNumber: "未提供",
      idType: "",
    };
  }
  const slashes = "//////////////////";
  return {
    name: "///",
    age: "//",
    nationality: "//",
    ethnicity: "//",
    address: slashes,
    idCardNumber: slashes,
    idType: "",
  };
}

function hospitalName(place: Place, random: Random): string {
  const county = place.county || place.city;
  return random.weighted([
    [`${county}人民医院`, 4],
    [`${county}妇幼保健院`, 3],
    [`${place.city}妇幼保健院`, 2],
    [`${place.city}第一人民医院`, 1.5],
    [`${place.city}中心医院`, 1],
    [`${county}中医院`, 0.7],
  ]);
}

function gestation(random: Random): string {
  const weeks = random.chance(0.9) ? random.int(37, 41) : random.int(28, 36);
  return random.chance(0.35) ? `${weeks}+${random.int(0, 6)}` : String(weeks);
}

/** A birth between 2014 (5th edition) and 2025 in a random county, with parents and the certificate's number. */
export function makeBirthValues(random: Random): BirthValues {
  const place = pickPlace(random);
  const birth = randomDate(2014, 2025, random);
  const issue = addDays(birth, random.chance(0.9) ? random.int(0, 60) : random.int(61, 400));
  const edition =
    issue.year > 2023 || (issue.year === 2023 && issue.month >= 4) ? 7 : issue.year >= 2019 ? 6 : 5;
  const motherAge = Math.round(Math.min(42, Math.max(20, random.normal(29, 4.5))));
  const fatherAge = Math.max(20, Math.round(motherAge + random.normal(2, 3)));
  const surname = pickSurname(random);
  const father = random.chance(0.06)
    ? missingFather(random)
    : parent(random, place, birth.year, fatherAge, true, surname);
  const mother = parent(random, place, birth.year, motherAge, false);
  const male = random.chance(0.52);
  const childSurname = father.idType === "" || random.chance(0.08) ? (mother.name[0] ?? surname) : surname;
  // Stock is ordered by print year, a year either side of the issue year: letter = A + print year - 2000.
  // Past Z (2025) the sequence is unknown: keep Z rather than invent one.
  const printYear = Math.min(2025, issue.year - random.int(0, 1));
  const letter = String.fromCharCode(65 + printYear - 2000);
  return {
    name: random.chance(0.97) ? pickName(birth.year, male, random, childSurname) : "",
    male,
    birth,
    hour: random.int(0, 23),
    minute: random.int(0, 59),
    gestationalAge: gestation(random),
    birthWeight: String(Math.round(Math.min(5000, Math.max(1000, random.normal(3300, 450))) / 5) * 5),
    birthLength: String(Math.round(Math.min(55, Math.max(45, random.normal(50, 2))))),
    place,
    hospital: hospitalName(place, random),
    mother,
    father,
    issue,
    certificateNumber: `${letter}${place.code.slice(0, 2)}${String(random.int(0, 9_999_999)).padStart(7, "0")}`,
    edition,
  };
}
