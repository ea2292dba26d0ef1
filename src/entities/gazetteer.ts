/**
 * Well-known places and given names, so a name never registered still gets a sensible type.
 * Small on purpose: the registry is where a newsroom records its own world; these lists only
 * cover what every news archive mentions (countries, large cities, common given names).
 */
const list = (names: string) => names.trim().split(/\s*;\s*/).filter(Boolean);

export const COUNTRIES = list(`Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria; Azerbaijan;
  Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia; Bosnia; Bosnia and Herzegovina;
  Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia; Cameroon; Canada; Chad; Chile; China; Colombia; Comoros;
  Congo; Costa Rica; Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti; Dominica; Dominican Republic; Ecuador; Egypt;
  El Salvador; England; Eritrea; Estonia; Eswatini; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana;
  Greece; Grenada; Guatemala; Guinea; Guyana; Haiti; Honduras; Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq;
  Ireland; Israel; Italy; Ivory Coast; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia;
  Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Macau; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
  Mauritania; Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Burma; Namibia; Nepal;
  Netherlands; New Zealand; Nicaragua; Niger; Nigeria; North Korea; North Macedonia; Northern Ireland; Norway; Oman; Pakistan;
  Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland; Portugal; Qatar; Romania; Russia; Rwanda; Samoa;
  San Marino; Saudi Arabia; Scotland; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovakia; Slovenia; Somalia;
  South Africa; South Korea; South Sudan; Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan;
  Tanzania; Thailand; Tibet; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey; Türkiye; Turkmenistan; Uganda; Ukraine;
  United Arab Emirates; United Kingdom; United States; United States of America; Uruguay; Uzbekistan; Vanuatu; Vatican; Venezuela;
  Vietnam; Wales; Yemen; Southeast Asia; South East Asia; East Asia; South Asia; Central Asia; East Africa; West Africa;
  North Africa; Horn of Africa; Eastern Europe; Western Europe; Zambia; Zimbabwe; Gaza; Gaza Strip; West Bank; Kurdistan; Crimea; Chechnya; Darfur; Kashmir; Europe;
  Africa; Asia; Antarctica; North America; South America; Latin America; Middle East; Caribbean; Balkans; Scandinavia; Arctic;
  Pacific; Atlantic; Mediterranean; Persian Gulf; Red Sea; Black Sea; Caspian Sea; Sahara; Sinai; Golan Heights; America; Britain;
  Great Britain; Korea; Holland; US; USA; U.S.; UK; U.K.; UAE`);

export const CITIES = list(`Aleppo; Damascus; Homs; Idlib; Raqqa; Deir ez-Zor; Baghdad; Basra; Mosul; Erbil; Kirkuk; Fallujah;
  Ramadi; Najaf; Karbala; Tikrit; Tehran; Kabul; Kandahar; Islamabad; Karachi; Lahore; Delhi; New Delhi; Mumbai; Kolkata;
  Chennai; Bangalore; Dhaka; Kathmandu; Colombo; Beijing; Shanghai; Hong Kong; Guangzhou; Shenzhen; Wuhan; Taipei; Tokyo; Osaka;
  Seoul; Pyongyang; Bangkok; Hanoi; Manila; Jakarta; Singapore; Kuala Lumpur; Sydney; Melbourne; Brisbane; Perth; Canberra;
  Auckland; Wellington; Cairo; Alexandria; Tripoli; Benghazi; Tunis; Algiers; Rabat; Casablanca; Khartoum; Addis Ababa;
  Nairobi; Mogadishu; Kampala; Kigali; Lagos; Abuja; Accra; Dakar; Johannesburg; Cape Town; Pretoria; Durban; Harare; Luanda;
  Kinshasa; Jerusalem; Tel Aviv; Gaza City; Ramallah; Beirut; Amman; Riyadh; Jeddah; Mecca; Medina; Doha; Dubai; Abu Dhabi;
  Muscat; Manama; Kuwait City; Sanaa; Aden; Ankara; Istanbul; Moscow; St Petersburg; Saint Petersburg; Kyiv; Kiev; Kharkiv;
  Odesa; Minsk; Warsaw; Prague; Vienna; Budapest; Bucharest; Sofia; Belgrade; Zagreb; Athens; Rome; Milan; Naples; Madrid;
  Barcelona; Lisbon; Paris; Marseille; Lyon; Brussels; Amsterdam; Rotterdam; The Hague; Berlin; Munich; Hamburg; Frankfurt;
  Cologne; Zurich; Geneva; Bern; Copenhagen; Stockholm; Oslo; Helsinki; Dublin; London; Manchester; Liverpool; Birmingham;
  Edinburgh; Glasgow; Cardiff; Belfast; Washington; New York; New York City; Los Angeles; Chicago; Houston; Boston; Miami;
  San Francisco; Seattle; Atlanta; Dallas; Philadelphia; Detroit; Denver; Las Vegas; Phoenix; Ottawa; Toronto; Montreal;
  Vancouver; Mexico City; Havana; Bogota; Bogotá; Caracas; Lima; Santiago; Buenos Aires; Sao Paulo; São Paulo; Rio de Janeiro;
  Brasilia; Brasília; Montevideo; Quito; La Paz; California; Texas; Florida; New Jersey; Virginia; Ohio; Michigan; Oregon;
  Arizona; Nevada; Alaska; Hawaii; Massachusetts; Pennsylvania; Illinois; Georgia; Queensland; Ontario; Quebec; 
  Alabama; Arkansas; Colorado; Connecticut; Delaware; Idaho; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland;
  Minnesota; Mississippi; Missouri; Montana; Nebraska; New Hampshire; New Mexico; New York; North Carolina; North Dakota;
  Oklahoma; Rhode Island; South Carolina; South Dakota; Tennessee; Utah; Vermont; Washington; West Virginia; Wisconsin; Wyoming;
  British Columbia; Alberta; Manitoba; Nova Scotia; New South Wales; Victoria; Tasmania; South Australia; Western Australia;
  Bavaria; Catalonia; Siberia; Punjab; Kashmir; Sydney;`);

/** Common given names across the languages news archives report in. */
export const GIVEN_NAMES = new Set(
  `aaron abdul abdullah abu adam adrian ahmad ahmed ai alan albert alberto alejandro alex alexander alexandra alexei ali alice alicia
  alvin amanda amir amy ana andrea andreas andrew andrés angela angelina ann anna anne annie anthony antonio ashley ayman
  barack bashar ben benjamin bernard bill bob boris brian bruce carl carlos caroline catherine charles charlie chris christian
  christine christopher claire claudia daniel david dennis diana diego dmitry donald dylan ed eddie edward elena elizabeth
  ellen emily emma emmanuel eric erik fatima fernando francis francisco frank frederick gary george gordon greg gregory hamid
  hans harry hassan heinrich helen henry hugo hussein ian ibrahim igor isabel jack jacob james jan jane jason
  javier jean jeff jeremy jerry jessica jim joe johann john jonathan jorge jose josé joseph juan julia julian justin karen
  karim kate katherine kevin khalid kim laura lee leonardo linda lisa liu louis lucas luis luke mahmoud marc marco maria
  marie mark martin mary matthew michael michel miguel mike mohamed mohammad mohammed muhammad nancy nathan nicholas
  nicolas nikolai olga omar oscar patrick paul pedro peter philip pierre rachel rafael rahul raymond richard
  robert roberto roger ronald rosa ryan sam samuel sara sarah sergei sergey shinzo simon sofia sophie stanley stephen
  steve steven susan thomas tim timothy tom tony vincent vladimir walter william wilson xi yusuf zhang`
    .trim()
    .split(/\s+/),
);

/** Organisations every news archive names, with their usual acronyms. */
export const ORGANIZATIONS = list(`United Nations; UN; U.N.; UNICEF; UNESCO; UNHCR; World Health Organization; WHO; NATO;
  European Union; EU; European Commission; European Parliament; World Bank; International Monetary Fund; IMF;
  World Trade Organization; WTO; OPEC; African Union; Arab League; ASEAN; Red Cross; Red Crescent;
  International Committee of the Red Cross; Amnesty International; Human Rights Watch; Doctors Without Borders; MSF;
  Greenpeace; Interpol; International Criminal Court; ICC; Reuters; Associated Press; AP; Agence France-Presse; AFP; BBC;
  CNN; Al Jazeera; Bloomberg; New York Times; Washington Post; Wall Street Journal; Financial Times; The Guardian; Guardian;
  Xinhua; Tass; TASS; Interfax; Kremlin; Pentagon; White House; Congress; Senate; FBI; CIA; NSA; NASA; Google; Apple;
  Microsoft; Amazon; Facebook; Meta; Twitter; Hamas; Hezbollah; Taliban; Islamic State; ISIS; ISIL; al-Qaeda; Al-Qaeda;
  Muslim Brotherhood; FIFA; UEFA; IOC`);
