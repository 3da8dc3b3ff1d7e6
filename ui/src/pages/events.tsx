import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, EVENT_TYPES, query, type EventFilters, type EventItem } from '../api.ts';
import { Badges, Failure, Loading, T, TypeTag } from '../components/text.tsx';
import { dateSpan, reportCount } from '../format.ts';
import { useAsync, useStream } from '../hooks.ts';
import { useUiLang } from '../prefs.ts';
import { useTitles } from '../titles.ts';

const FILTER_KEYS = ['lang', 'country', 'type', 'since', 'until', 'q', 'sort'] as const;
const PAGE = 50;

function filtersOf(q: Record<string, string>): EventFilters {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) if (q[k]) f[k] = q[k];
  return f as EventFilters;
}

/**
 * `/`: the events, newest (or fastest-growing) first, filtered by the address's query; events
 * created while the page is open come in from the live stream and are marked new.
 */
export function EventsPage() {
  const { query: q, route } = useLocation();
  const filters = filtersOf(q);
  const key = JSON.stringify(filters);
  const [events, setEvents] = useState<EventItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const shown = useRef(PAGE);
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = async (replace: boolean) => {
    try {
      const page = await api.events({ ...filters, limit: replace ? shown.current : PAGE });
      setEvents(page.events);
      setNext(page.next);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    shown.current = PAGE;
    setLoading(true);
    void load(true);
    return () => {
      if (refresh.current) clearTimeout(refresh.current);
    };
  }, [key]);

  useStream(['event.created', 'event.updated'], (m) => {
    if (m.kind === 'event.created' && m.event) {
      const id = m.event;
      setFresh((s) => new Set(s).add(id));
      const title = typeof m.data.title === 'string' ? m.data.title : id;
      setAnnounce(`New event: ${title}`);
    }
    // Reports often come in bursts: one refresh for a burst.
    if (refresh.current) clearTimeout(refresh.current);
    refresh.current = setTimeout(() => void load(true), 250);
  });

  const more = async () => {
    if (!next) return;
    try {
      const page = await api.events({ ...filters, cursor: next, limit: PAGE });
      setEvents((all) => [...all, ...page.events]);
      shown.current += page.events.length;
      setNext(page.next);
    } catch (e) {
      setError(e);
    }
  };

  const lang = useUiLang();
  const titles = useTitles(events, lang);

  return (
    <section class="events">
      <h1>Events</h1>
      <Filters filters={filters} apply={(f) => route(`/${query({ ...f })}`, true)} />
      <p class="sr" aria-live="polite">
        {announce}
      </p>
      {error ? <Failure error={error} /> : null}
      {loading && events.length === 0 ? <Loading what="events" /> : null}
      {!loading && !error && events.length === 0 ? (
        <p class="empty">No event matches these filters.</p>
      ) : null}
      <ol class="event-list" aria-label="Events">
        {events.map((e) => (
          <EventRow
            event={e}
            title={titles.get(e.id)}
            titleLang={lang}
            fresh={fresh.has(e.id)}
            key={e.id}
          />
        ))}
      </ol>
      {next ? (
        <button type="button" class="more" onClick={() => void more()}>
          More events
        </button>
      ) : null}
      {filters.q ? (
        <p>
          <a href={`/search${query({ q: filters.q })}`}>Search the reports for “{filters.q}”</a>
        </p>
      ) : null}
    </section>
  );
}

function EventRow({
  event: e,
  title,
  titleLang,
  fresh,
}: {
  event: EventItem;
  /** The title in the language picked, when there is one. */
  title?: string;
  titleLang: string;
  fresh: boolean;
}) {
  const places = e.countries.length ? e.countries : [];
  return (
    <li class={`event-row${fresh ? ' new' : ''}`} data-id={e.id}>
      <div class="row-head">
        <a class="title" href={`/events/${e.id}`}>
          <T text={title ?? e.title} lang={title ? titleLang : e.titleLang} />
        </a>
        {fresh ? <span class="new-tag">new</span> : null}
      </div>
      <div class="meta">
        <Badges langs={e.languages} />
        <span class="count">{reportCount(e.articleCount, e.copyCount)}</span>
        <span class="dates">{dateSpan(e.firstDate, e.lastDate)}</span>
        <TypeTag type={e.type} />
        {places.length ? (
          <span class="places" aria-label="Places">
            {places.join(', ')}
          </span>
        ) : null}
        {e.names.length ? (
          <span class="names" aria-label="Names">
            <T text={e.names.slice(0, 4).join(', ')} />
          </span>
        ) : null}
      </div>
    </li>
  );
}

function Filters({ filters, apply }: { filters: EventFilters; apply: (f: EventFilters) => void }) {
  const stats = useAsync(() => api.stats(), []);
  const langs = Object.keys(stats.data?.languages ?? {}).sort();
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form
      ref={form}
      class="filters"
      aria-label="Filter events"
      onSubmit={(ev) => {
        ev.preventDefault();
        const data = new FormData(ev.currentTarget);
        const f: Record<string, string> = {};
        for (const k of FILTER_KEYS) {
          const v = data.get(k);
          if (typeof v !== 'string' || !v.trim() || (k === 'sort' && v === 'recent')) continue;
          f[k] = v.trim();
        }
        apply(f as EventFilters);
      }}
    >
      <div class="field">
        <label for="f-q">Search</label>
        <input id="f-q" name="q" type="search" value={filters.q ?? ''} placeholder="any language" />
      </div>
      <div class="field">
        <label for="f-lang">Language</label>
        <select id="f-lang" name="lang" value={filters.lang ?? ''} onChange={submit}>
          <option value="">all</option>
          {[...new Set([...langs, ...(filters.lang ? [filters.lang] : [])])].map((l) => (
            <option value={l} key={l}>
              {l}
              {stats.data ? ` (${stats.data.languages[l] ?? 0})` : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-country">Country</label>
        <input
          id="f-country"
          name="country"
          value={filters.country ?? ''}
          placeholder="KZ or Kazakhstan"
          size={12}
        />
      </div>
      <div class="field">
        <label for="f-type">Type</label>
        <select id="f-type" name="type" value={filters.type ?? ''} onChange={submit}>
          <option value="">all</option>
          {EVENT_TYPES.map((t) => (
            <option value={t} key={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-since">From</label>
        <input
          id="f-since"
          name="since"
          type="date"
          value={filters.since ?? ''}
          onChange={submit}
        />
      </div>
      <div class="field">
        <label for="f-until">To</label>
        <input
          id="f-until"
          name="until"
          type="date"
          value={filters.until ?? ''}
          onChange={submit}
        />
      </div>
      <div class="field">
        <label for="f-sort">Order</label>
        <select id="f-sort" name="sort" value={filters.sort ?? 'recent'} onChange={submit}>
          <option value="recent">newest first</option>
          <option value="growing">fastest-growing first</option>
        </select>
      </div>
      <button type="submit">Apply</button>
      {Object.keys(filters).length ? (
        <button type="button" class="link" onClick={() => apply({})}>
          Clear
        </button>
      ) : null}
    </form>
  );
}
