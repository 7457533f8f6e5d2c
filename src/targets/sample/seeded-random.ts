// A pseudo-random source for generated sample data: the same seed gives the same numbers on every machine and
// every run, so the sample districts, people and ZIP codes never change between installs (Math.random would).

/** Numbers in [0, 1) from a text seed: xorshift32 (Marsaglia), started from an FNV-1a hash of the seed. */
export function seededRandom(seed: string): () => number {
  let state = hashText(seed);
  // xorshift never leaves zero, so a seed that hashes to it starts from a fixed non-zero state instead.
  if (state === 0) state = 0x9e3779b9;
  // The first few outputs of xorshift from a small state stay small: draw and drop them.
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

/** 32-bit FNV-1a over the UTF-16 code units of the text. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
