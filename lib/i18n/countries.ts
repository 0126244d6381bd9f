// ISO 3166-1 alpha-2 codes of countries and territories; names come from lib/i18n/names.ts.
import { countryName, namedOptions } from "./names";

export const countryCodes = [
  "AF","AL","DZ","AD","AO","AG","AR","AM","AU","AT","AZ","BS","BH","BD","BB","BY","BE","BZ","BJ","BT","BO","BA","BW","BR","BN","BG","BF","BI",
  "CV","KH","CM","CA","CF","TD","CL","CN","CO","KM","CG","CD","CR","CI","HR","CU","CY","CZ","DK","DJ","DM","DO","EC","EG","SV","GQ","ER","EE",
  "SZ","ET","FJ","FI","FR","GA","GM","GE","DE","GH","GR","GD","GT","GN","GW","GY","HT","HN","HU","IS","IN","ID","IR","IQ","IE","IL","IT","JM",
  "JP","JO","KZ","KE","KI","KW","KG","LA","LV","LB","LS","LR","LY","LI","LT","LU","MG","MW","MY","MV","ML","MT","MH","MR","MU","MX","FM","MD",
  "MC","MN","ME","MA","MZ","MM","NA","NR","NP","NL","NZ","NI","NE","NG","KP","MK","NO","OM","PK","PW","PS","PA","PG","PY","PE","PH","PL","PT",
  "QA","RO","RU","RW","KN","LC","VC","WS","SM","ST","SA","SN","RS","SC","SL","SG","SK","SI","SB","SO","ZA","KR","SS","ES","LK","SD","SR","SE",
  "CH","SY","TJ","TZ","TH","TL","TG","TO","TT","TN","TR","TM","TV","UG","UA","AE","GB","US","UY","UZ","VU","VA","VE","VN","YE","ZM","ZW",
  "HK","MO","TW","PR","NC","PF","CK","NU","TK","WF","AS","GU","MP","EH","XK",
] as const;
export type CountryCode = (typeof countryCodes)[number];

/** Every country as an option, named in the UI language (lib/i18n/names.ts) and sorted by that name. */
export function countryOptions(locale: string): { value: CountryCode; label: string }[] {
  // A constant per locale (the same in every instance): computed once, not on every page view.
  let options = optionsByLocale.get(locale);
  if (!options) {
    options = namedOptions(locale, countryCodes, countryName);
    optionsByLocale.set(locale, options);
  }
  return options.slice();
}
const optionsByLocale = new Map<string, readonly { value: CountryCode; label: string }[]>();
