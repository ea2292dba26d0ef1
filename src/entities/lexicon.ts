/**
 * Word lists the unregistered-name detector relies on. Kept as data, lower case, so rules stay
 * short and a newsroom can see exactly why a word was or was not taken for a name.
 */
const set = (words: string) => new Set(words.trim().split(/\s+/));

export const WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun");
export const MONTHS = set(`january february march april may june july august september october november december
  jan jan. feb feb. mar. apr apr. jun. jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.`);

/**
 * Adjectives of nationality and faith: never a place ("Syrian forces"), and not names on
 * their own. A demonym followed by an organisation word stays ("Iraqi Army").
 */
export const DEMONYMS = set(`afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
  azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian cameroonian
  canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch egyptian emirati english eritrean
  estonian ethiopian european filipino finnish french georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic
  indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish
  kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian macedonian malagasy malawian malaysian malian maltese mauritanian
  mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese nicaraguan nigerian nigerien norwegian omani pakistani
  palestinian panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish senegalese
  serbian sierra singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai tunisian
  turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean arab arabian asian african
  latin western eastern northern southern muslim muslims christian christians jewish jews islamic catholic protestant orthodox sunni
  shia shiite hindu buddhist sikh kurd kurds rohingya hazara bangladeshi arabs israelis palestinians americans europeans africans asians iranians iraqis syrians
  scientologist scientologists islamist islamists jihadist jihadists democrat democrats republican republicans communist socialist
  liberal conservative yazidi alawite druze pashtun baloch tamil sinhalese hutu tutsi uyghur tibetan`);

/**
 * Titles and ranks: stripped from the front of a name, and proof that what follows is a
 * person. Multi-word titles are matched word by word (`Brig. Gen.`, `Prime Minister`).
 */
export const TITLES = set(`emeritus assistant associate mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president vice prime
  minister ministers premier chancellor secretary general gen gen. brig brig. brigadier col col. colonel lt lt. lieutenant maj
  maj. major capt capt. captain cpt cpt. sgt sgt. sergeant cmdr cmdr. commander adm adm. admiral marshal field gov gov. governor
  sen sen. senator rep rep. representative rev rev. reverend father sister brother bishop archbishop cardinal pope imam ayatollah
  grand sheikh shaikh emir king queen prince princess crown sultan mayor judge justice chief deputy spokesman spokeswoman
  spokesperson ambassador envoy speaker chairman chairwoman chair ceo director administrator commissioner inspector superintendent supt supt. insp insp. prophet
  officer detective constable agent coach mp mla congressman congresswoman councillor councilor alderman ms. hon hon. honourable
  honorable sheriff his her excellency majesty highness saint st st. mufti rabbi pastor mullah dr minister-president foreign interior
  defence defense finance health education justice water energy trade labour labor transport security state national acting
  former late opposition leader leaders secretary-general director-general attorney-general governor-general vice-president
  vice-chancellor lieutenant-general major-general vice-premier`);

/** Titles that are a title only before a name; alone they are an ordinary capitalised word. */
export const TITLE_HEADS = set(`president minister premier chancellor secretary general gen gen. brigadier brig brig. colonel col
  col. lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. commander cmdr cmdr. admiral adm adm. governor gov gov.
  senator sen sen. representative rep rep. reverend rev rev. bishop archbishop cardinal pope imam ayatollah sheikh shaikh emir king
  queen prince princess sultan mayor judge mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady father
  mufti rabbi pastor mullah chairman ambassador envoy speaker supt supt. insp insp. inspector superintendent detective constable
  mp congressman congresswoman councillor councilor spokesman spokeswoman spokesperson sheriff administrator commissioner director prophet
  justice
  secretary-general director-general attorney-general governor-general vice-president vice-chancellor lieutenant-general
  major-general vice-premier`);

/** Lower-case words right before a name that say it is a person (`spokesperson Muqdad Miri`). */
export const ROLE_NOUNS = set(`spokesperson spokesman spokeswoman minister president leader actor actress musician singer writer
  author director chief head mayor governor senator official officer general commander coach player striker midfielder defender
  goalkeeper captain manager chairman chairwoman founder ceo executive economist analyst professor researcher scientist lawyer
  attorney judge prosecutor journalist reporter editor photographer candidate councillor councilor lawmaker legislator politician
  activist campaigner rapper artist designer architect engineer doctor nurse teacher student pilot driver cyclist runner champion
  defector brother sister son daughter wife husband mother father uncle aunt cousin colleague friend pastor priest imam cleric
  ambassador envoy diplomat veteran newcomer member pan-democrat democrat republican nonpartisan inspector detective investigator
  agent businessman businesswoman billionaire entrepreneur owner representative secretary premier chancellor co-founder
  cofounder curator historian poet novelist filmmaker producer chef priest nun monk farmer surgeon physician psychologist
  astronaut commentator columnist critic woman man girl boy teenager`);

/** Words that end organisation names. */
export const ORG_HEADS = set(`ministry ministries department office agency agencies authority authorities commission committee council
  party parties bloc army navy forces force police guard guards command corps brigade brigades battalion regiment militia militias
  front movement coalition alliance union federation league association society foundation institute institution university
  college school academy hospital church bank company companies corporation corp corp. inc inc. ltd ltd. llc plc group
  holdings airlines airways railways energia energy motor motors systems technologies network networks times post journal herald
  tribune news press magazine weekly daily gazette broadcasting television radio tv club fc united organization organisation nations
  organizations nations board bureau court parliament assembly congress senate cabinet government administration service services
  center centre council tribunal fund trust partnership consortium cooperative commission exchange reserve treasury embassy
  consulate mission directorate secretariat unit units division command hezbollah hamas taliban brotherhood cartel gang
  project org co co. plc sa s.a. ag nv n.v. gmbh spa s.p.a. bhd pty llp lp petroleum oil gas pharmaceuticals pharma steel
  mining telecom telecommunications electric electronics chemicals foods insurance partners investments securities
  financial media entertainment studios records pictures software labs laboratories therapeutics resources industries
  enterprises ventures brands stores logistics automotive aerospace`);

/** Words that make a club of the city after them (`Real Madrid`, `Bayern Munich`). */
export const CLUB_PREFIXES = set(`real atletico atlético inter ac as fc sc sporting dynamo dinamo bayern borussia olympique
  racing deportivo lokomotiv spartak cska athletic hertha werder eintracht fortuna rapid austria red`);

/** Sports roles right after a place name: the place is a club (`Liverpool striker`, `Chelsea manager`). */
export const SPORT_ROLES = set(`striker midfielder defender goalkeeper keeper forward winger fullback full-back coach manager
  captain quarterback pitcher playmaker skipper boss`);

/** Words before `Center`/`Centre` that make it a site rather than an institution (`Kennedy Space Center`). */
export const FACILITY_WORDS = set(`space convention conference exhibition exposition trade shopping sports aquatic aquatics leisure
  community civic cultural culture arts art performing medical detention visitor visitors operations control distribution
  data transit transportation events event financial health`);

/** Words that start organisation names (`Ministry of`, `Bank of`, `Kataib`). */
export const ORG_STARTS = set(`ministry department bank university church council board office institute federation union league daily
  house kataib harakat hizb jaish jabhat asaib saraya liwa ansar`);

/** Words that end place names. */
export const PLACE_HEADS = set(`city county province state states region district territory territories island islands river
  mountain mountains mount lake sea ocean gulf bay strait straits desert valley plain plains coast peninsula bridge street road
  avenue square airport port harbour harbor canal dam park forest hills hill heights crossing border governorate prefecture
  oblast municipality village town kingdom republic emirates land base camp towers tower stadium arena palace beach
  basin delta falls reef hotel mosque cathedral temple shrine museum gallery galleries library theatre theater hall zoo
  castle monastery springs house garden gardens zone`);

/** Lower-case words right before a name that say it is a place (`the town of Yeoncheon`). */
export const PLACE_NOUNS = set(`city town village province region district county state country capital island port area
  neighbourhood neighborhood suburb crossing border governorate coast shore shores outskirts streets`);

/** Lower-case nouns right after a name that say it is an organisation (`al-Ikhbariya television`). */
export const ORG_NOUNS_AFTER = set(`television tv radio newspaper channel network agency broadcaster daily weekly magazine website
  group company firm party militia movement spokesman spokeswoman spokesperson officials official executives employees
  troops fighters militants members lawmakers`);

/** Lower-case nouns right before a name that say it is an organisation (`drug maker Merck`, `the firm X`). */
export const ORG_NOUNS_BEFORE = set(`firm company band group automaker carmaker maker airline bank retailer manufacturer
  newspaper broadcaster network club team insurer lender conglomerate startup studio label chain operator supplier
  publisher giant agency`);

/** Lower-case words right before a title of a work (`the book Blown for Good`): the title is no entity. */
export const WORK_NOUNS = set(`book novel memoir film movie documentary song single album series show sitcom drama play musical
  opera painting sculpture poem game video exhibition exhibit`);

/** Words that end the names of events, holidays and laws: not people, organisations or places. */
export const EVENT_HEADS = set(`day days week war wars games cup olympics championship championships festival summit conference
  election elections prize award awards act treaty accord accords agreement revolution uprising crisis protests marathon
  tournament season program programme initiative study survey series`);

/** Prepositions that usually introduce places. */
export const LOCATIVE = set("in near at into across from to toward towards outside inside around throughout via reached entered");

/** Verbs of speech: `X said` makes X a person or an organisation, never a place. */
export const SPEECH_VERBS = set(`said says told stated added asked announced claimed confirmed denied explained noted warned wrote
  argued insisted admitted declared replied reported urged called tweeted`);

/**
 * Capitalised words that start sentences and are almost never names. The detector also drops a
 * sentence-initial word the text uses in lower case elsewhere, or never capitalises mid-sentence.
 */
export const COMMON_CAPITALISED = set(`a an the this that these those there their they them then than he she it its his her we our
  you your i my me us who whom whose what when where why how which while if in on at by for from to of and or but nor so yet as
  after before since until despite although though however meanwhile also according speaking additional other others another some
  many most more much few several all both each every any no not none one two three four five six seven eight nine ten dozens
  hundreds thousands millions tens about over under between among during without within with into onto upon against toward
  towards through throughout around near here now today yesterday tomorrow tonight last next first second third earlier later
  recent recently officials police troops reports report sources witnesses residents people critics analysts experts opponents
  supporters voters fighters militants soldiers authorities government state local regional national international federal
  public private former current old young north south east west senior junior deputy image photo file video read see watch related update
  updated breaking exclusive analysis opinion editorial comment interview statement election elections war peace but instead
  even still just only such just because thus hence therefore indeed overall finally eventually image: mr ms mrs yes
  please let let's don't do does did is are was were be been being has have had will would can could should may might must shall
  o oh well so-called pro anti i'll i'm i've i'd`);

/** Connecting words allowed inside a name (`Church of Scientology`, `Bank of England`). */
export const CONNECTORS = set("of the for de del della di da do dos das du la le van von der den ten ter zu bin ibn al el y");

/** Two-letter and longer acronyms that are places, not organisations. */
export const PLACE_ACRONYMS = set("us usa u.s u.s. uk u.k u.k. uae drc prc dprk la nyc dc");

/** Capitalised words that are not names of people, organisations or places. */
export const NOT_NAMES = set(`islam christianity judaism hinduism buddhism sikhism internet web god allah satan jesus hajj ramadan
  eid christmas easter passover diwali hanukkah thanksgiving covid covid-19 coronavirus aids hiv ebola tv dna gdp ceo celsius
  fahrenheit gmt utc bst cet`);

/** Words that are part of names (`Olympic Delivery Authority`) but never a name alone (`the Games`). */
export const NOT_NAMES_ALONE = set("olympic olympics paralympic paralympics games summit");

/** Compass words: the end of a place name (`Kowloon East`), never a name alone (`the North`). */
export const COMPASS = set("north south east west central northern southern eastern western upper lower greater inner outer");

/**
 * Capitalised before a place, these say which part of it is meant (`Northern Iraq`, `Downtown
 * Baghdad`) rather than name another place; bare compass points do name one (`North Korea`,
 * `South East Asia`), and known pairs (`Northern Ireland`, `Central Asia`) are in the gazetteer.
 */
export const REGION_MODIFIERS = set(`northern southern eastern western central upper lower greater inner outer downtown midtown
  uptown northeastern northwestern southeastern southwestern north-eastern north-western south-eastern south-western`);

/** Words that open names of places and bodies (`Port Marren`, `Lake Victoria`, `Kataib Hezbollah`). */
export const NAME_OPENERS = set("port mount mt mt. lake fort saint st st. san santa são sao cape gulf isle");

/** `fighters from X`, `members of X`: X is a group. */
export const GROUP_NOUNS = set(`fighters members militants troops soldiers units leaders leader officials supporters commanders
  forces militiamen gunmen activists delegates representatives staff employees analysts economists executives workers
  researchers scientists engineers`);
