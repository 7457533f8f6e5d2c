// The disposable email domains of the `disposable-email-domains` package (about 120,000), kept as one
// sorted string with offsets (about 2 MB) instead of a Set of strings (about 12 MB), loaded on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface DomainList {
  has(domain: string): boolean;
}

/** A sorted, searchable list of domains in fixed memory. */
export function createDomainList(domains: readonly string[]): DomainList {
  const sorted = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))].sort();
  const text = sorted.join('');
  const starts = new Int32Array(sorted.length + 1);
  let offset = 0;
  sorted.forEach((d, i) => {
    starts[i] = offset;
    offset += d.length;
  });
  starts[sorted.length] = offset;
  const at = (i: number) => text.slice(starts[i] ?? 0, starts[i + 1] ?? 0);
  return {
    has(domain) {
      let low = 0;
      let high = sorted.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const candidate = at(mid);
        if (candidate === domain) return true;
        if (candidate < domain) low = mid + 1;
        else high = mid - 1;
      }
      return false;
    },
  };
}

let disposable: DomainList | undefined;

/**
 * Read as a file, not require()d: require() would keep the package's array of 120,000 strings in its
 * module cache for the life of the process, for the garbage collector to walk at every full collection.
 */
function readPackageList(name: string): string[] {
  const loaded: unknown = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(name), 'utf8'));
  return Array.isArray(loaded) ? loaded.filter((d): d is string => typeof d === 'string') : [];
}

/** The packaged list (its index and its wildcard domains, whose subdomains are disposable too). */
export function disposableDomains(): DomainList {
  disposable ??= createDomainList([
    ...readPackageList('disposable-email-domains'),
    ...readPackageList('disposable-email-domains/wildcard.json'),
  ]);
  return disposable;
}

/** The domain and each parent with at least two labels: mx.mailinator.com → mailinator.com. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const result: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) result.push(labels.slice(i).join('.'));
  return result;
}
