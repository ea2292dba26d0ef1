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

/**
 * National capitals and the largest cities of every region, and the first-level divisions of the
 * federations news most often reports from (Canada, India, China, Germany, Brazil, Mexico, Nigeria,
 * Pakistan): a place named without a cue (`in`, `, Ontario`) is still a place.
 */
export const WORLD_CITIES = list(`Kabul; Tirana; Algiers; Luanda; Yerevan; Canberra; Baku; Nassau; Manama; Minsk; Porto-Novo;
  Thimphu; Sucre; Sarajevo; Gaborone; Bandar Seri Begawan; Ouagadougou; Gitega; Bujumbura; Phnom Penh; Yaounde; Yaoundé; Douala;
  N'Djamena; Bangui; Brazzaville; San Jose; San José; Nicosia; Djibouti City; Santo Domingo; San Salvador; Malabo; Asmara; Tallinn;
  Mbabane; Suva; Libreville; Banjul; Tbilisi; Guatemala City; Conakry; Bissau; Port-au-Prince; Tegucigalpa; Reykjavik;
  Baghdad; Astana; Almaty; Pristina; Bishkek; Vientiane; Riga; Maseru; Monrovia; Vilnius; Antananarivo; Lilongwe; Bamako;
  Valletta; Nouakchott; Port Louis; Chisinau; Ulaanbaatar; Ulan Bator; Podgorica; Maputo; Naypyidaw; Yangon; Rangoon; Windhoek;
  Managua; Niamey; Skopje; Panama City; Port Moresby; Asuncion; Asunción; Bratislava; Ljubljana; Honiara; Juba; Colombo;
  Paramaribo; Dushanbe; Dodoma; Dar es Salaam; Lome; Lomé; Nuku'alofa; Port of Spain; Ashgabat; Kampala; Tashkent; Hanoi;
  Ho Chi Minh City; Saigon; Lusaka; Freetown; Mogadishu; Hargeisa; Taipei; Dili; Apia; Port Vila; Ljubljana; Sanaa; Sana'a; Nuuk; Lahore; Faisalabad; Peshawar; Quetta; Rawalpindi; Hyderabad; Ahmedabad; Pune; Jaipur; Lucknow; Kanpur; Surat;
  Srinagar; Chittagong; Chongqing; Tianjin; Chengdu; Nanjing; Xi'an; Hangzhou; Harbin; Shenyang; Urumqi; Lhasa; Kunming; Xiamen;
  Macao; Busan; Incheon; Daegu; Yokohama; Kyoto; Nagoya; Sapporo; Fukuoka; Kobe; Hiroshima; Nagasaki; Fukushima; Okinawa;
  Surabaya; Bandung; Medan; Bali; Cebu; Davao; Mandalay; Chiang Mai; Phuket; Penang; Adelaide; Gold Coast;
  Christchurch; Dunedin; Mashhad; Isfahan; Shiraz; Tabriz; Qom; Herat; Mazar-i-Sharif; Jalalabad; Sulaymaniyah; Hama; Latakia;
  Daraa; Palmyra; Haifa; Nazareth; Bethlehem; Hebron; Nablus; Rafah; Khan Younis; Sidon; Tripoli; Aqaba; Dammam;
  Mashhad; Izmir; Antalya; Bursa; Adana; Gaziantep; Diyarbakir; Sharm el-Sheikh; Luxor; Aswan; Giza; Port Said; Suez; Misrata;
  Sirte; Marrakesh; Marrakech; Fez; Tangier; Oran; Omdurman; Port Sudan; Mekelle; Asmara; Dire Dawa; Mombasa; Kisumu; Goma;
  Lubumbashi; Kano; Ibadan; Port Harcourt; Maiduguri; Kumasi; Abidjan; Yamoussoukro; Bamako; Timbuktu; Niamey; Soweto;
  Port Elizabeth; Bulawayo; Antwerp; Ghent; Bruges; Utrecht; Eindhoven; The Hague; Luxembourg City; Stuttgart; Dusseldorf;
  Düsseldorf; Dortmund; Essen; Leipzig; Dresden; Hanover; Bremen; Nuremberg; Bonn; Salzburg; Innsbruck; Graz; Basel; Lausanne;
  Lyon; Toulouse; Nantes; Strasbourg; Bordeaux; Lille; Montpellier; Calais; Cannes; Monaco; Seville; Valencia; Bilbao;
  Malaga; Málaga; Zaragoza; Granada; Porto; Turin; Genoa; Florence; Venice; Bologna; Palermo; Bari; Catania;
  Verona; Pisa; Trieste; Thessaloniki; Piraeus; Krakow; Kraków; Gdansk; Gdańsk; Wroclaw; Wrocław; Lodz; Poznan; Brno; Kosice;
  Debrecen; Cluj-Napoca; Timisoara; Constanta; Varna; Plovdiv; Dubrovnik; Novi Sad; Mostar; Banja Luka; Thessaloniki;
  Gothenburg; Malmo; Malmö; Uppsala; Trondheim; Aarhus; Odense; Tampere; Turku; Galway; Limerick; Derry; Leeds;
  Sheffield; Bristol; Newcastle; Nottingham; Southampton; Portsmouth; Brighton; Oxford; Cambridge; Coventry;
  Aberdeen; Dundee; Inverness; Swansea; Novosibirsk; Yekaterinburg; Kazan; Nizhny Novgorod; Samara; Omsk; Rostov-on-Don;
  Ufa; Krasnoyarsk; Volgograd; Vladivostok; Murmansk; Kaliningrad; Sochi; Grozny; Lviv; Dnipro; Zaporizhzhia; Donetsk; Luhansk;
  Mariupol; Kherson; Mykolaiv; Bakhmut; Sevastopol; Simferopol; Tbilisi; Batumi; Almaty; Samarkand; Bukhara; Baltimore;
  San Diego; San Antonio; San Jose; Jacksonville; Indianapolis; Fort Worth; El Paso; Nashville;
  Memphis; Louisville; Milwaukee; Albuquerque; Tucson; Fresno; Sacramento; Kansas City; Omaha; Minneapolis; St. Louis;
  St Louis; Cleveland; Cincinnati; Pittsburgh; Tampa; Orlando; New Orleans; Honolulu; Anchorage; Salt Lake City;
  Oakland; Long Beach; Newark; Charleston; Savannah; Birmingham; Oklahoma City; Tulsa; Boise;
  Des Moines; Hartford; Annapolis; Trenton; Harrisburg; Sacramento; Tallahassee; Baton Rouge; Little Rock; Atlanta; Topeka; Cheyenne; Juneau; Carson City; Santa Fe; Montpelier; Calgary; Edmonton;
  Winnipeg; Quebec City; Halifax; Saskatoon; Mississauga; Kitchener; St. John's;
  Fredericton; Charlottetown; Whitehorse; Yellowknife; Iqaluit; Guadalajara; Monterrey; Puebla; Tijuana; Ciudad Juarez;
  Ciudad Juárez; Cancun; Cancún; Acapulco; Culiacan; Culiacán; Medellin; Medellín; Cali; Cartagena; Barranquilla; Guayaquil;
  Maracaibo; Valencia; Cusco; Arequipa; Cordoba; Córdoba; Rosario; Mendoza; Valparaiso; Valparaíso; Fortaleza;
  Belo Horizonte; Manaus; Curitiba; Recife; Porto Alegre; Belem; Belém; Santa Cruz; Cochabamba; Nassau; San Juan;
  Port-of-Spain; Bridgetown`);

export const REGIONS = list(`East Timor; Timor-Leste; French Guiana; French Polynesia; Guadeloupe; Martinique; Réunion;
  Mayotte; Gibraltar; Faroe Islands; Cayman Islands; British Virgin Islands; Falkland Islands; Guam; American Samoa; Equatorial Guinea; Guinea-Bissau; Cape Verde; Central African Republic;
  Democratic Republic of the Congo; Republic of the Congo; DR Congo; Marshall Islands; Solomon Islands; Palau; Nauru; Tuvalu;
  Kiribati; Saint Lucia; Antigua and Barbuda; Newfoundland and Labrador; Newfoundland; Prince Edward Island; New Brunswick; Saskatchewan; Yukon;
  Northwest Territories; Nunavut; Northern Territory; Australian Capital Territory; Maharashtra; Uttar Pradesh; Bihar;
  West Bengal; Tamil Nadu; Kerala; Karnataka; Gujarat; Rajasthan; Madhya Pradesh; Andhra Pradesh; Telangana; Odisha; Assam;
  Manipur; Jammu and Kashmir; Ladakh; Goa; Sindh; Balochistan; Khyber Pakhtunkhwa; Xinjiang; Guangdong; Sichuan; Hubei; Henan;
  Yunnan; Fujian; Zhejiang; Jiangsu; Shandong; Hainan; Inner Mongolia; Bavaria; Saxony; Brandenburg; Hesse; Lower Saxony;
  North Rhine-Westphalia; Baden-Wurttemberg; Baden-Württemberg; Thuringia; Sao Paulo state; Rio Grande do Sul; Minas Gerais;
  Amazonas; Bahia; Chiapas; Oaxaca; Sinaloa; Chihuahua; Jalisco; Michoacan; Michoacán; Guerrero; Sonora; Baja California;
  Borno; Lagos State; Kaduna; Anglia; Yorkshire; Lancashire; Ulster; Flanders; Wallonia; Normandy;
  Brittany; Provence; Corsica; Sicily; Sardinia; Andalusia; Basque Country; Galicia; Kurdistan Region;
  Donbas; Donbass; Transnistria; Abkhazia; South Ossetia; Nagorno-Karabakh; Dagestan; Tatarstan; Kurdistan; Mindanao; Luzon;
  Borneo; Sumatra; Papua; Aceh; Patagonia; Siberia; Hokkaido; Kyushu; Okinawa; Jeju; Greenland; Puerto Rico;
  Guam; Bermuda; Hawaii; Tahiti; New Caledonia; Western Sahara; Sahel; Maghreb; Levant; Indochina; Oceania; Polynesia;
  Melanesia; Micronesia; Central America; Sub-Saharan Africa; Southern Africa; Central Africa; Eastern Africa; Northern Europe;
  Southern Europe; Central Europe; Asia-Pacific; Indian Ocean; Pacific Ocean; Atlantic Ocean; Arctic Ocean; South China Sea;
  East China Sea; Baltic; Baltic Sea; North Sea; Adriatic; Aegean; Alps; Himalayas; Andes; Rockies; Silicon Valley; Wall Street`);

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
  steve steven susan thomas tim timothy tom tony vincent vladimir walter william wilson xi yusuf zhang
  abigail adele adriana agnes ahmet aisha akira alain alessandro alfred alison allan alvaro amelia amina anastasia andre andrei
  andrzej angel anita antoine anton arthur ashraf barbara beatrice ben bernie beth betty bilal billy boris brandon brenda brett
  bruno camille carla carmen carol carolyn cheng chloe christina christine cindy colin craig cristina dan dana daniela darren dave
  dean deborah denis diane dimitri dmitri dominic donna doris dorothy douglas duncan edith eduardo elias elijah elisa ellie emil
  emilio enrique erin ethan eugene evan evelyn fabio faisal farid felipe felix fiona florence francesca franco françois francois
  fred gabriel gabriela gareth gavin gemma geoffrey gerald gerhard gianluca gina giorgio giovanni giuseppe glen glenn grace graham
  guillermo gustavo hannah harold hayden heather hector heidi helmut herbert hiroshi holly howard hugh ivan jacqueline jaime jake
  janet jasmine jay jean-claude jean-pierre jennifer jenny jesse jesús jill joan joanna joel johan johnny jon jordan josef joshua
  joyce judith judy jun kamal karl kathleen kathryn keith ken kenneth khaled kofi kurt kyle lars lauren lawrence leo leon leslie
  liam lily lorenzo louise lucia lucy luca lukas lynn malcolm manuel marcel marcus margaret maria mariana marina mario marion marta
  martha matt matteo maurice max maxim megan melanie melissa mia michelle mikhail miriam mitchell monica mustafa nadia naomi
  narendra natalia natalie neil nelson nick nicola nicole nigel nikola noah norman olivia oliver pablo pamela pascal patricia
  paula pavel peggy penelope petra phil philippe rajesh ralph ramon randy raul raúl rebecca recep reza ricardo rick rita rob
  robin rodrigo ron rose ross ruth sabrina sally salman samantha sandra sanjay scott sean sebastian seth shane sharon shaun
  sheila shirley silvia sonia stan stefan stella stuart sunil susanne suzanne sven tanya tara teresa terry theresa tina todd
  tomas travis trevor valentina valerie vanessa veronica victor victoria viktor virginia wang wayne wei wendy xavier yasmin yuki
  yuri yves zoe`
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
  Microsoft; Amazon; Facebook; Meta; Twitter; Hamas; Hezbollah; Hizbollah; Fatah; Taliban; Taleban; Islamic State; ISIS; ISIL;
  al-Qaeda; Al-Qaeda; al-Qaida; Al-Qaida; al Qaeda; al Qaida; Al Qaeda; Al Qaida; Tamil Tigers; LTTE; Boko Haram; al-Shabab;
  al-Shabaab; Al-Shabab; Islamic Jihad;
  Muslim Brotherhood; FIFA; UEFA; IOC;
  UN Security Council; Security Council; General Assembly; UN General Assembly; UNDP; UNEP; UNRWA; WFP; World Food Programme;
  FAO; ILO; IAEA; International Atomic Energy Agency; OECD; OSCE; Council of Europe; European Central Bank; ECB;
  Organization of American States; Commonwealth; Mercosur; G7; G20; Federal Reserve; Bank of England; Bank of Japan;
  International Olympic Committee; International Court of Justice; ICJ; World Economic Forum; Medecins Sans Frontieres;
  Médecins Sans Frontières; Save the Children; Oxfam; Transparency International; Reporters Without Borders; Wikileaks;
  WikiLeaks; Wikinews; Wikipedia; Wikimedia Foundation; Kyodo; Kyodo News; Yonhap; Anadolu; Anadolu Agency; DPA; EFE; ANSA; PTI;
  Press Trust of India; Bernama; IRNA; KCNA; Press TV; RT; Sputnik; Al Arabiya; NHK; ABC; NBC; CBS; CBC; Fox News; NPR; PBS;
  Sky News; ITV; Channel 4; Deutsche Welle; France 24; Radio Free Europe; Voice of America; USA Today; Los Angeles Times;
  The Times; The Telegraph; Daily Telegraph; The Independent; The Economist; Le Monde; Der Spiegel; El País; Haaretz;
  Times of India; South China Morning Post; Sydney Morning Herald; Toronto Star; Globe and Mail; Politico; Axios;
  Samsung; Sony; Toyota; Honda; Nissan; Hyundai; Volkswagen; BMW; Mercedes-Benz; Daimler; Renault; Fiat; Ford; General Motors;
  Tesla; Boeing; Airbus; Lockheed Martin; IBM; Intel; Nvidia; Oracle; Cisco; Netflix; Disney; Nintendo; Shell; BP; ExxonMobil;
  Chevron; Gazprom; Rosneft; Aramco; Saudi Aramco; Huawei; ZTE; Alibaba; Tencent; Baidu; TikTok; ByteDance; Uber; Airbnb;
  Walmart; Nike; Adidas; Coca-Cola; PepsiCo; Nestle; Nestlé; Unilever; Pfizer; Moderna; AstraZeneca; Johnson & Johnson;
  The Lancet; Lancet; New England Journal of Medicine; BMJ; JAMA;
  Goldman Sachs; JPMorgan; JPMorgan Chase; J.P. Morgan; JP Morgan; Morgan Stanley; Citigroup; HSBC; Barclays; Deutsche Bank; UBS; Credit Suisse;
  OpenAI; SpaceX; Instagram; WhatsApp; YouTube; LinkedIn; Yahoo; eBay; PayPal; Spotify; Ryanair; Lufthansa; Emirates;
  Qantas; Air France; British Airways; Siemens; Nokia; Ericsson; Philips; Ikea; IKEA; Vodafone; Verizon; AT&T`);
