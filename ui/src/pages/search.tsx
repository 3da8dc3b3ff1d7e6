import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, query, type EntityMatch, type SearchResult } from '../api.ts';
import { Badge, Badges, Failure, Loading, T } from '../components/text.tsx';
import { plural } from '../format.ts';
import { useAsync } from '../hooks.ts';

/**
 * `/search?q=…`: reports (or events) in every language for a query in any one, with the names
 * it matches and their forms in other scripts; a search or a name can be watched.
 */
export function SearchPage() {
  const { query: q, route } = useLocation();
  const text = q.q?.trim() ?? '';
  const type = q.type === 'event' ? 'event' : 'article';
  const lang = q.lang || undefined;
  const results = useAsync(
    () => (text ? api.search(text, type, lang) : Promise.resolve({ results: [] })),
    [text, type, lang],
  );
  const entities = useAsync(
    () => (text ? api.entities(text) : Promise.resolve({ entities: [] })),
    [text],
  );
  const [error, setError] = useState<unknown>(null);
  const watch = async (input: { query?: string; entity?: string }, name: string) => {
    try {
      const { watch } = await api.addWatch({ ...input, name });
      route(`/watches/${watch.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const list = results.data?.results ?? [];
  const langs = [...new Set(list.map((r) => r.lang))].sort();

  return (
    <section class="search">
      <h1>Search</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(ev) => {
          ev.preventDefault();
          const data = new FormData(ev.currentTarget);
          const get = (k: string) => {
            const v = data.get(k);
            return typeof v === 'string' && v.trim() ? v.trim() : undefined;
          };
          route(
            `/search${query({ q: get('q'), type: get('type') === 'event' ? 'event' : undefined, lang: get('lang') })}`,
          );
        }}
      >
        <div class="field">
          <label for="s-q">Query</label>
          <input id="s-q" name="q" type="search" value={text} placeholder="in any language" />
        </div>
        <div class="field">
          <label for="s-type">Find</label>
          <select id="s-type" name="type" value={type}>
            <option value="article">reports</option>
            <option value="event">events</option>
          </select>
        </div>
        <div class="field">
          <label for="s-lang">Only in</label>
          <input id="s-lang" name="lang" value={lang ?? ''} placeholder="any language" size={6} />
        </div>
        <button type="submit">Search</button>
      </form>
      {error ? <Failure error={error} /> : null}
      {!text ? <p class="empty">Type a query: a name or words in any language.</p> : null}
      {text && results.loading ? <Loading what="results" /> : null}
      {results.error ? <Failure error={results.error} /> : null}
      {text && results.data ? (
        <p class="meta">
          {plural(list.length, 'result')}
          {langs.length ? (
            <>
              {' '}
              in <Badges langs={langs} />
            </>
          ) : null}{' '}
          <button type="button" class="small" onClick={() => void watch({ query: text }, text)}>
            Watch this search
          </button>
        </p>
      ) : null}
      {entities.data?.entities.length ? (
        <EntityMatches entities={entities.data.entities} watch={watch} />
      ) : null}
      <ol class="results" aria-label="Results">
        {list.map((r) => (
          <Result result={r} key={`${r.type}:${r.id}`} />
        ))}
      </ol>
    </section>
  );
}

function Result({ result: r }: { result: SearchResult }) {
  const href =
    r.type === 'article'
      ? r.event
        ? `/events/${r.event}#report-${r.id}`
        : null
      : `/events/${r.id}`;
  return (
    <li class="result" data-type={r.type} data-id={r.id} data-lang={r.lang}>
      <div class="row-head">
        <Badge lang={r.lang} />{' '}
        {href ? (
          <a href={href}>
            <T text={r.title} lang={r.lang} />
          </a>
        ) : (
          <T text={r.title} lang={r.lang} />
        )}
        <span class="score" title="score">
          {r.score.toFixed(2)}
        </span>
      </div>
      {r.snippet ? <T as="p" class="snippet" text={r.snippet} lang={r.lang} /> : null}
      <p class="meta">
        {r.type === 'article' ? 'report' : 'event'}
        {r.type === 'article' && r.event ? ` in ${r.event}` : ''}
      </p>
    </li>
  );
}

function EntityMatches({
  entities,
  watch,
}: {
  entities: EntityMatch[];
  watch: (input: { entity: string }, name: string) => Promise<void>;
}) {
  return (
    <section class="entity-matches" aria-labelledby="names-h">
      <h2 id="names-h">Names</h2>
      <ul>
        {entities.map((e) => (
          <li key={e.id} class="entity" data-id={e.id}>
            <T class="entity-name" text={e.name} />{' '}
            {e.forms.filter((f) => f !== e.name).length ? (
              <span class="forms" aria-label="Other forms">
                {e.forms
                  .filter((f) => f !== e.name)
                  .map((f) => (
                    <span class="form" key={f}>
                      <T text={f} />
                    </span>
                  ))}
              </span>
            ) : null}{' '}
            <span class="entity-meta">
              {e.kind}, {plural(e.events.length, 'event')}, {plural(e.reports, 'report')}{' '}
              <Badges langs={e.languages} />
            </span>{' '}
            <button
              type="button"
              class="small"
              aria-label={`Watch ${e.name}`}
              onClick={() => void watch({ entity: e.name }, e.name)}
            >
              Watch
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
