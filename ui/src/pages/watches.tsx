import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api, EVENT_TYPES, type Change, type Watch, type WatchInput } from '../api.ts';
import { Badges, Failure, Loading, T } from '../components/text.tsx';
import { plural, when } from '../format.ts';
import { useAsync, useStream } from '../hooks.ts';

/** What a watch follows, in words. */
function describe(w: Watch): string {
  const parts = [
    w.query ? `reports matching “${w.query}”` : null,
    w.entity ? `events naming ${w.entity}` : null,
    w.country ? `in ${w.country}` : null,
    w.type ? `of type ${w.type}` : null,
    w.language ? `with a report in ${w.language}` : null,
  ].filter(Boolean);
  return parts.join(', ') || 'every event';
}

/** `/watches`: the watches, and a form to add one. */
export function WatchesPage() {
  const { route } = useLocation();
  const watches = useAsync(() => api.watches(), []);
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="watches">
      <h1>Watches</h1>
      <p>
        A watch announces new and updated events that match it (here, on the live stream, in its
        Atom feed and to its webhook). Add one from a search, a name on an event page, or here.
      </p>
      <form
        class="filters"
        aria-label="New watch"
        onSubmit={async (ev) => {
          ev.preventDefault();
          const data = new FormData(ev.currentTarget);
          const input: Record<string, string> = {};
          for (const k of ['name', 'query', 'entity', 'country', 'type', 'language']) {
            const v = data.get(k);
            if (typeof v === 'string' && v.trim()) input[k] = v.trim();
          }
          try {
            const { watch } = await api.addWatch(input as WatchInput);
            route(`/watches/${watch.id}`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        <div class="field">
          <label for="w-query">Words</label>
          <input id="w-query" name="query" placeholder="any language" />
        </div>
        <div class="field">
          <label for="w-entity">Name</label>
          <input id="w-entity" name="entity" placeholder="a person, place, organisation" />
        </div>
        <div class="field">
          <label for="w-country">Country</label>
          <input id="w-country" name="country" size={10} />
        </div>
        <div class="field">
          <label for="w-type">Type</label>
          <select id="w-type" name="type">
            <option value="">any</option>
            {EVENT_TYPES.map((t) => (
              <option value={t} key={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="w-language">Language</label>
          <input id="w-language" name="language" size={4} placeholder="ar" />
        </div>
        <div class="field">
          <label for="w-name">Label</label>
          <input id="w-name" name="name" size={12} />
        </div>
        <button type="submit">Add watch</button>
      </form>
      {error ? <Failure error={error} /> : null}
      {watches.error ? <Failure error={watches.error} /> : null}
      {watches.loading && !watches.data ? <Loading what="watches" /> : null}
      <ul class="watch-list">
        {(watches.data?.watches ?? []).map((w) => (
          <li key={w.id}>
            <a href={`/watches/${w.id}`}>{w.name ? <T text={w.name} /> : w.id}</a>: {describe(w)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/watches/{id}`: what the watch follows and its matches, new ones arriving live. */
export function WatchPage() {
  const { params } = useRoute();
  const id = params.id;
  const loaded = useAsync(() => api.watch(id), [id]);
  const [live, setLive] = useState<Change[]>([]);
  useEffect(() => setLive([]), [id]);
  useStream(['watch.matched'], (m) => {
    if (m.watch !== id || !m.event) return;
    const { event: _e, watch: _w, at, ...data } = m.data;
    setLive((l) => [
      { seq: m.seq, kind: m.kind, eventId: m.event, watchId: id, at: String(at ?? ''), data },
      ...l,
    ]);
  });
  if (loaded.error) return <Failure error={loaded.error} />;
  if (!loaded.data) return <Loading what="the watch" />;
  const { watch, matches } = loaded.data;
  const seen = new Set(matches.map((m) => m.seq));
  const all = [...live.filter((m) => !seen.has(m.seq)), ...matches];
  return (
    <article class="watch" data-id={watch.id}>
      <p class="crumbs">
        <a href="/watches">Watches</a> › {watch.id}
      </p>
      <h1>{watch.name ? <T text={watch.name} /> : `Watch ${watch.id}`}</h1>
      <p>
        Follows {describe(watch)}; since {when(watch.createdAt)}.{' '}
        <a href={`/feeds/watches/${watch.id}.atom`}>Atom feed</a>
        {watch.query || watch.entity ? (
          <>
            {' · '}
            <a href={`/search?q=${encodeURIComponent(watch.query ?? watch.entity ?? '')}`}>
              what matches already
            </a>
          </>
        ) : null}
      </p>
      <h2>Matches</h2>
      {all.length === 0 ? (
        <p class="empty">No match yet: events that match from now on appear here as they come.</p>
      ) : null}
      <ol class="matches" aria-live="polite">
        {all.map((m) => (
          <li key={m.seq} data-event={m.eventId}>
            <span class="dates">{when(m.at)}</span>{' '}
            <a href={`/events/${m.eventId}`}>
              <T text={String(m.data.title ?? m.eventId)} lang={String(m.data.titleLang ?? '')} />
            </a>{' '}
            {typeof m.data.articleCount === 'number' ? plural(m.data.articleCount, 'report') : ''}{' '}
            {Array.isArray(m.data.languages) ? (
              <Badges langs={m.data.languages as string[]} />
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
