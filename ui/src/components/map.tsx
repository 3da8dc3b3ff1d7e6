import { geoCircle, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../api.ts';

/**
 * A small offline map of an event's places: the world outline (world-atlas, Natural Earth
 * 1:110m, bundled and loaded on first use) drawn with d3-geo, the event's countries shaded and
 * its cities as dots. No tile server, nothing fetched from elsewhere.
 */

type Countries = FeatureCollection<Geometry, { name: string }>;

let world: Promise<Countries> | null = null;

function loadWorld(): Promise<Countries> {
  world ??= Promise.all([
    import('topojson-client'),
    import('world-atlas/countries-110m.json'),
  ]).then(([topo, atlas]) => {
    const data = (atlas as { default?: unknown }).default ?? atlas;
    const t = data as unknown as Parameters<typeof topo.feature>[0] & {
      objects: { countries: Parameters<typeof topo.feature>[1] };
    };
    return topo.feature(t, t.objects.countries) as unknown as Countries;
  });
  return world;
}

/** world-atlas names that differ from the English names the pipeline gives countries. */
const ATLAS_NAMES: Record<string, string> = {
  'United States': 'United States of America',
  'Democratic Republic of the Congo': 'Dem. Rep. Congo',
  'Central African Republic': 'Central African Rep.',
  'South Sudan': 'S. Sudan',
  'Bosnia and Herzegovina': 'Bosnia and Herz.',
  'Dominican Republic': 'Dominican Rep.',
  'Czech Republic': 'Czechia',
  "Côte d'Ivoire": "Côte d'Ivoire",
  'Ivory Coast': "Côte d'Ivoire",
  'Western Sahara': 'W. Sahara',
  'Equatorial Guinea': 'Eq. Guinea',
  Eswatini: 'eSwatini',
  'Solomon Islands': 'Solomon Is.',
  'North Macedonia': 'Macedonia',
};

const W = 360;
const H = 200;

export function PlacesMap({ entities }: { entities: Entity[] }) {
  const [countries, setCountries] = useState<Countries | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    loadWorld().then(setCountries, () => setError(true));
  }, []);

  const cities = entities.filter(
    (e): e is Entity & { lat: number; lon: number } =>
      typeof e.lat === 'number' && typeof e.lon === 'number',
  );
  const wanted = new Set(
    entities.filter((e) => e.kind === 'country').map((e) => ATLAS_NAMES[e.name] ?? e.name),
  );
  if (error) return <p class="empty">The map could not be drawn.</p>;
  if (!countries) return <div class="map loading" style={{ aspectRatio: `${W} / ${H}` }} />;

  const shaded = countries.features.filter((f) => wanted.has(f.properties.name));
  // Fit the view to the event's places: its countries, and a few degrees around each city.
  const focus: Feature[] = [
    ...shaded,
    ...cities.map((c) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: geoCircle().center([c.lon, c.lat]).radius(6)(),
    })),
  ];
  const projection = geoNaturalEarth1();
  if (focus.length) {
    projection.fitExtent(
      [
        [12, 12],
        [W - 12, H - 12],
      ],
      { type: 'FeatureCollection', features: focus } as GeoPermissibleObjects,
    );
  } else {
    projection.fitSize([W, H], { type: 'Sphere' });
  }
  const path = geoPath(projection);
  const placeNames = [...shaded.map((f) => f.properties.name), ...cities.map((c) => c.name)];
  return (
    <svg
      class="map"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={placeNames.length ? `Map: ${placeNames.join(', ')}` : 'World map: no place named'}
    >
      <path class="sphere" d={path({ type: 'Sphere' }) ?? ''} />
      {countries.features.map((f, i) => (
        <path
          key={i}
          class={wanted.has(f.properties.name) ? 'land shaded' : 'land'}
          d={path(f) ?? ''}
        >
          <title>{f.properties.name}</title>
        </path>
      ))}
      {cities.map((c) => {
        const p = projection([c.lon, c.lat]);
        if (!p) return null;
        return (
          <g class="city" key={c.id} transform={`translate(${p[0].toFixed(1)},${p[1].toFixed(1)})`}>
            <circle r={4} />
            <text x={6} y={4} dir="auto">
              {c.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
