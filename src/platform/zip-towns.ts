// Town names for US ZIP codes Firma knows (Connecticut, for the demo petition); other codes show no town.
// Kept as data so a fuller directory can replace it without touching code.

const CONNECTICUT: Record<string, string> = {
  '06001': 'Avon',
  '06002': 'Bloomfield',
  '06010': 'Bristol',
  '06013': 'Burlington',
  '06016': 'Broad Brook',
  '06019': 'Canton',
  '06023': 'East Berlin',
  '06026': 'East Granby',
  '06029': 'Ellington',
  '06032': 'Farmington',
  '06033': 'Glastonbury',
  '06035': 'Granby',
  '06037': 'Berlin',
  '06040': 'Manchester',
  '06042': 'Manchester',
  '06051': 'New Britain',
  '06052': 'New Britain',
  '06053': 'New Britain',
  '06062': 'Plainville',
  '06066': 'Vernon',
  '06067': 'Rocky Hill',
  '06070': 'Simsbury',
  '06074': 'South Windsor',
  '06078': 'Suffield',
  '06082': 'Enfield',
  '06085': 'Unionville',
  '06088': 'East Windsor',
  '06089': 'Weatogue',
  '06092': 'West Simsbury',
  '06095': 'Windsor',
  '06096': 'Windsor Locks',
  '06103': 'Hartford',
  '06105': 'Hartford',
  '06106': 'Hartford',
  '06107': 'West Hartford',
  '06108': 'East Hartford',
  '06109': 'Wethersfield',
  '06110': 'West Hartford',
  '06111': 'Newington',
  '06112': 'Hartford',
  '06114': 'Hartford',
  '06117': 'West Hartford',
  '06118': 'East Hartford',
  '06119': 'West Hartford',
  '06120': 'Hartford',
  '06226': 'Willimantic',
  '06239': 'Danielson',
  '06250': 'Mansfield Center',
  '06260': 'Putnam',
  '06268': 'Storrs',
  '06269': 'Storrs',
  '06320': 'New London',
  '06333': 'East Lyme',
  '06335': 'Gales Ferry',
  '06340': 'Groton',
  '06351': 'Jewett City',
  '06355': 'Mystic',
  '06357': 'Niantic',
  '06360': 'Norwich',
  '06371': 'Old Lyme',
  '06379': 'Pawcatuck',
  '06385': 'Waterford',
  '06401': 'Ansonia',
  '06403': 'Beacon Falls',
  '06405': 'Branford',
  '06410': 'Cheshire',
  '06413': 'Clinton',
  '06415': 'Colchester',
  '06416': 'Cromwell',
  '06418': 'Derby',
  '06422': 'Durham',
  '06424': 'East Hampton',
  '06437': 'Guilford',
  '06443': 'Madison',
  '06450': 'Meriden',
  '06451': 'Meriden',
  '06455': 'Middlefield',
  '06457': 'Middletown',
  '06460': 'Milford',
  '06461': 'Milford',
  '06468': 'Monroe',
  '06470': 'Newtown',
  '06473': 'North Haven',
  '06475': 'Old Saybrook',
  '06477': 'Orange',
  '06478': 'Oxford',
  '06480': 'Portland',
  '06483': 'Seymour',
  '06484': 'Shelton',
  '06488': 'Southbury',
  '06489': 'Southington',
  '06492': 'Wallingford',
  '06498': 'Westbrook',
  '06510': 'New Haven',
  '06511': 'New Haven',
  '06512': 'East Haven',
  '06513': 'New Haven',
  '06514': 'Hamden',
  '06515': 'New Haven',
  '06516': 'West Haven',
  '06517': 'Hamden',
  '06518': 'Hamden',
  '06519': 'New Haven',
  '06524': 'Bethany',
  '06525': 'Woodbridge',
  '06604': 'Bridgeport',
  '06605': 'Bridgeport',
  '06606': 'Bridgeport',
  '06607': 'Bridgeport',
  '06608': 'Bridgeport',
  '06610': 'Bridgeport',
  '06611': 'Trumbull',
  '06612': 'Easton',
  '06614': 'Stratford',
  '06615': 'Stratford',
  '06702': 'Waterbury',
  '06704': 'Waterbury',
  '06705': 'Waterbury',
  '06706': 'Waterbury',
  '06708': 'Waterbury',
  '06710': 'Waterbury',
  '06712': 'Prospect',
  '06716': 'Wolcott',
  '06762': 'Middlebury',
  '06770': 'Naugatuck',
  '06776': 'New Milford',
  '06790': 'Torrington',
  '06795': 'Watertown',
  '06801': 'Bethel',
  '06804': 'Brookfield',
  '06810': 'Danbury',
  '06811': 'Danbury',
  '06820': 'Darien',
  '06824': 'Fairfield',
  '06825': 'Fairfield',
  '06830': 'Greenwich',
  '06831': 'Greenwich',
  '06840': 'New Canaan',
  '06850': 'Norwalk',
  '06851': 'Norwalk',
  '06854': 'Norwalk',
  '06855': 'Norwalk',
  '06870': 'Old Greenwich',
  '06877': 'Ridgefield',
  '06878': 'Riverside',
  '06880': 'Westport',
  '06883': 'Weston',
  '06890': 'Southport',
  '06897': 'Wilton',
  '06901': 'Stamford',
  '06902': 'Stamford',
  '06903': 'Stamford',
  '06905': 'Stamford',
  '06906': 'Stamford',
  '06907': 'Stamford',
};

/** The town for a stored postal code, where Firma knows it. */
export function townForPostalCode(country: string, postalCode: string): string | undefined {
  if (country !== 'US') return undefined;
  return CONNECTICUT[postalCode];
}

/** Every known Connecticut ZIP code with its town (for demo data). */
export function connecticutZipCodes(): [string, string][] {
  return Object.entries(CONNECTICUT);
}

/** A town's name as typed, for comparing: accents, case, spaces and punctuation aside ("New  haven." = "New Haven"). */
function townKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The ZIP codes Firma knows for a town typed by a visitor (none for a town it does not know). */
export function zipCodesOfTown(name: string): string[] {
  const key = townKey(name);
  if (key === '') return [];
  return Object.entries(CONNECTICUT)
    .filter(([, town]) => townKey(town) === key)
    .map(([zip]) => zip);
}

/** A known town's name as Firma writes it, for a name typed any way. */
export function townNamed(name: string): string | undefined {
  const key = townKey(name);
  return Object.values(CONNECTICUT).find((town) => townKey(town) === key);
}
