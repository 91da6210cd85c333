// Counts the generated and mutated inputs the fuzz run fed to News Lens, and
// prints the total once at the end (the issue asks for 10,000).
let total = 0;
const perProperty = new Map<string, number>();

export function countInput(property: string, n = 1): void {
  total += n;
  perProperty.set(property, (perProperty.get(property) ?? 0) + n);
}

export function fuzzSeed(): number | undefined {
  const s = process.env.FUZZ_SEED;
  return s !== undefined && s !== '' ? Number(s) : undefined;
}

after(() => {
  const lines = [...perProperty].map(([name, n]) => `  ${String(n).padStart(6)}  ${name}`);
  console.log(`\nfuzz inputs: ${total} in total\n${lines.join('\n')}`);
});
