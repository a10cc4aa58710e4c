// shangliang search: a query cut into the words of the index, in either script.
//
// The build writes, next to Pagefind's index (plugins/shangliang/search/lexicon.py),
// pagefind/shangliang/search.json naming:
// - word shards: the index's words of 2+ characters, sharded by first character
//   (code point % number of shards), each `{first character: "tail tail …"}`;
// - script maps from OpenCC (variants.py): traditional → simplified characters and
//   phrases trimmed to the index, and simplified → the traditional characters the
//   index itself holds.
// A query is converted to simplified characters, then cut by longest match against
// the words of the index (a word typed alone or inside a longer string is found as the
// index holds it: 济事商量 → 济事 + 商量, 公交 stays 公交), and also cut finer where a
// word of the query is itself made of index words (荣昌区 → 荣昌 + 区), since the
// index's segmenter may have cut it either way. Only the shards of the query's own
// characters are fetched.

/** The format of search.json this module reads (lexicon.FORMAT). */
export const FORMAT = 1;
/** Longest word the shards hold (lexicon.MAX_WORD_CHARS). */
export const MAX_WORD = 8;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const TOKENS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
// Costs of a cut: a word of the index, the start of one (typed in part), a lone character.
const WORD_COST = 1;
const PREFIX_COST = 1.2;
const CHAR_COST = 1.5;

/** The words of the index known for a query: first character → tails. */
export class Lexicon {
  constructor(tails = new Map()) {
    this.tails = tails;
  }

  /** A lexicon from shard objects (`{first: "tail tail"}`). */
  static fromShards(shards) {
    const tails = new Map();
    for (const shard of shards) {
      for (const [first, joined] of Object.entries(shard || {})) tails.set(first, joined.split(" "));
    }
    return new Lexicon(tails);
  }

  /** Whether `text` is a word of the index. */
  isWord(text) {
    const tails = this.tails.get(text[0]);
    return Boolean(tails && tails.includes(text.slice(1)));
  }

  /** Whether some word of the index starts with `text` (and is longer). */
  startsWord(text) {
    const tails = this.tails.get(text[0]);
    const rest = text.slice(1);
    return Boolean(tails && tails.some((tail) => tail.length > rest.length && tail.startsWith(rest)));
  }
}

/** `text` with every key of `map` found in it replaced, longest keys first. */
export function convert(text, map) {
  const keys = Object.keys(map || {});
  if (!keys.length) return text;
  const longest = Math.max(...keys.map((key) => key.length));
  let out = "";
  for (let at = 0; at < text.length; ) {
    let step = 1;
    let replacement = text[at];
    for (let length = Math.min(longest, text.length - at); length >= 1; length -= 1) {
      const piece = text.slice(at, at + length);
      if (Object.hasOwn(map, piece)) {
        [step, replacement] = [length, map[piece]];
        break;
      }
    }
    out += replacement;
    at += step;
  }
  return out;
}

// Cheapest cut of a run of Han characters into words, starts of words and characters.
// Of cuts as cheap, the one whose last pieces are longer wins (backward maximum
// matching: 内江市政协 → 内江 + 市 + 政协, not 内江 + 市政 + 协), or with `forward`
// the one whose first pieces are (邹城市 → 邹城 + 市, not 邹 + 城市): where the two
// differ the query is searched both ways. `longest` bounds a piece's length.
function cheapestCut(run, lexicon, longest = MAX_WORD, forward = false) {
  const n = run.length;
  const best = new Array(n + 1).fill(null);
  best[0] = { cost: 0, pieces: [] };
  for (let j = 1; j <= n; j += 1) {
    for (let i = Math.max(0, j - longest); i < j; i += 1) {
      if (!best[i]) continue;
      const piece = run.slice(i, j);
      let cost = null;
      if (j - i === 1) cost = CHAR_COST;
      else if (lexicon.isWord(piece)) cost = WORD_COST;
      else if (j === n && lexicon.startsWord(piece)) cost = PREFIX_COST;
      if (cost === null) continue;
      const total = best[i].cost + cost;
      const better = !best[j] || total < best[j].cost || (forward && total === best[j].cost && longerFirst(best[i].pieces, piece, best[j].pieces));
      if (better) best[j] = { cost: total, pieces: [...best[i].pieces, piece] };
    }
  }
  return best[n];
}

// Whether `head` + `last` starts with longer pieces than `other`.
function longerFirst(head, last, other) {
  const pieces = [...head, last];
  for (let k = 0; k < Math.min(pieces.length, other.length); k += 1) {
    if (pieces[k].length !== other[k].length) return pieces[k].length > other[k].length;
  }
  return false;
}

/** The finer cut of one word: into index words (and at most one lone character), when it is made of them. */
function finerCut(word, lexicon) {
  if (word.length < 3) return [word];
  const cut = cheapestCut(word, lexicon, word.length - 1);
  const lone = cut ? cut.pieces.filter((piece) => piece.length === 1).length : 2;
  return lone <= 1 ? cut.pieces : [word];
}

/** The tokens of a query: runs of Han characters, and runs of other letters and digits. */
export function tokens(text) {
  return text.normalize("NFKC").toLowerCase().match(TOKENS) || [];
}

/**
 * The ways to search `text` (already in the index's script): lists of terms, cut
 * backward and forward (when they differ), each also cut finer (when it can be);
 * the last is the finest.
 */
export function cuts(text, lexicon) {
  const ways = [false, true].map((forward) =>
    tokens(text).flatMap((token) => (HAN.test(token) ? cheapestCut(token, lexicon, MAX_WORD, forward).pieces : [token])),
  );
  const finer = ways.map((terms) => terms.flatMap((term) => (HAN.test(term) ? finerCut(term, lexicon) : [term])));
  const seen = new Set();
  return [...ways, ...finer].filter((terms) => {
    const key = terms.join(" ");
    return !seen.has(key) && seen.add(key);
  });
}

// "燈灯綠绿" → {燈: "灯", 綠: "绿"}
function pairs(text = "") {
  const chars = Array.from(text);
  const map = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The index's words and script maps, fetched from `manifestUrl` (search.json) on
 * first use and shared; a failed load leaves queries uncut and unconverted.
 */
export function searchWords(manifestUrl, load = fetchJson) {
  const base = new URL(".", manifestUrl);
  let manifest = null;
  let scripts = null;
  const shards = new Map();

  function loadManifest() {
    if (!manifest) {
      manifest = load(`${manifestUrl}?ts=${Date.now()}`)
        .then((data) => (data && data.format === FORMAT ? data : null))
        .catch(() => null);
    }
    return manifest;
  }

  function loadShard(data, number) {
    if (!shards.has(number)) {
      shards.set(number, load(new URL(data.words[number], base).href).catch(() => ({})));
    }
    return shards.get(number);
  }

  return {
    /** Start loading what `text` will need (call on every keystroke). */
    async prefetch(text = "") {
      const data = await loadManifest();
      if (!data) return;
      const maps = await this.scripts();
      const count = data.words.length;
      const simplified = convert(text, maps.simplified);
      for (const char of new Set(simplified + convert(simplified, maps.traditional))) {
        if (HAN.test(char)) loadShard(data, char.codePointAt(0) % count);
      }
    },

    /** `{simplified, traditional}` maps, text → converted text ({} when there are none). */
    async scripts() {
      if (!scripts) {
        scripts = loadManifest()
          .then((data) => (data && data.scripts ? load(new URL(data.scripts, base).href) : {}))
          .catch(() => ({}))
          .then((maps) => ({
            simplified: { ...pairs(maps.simplified), ...(maps.phrases || {}) },
            traditional: pairs(maps.traditional),
          }));
      }
      return scripts;
    },

    /** Whether the build wrote the index's words (else queries are left to Pagefind to cut). */
    async available() {
      return Boolean(await loadManifest());
    },

    /** The words in most pages, as a Set. */
    async heavy() {
      const data = await loadManifest();
      return new Set((data && data.heavy) || []);
    },

    /** The lexicon of the words that may start at a character of `text`. */
    async lexicon(text) {
      const data = await loadManifest();
      if (!data || !data.words.length) return new Lexicon();
      const count = data.words.length;
      const numbers = new Set();
      for (const char of text) if (HAN.test(char)) numbers.add(char.codePointAt(0) % count);
      return Lexicon.fromShards(await Promise.all(Array.from(numbers, (number) => loadShard(data, number))));
    },
  };
}

// `terms` without the heavy words (in most pages), unless nothing else is left.
function withoutHeavy(terms, heavy) {
  const light = terms.filter((term) => !heavy.has(term));
  return light.length ? light : terms;
}

/**
 * How to search a query: `searches`, its simplified form in each of its cuts, and in
 * the traditional characters the index holds when that differs (each a Pagefind
 * search, terms joined by spaces); and `phrases`, the same cuts of two terms or more
 * as exact phrases (`"济事 商量"`): pages that hold the words in a row answer the
 * query best. A word in most pages (`heavy` in search.json: it fills an index chunk
 * of its own) is left out of a query that has other terms, and out of its phrases:
 * it would cost many bytes and hardly change the results. Without the build's files
 * (an index from elsewhere) the query is searched as typed, `segmented: false`, and
 * Pagefind cuts it with the browser's segmenter.
 */
export async function querySearches(words, query) {
  if (!(await words.available())) return { searches: [query], phrases: [], segmented: false };
  const maps = await words.scripts();
  const simplified = convert(query.normalize("NFKC"), maps.simplified);
  const traditional = convert(simplified, maps.traditional);
  const lexicon = await words.lexicon(simplified + traditional);
  const heavy = await words.heavy();
  const found = cuts(simplified, lexicon);
  if (traditional !== simplified) found.push(cuts(traditional, lexicon).at(-1));
  const light = found.map((terms) => withoutHeavy(terms, heavy));
  const searches = light.map((terms) => terms.join(" "));
  const phrases = found
    .filter((terms, way) => terms.length > 1 && light[way].length === terms.length)
    .map((terms) => `"${terms.join(" ")}"`);
  const unique = (list) => Array.from(new Set(list.filter((terms) => terms && terms !== '""')));
  return { searches: unique(searches), phrases: unique(phrases), segmented: true };
}
