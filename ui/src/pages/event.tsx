import { useLocation, useRoute } from 'preact-iso';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  api,
  type Correction,
  type Entity,
  type EventView,
  type Figure,
  type Report,
  type Why,
} from '../api.ts';
import { PlacesMap } from '../components/map.tsx';
import { Badge, Badges, Failure, Loading, Notice, T, TypeTag } from '../components/text.tsx';
import { dateSpan, languageName, number, plural, range, reportCount, when } from '../format.ts';
import { useAsync } from '../hooks.ts';
import { useUiLang } from '../prefs.ts';

/**
 * `/events/{id}`: what the event is (title, type with its cue, dates, cited summary), what
 * the reports say (figures with every statement, who and where, a map), every report side by
 * side by language with why it is in the event, and the corrections (move out, merge).
 */
export function EventPage() {
  const { params } = useRoute();
  const id = params.id;
  const lang = useUiLang();
  const view = useAsync(() => api.event(id, lang || undefined), [id, lang]);
  const stories = useAsync(() => api.stories(), [id]);
  const [notice, setNotice] = useState<ComponentChildren>(null);
  const loadedId = view.data?.id;
  // A link to one report (from a search result) scrolls to it once the event is shown.
  useEffect(() => {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (loadedId && hash) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [loadedId]);

  if (view.error) return <Failure error={view.error} />;
  const e = view.data;
  if (!e) return <Loading what="the event" />;
  const story = stories.data?.stories.find((s) => s.eventIds.includes(e.id));
  const titles = new Map(e.reports.map((r) => [r.id, r]));

  return (
    <article class="event" data-id={e.id}>
      <header class="event-head">
        <p class="crumbs">
          <a href="/">Events</a> › {e.id}
        </p>
        <T as="h1" text={e.title} lang={e.titleLang} />
        <p class="meta">
          <TypeTag type={e.type.type} cue={e.type.cue} />
          <span class="dates">{dateSpan(e.firstDate, e.lastDate)}</span>
          <span class="count">{reportCount(e.articleCount, e.copyCount)}</span>
          <Badges langs={e.languages} />
        </p>
        {story ? (
          <p class="story-link">
            Part of the story{' '}
            <a href={`/stories/${story.id}`}>
              <T text={story.title} />
            </a>{' '}
            ({plural(story.eventIds.length, 'event')}, {dateSpan(story.firstDate, story.lastDate)})
          </p>
        ) : null}
      </header>
      {notice ? <Notice>{notice}</Notice> : null}

      {e.summary.length ? (
        <section class="summary" aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          <ol>
            {e.summary.map((s, i) => (
              <li key={i}>
                <T text={s.sentence} lang={s.lang} />{' '}
                <Cite id={s.articleId} lang={s.lang} report={titles.get(s.articleId)} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <div class="facts">
        <Figures figures={e.figures} reports={titles} />
        <Entities event={e} />
        <section class="map-box" aria-labelledby="map-h">
          <h2 id="map-h">Map</h2>
          <PlacesMap entities={e.entities} />
        </section>
      </div>

      <Reports
        event={e}
        onMoved={(r, to) => {
          setNotice(
            <>
              Moved <T text={r.title} lang={r.lang} /> out to <a href={`/events/${to}`}>{to}</a>.
            </>,
          );
          view.reload();
        }}
      />

      <Corrections
        event={e}
        onMerged={(other) => {
          setNotice(<>Merged {other} into this event.</>);
          view.reload();
        }}
      />
    </article>
  );
}

function Cite({ id, lang, report }: { id: string; lang: string; report?: Report }) {
  return (
    <a
      class="cite"
      href={`#report-${id}`}
      title={report ? `${report.title} (${report.source ?? 'unknown source'})` : id}
      onClick={(ev) => {
        ev.preventDefault();
        const target = document.getElementById(`report-${id}`);
        target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        target?.focus({ preventScroll: true });
      }}
    >
      [{lang}]
    </a>
  );
}

function Figures({ figures, reports }: { figures: Figure[]; reports: Map<string, Report> }) {
  return (
    <section class="figures" aria-labelledby="figures-h">
      <h2 id="figures-h">Figures</h2>
      {figures.length === 0 ? <p class="empty">No report gives a figure.</p> : null}
      <dl>
        {figures.map((f) => (
          <div class="figure" data-kind={f.kind} key={f.kind}>
            <dt>
              {f.kind} <strong class="range">{range(f.min, f.max)}</strong>
            </dt>
            <dd>
              <ul>
                {f.reports.map((r, i) => (
                  <li key={i}>
                    <Badge lang={r.lang} /> {number(r.value)}
                    {r.qualifier !== 'exact' ? ` (${r.qualifier})` : ''}:{' '}
                    <T class="evidence" text={`“…${r.evidence.trim()}…”`} lang={r.lang} />{' '}
                    <Cite id={r.articleId} lang={r.lang} report={reports.get(r.articleId)} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const KIND_LABELS: Record<string, string> = {
  person: 'People',
  org: 'Organisations',
  organisation: 'Organisations',
  country: 'Countries',
  city: 'Places',
  place: 'Places',
  name: 'Other names',
};

/** Each entity's forms: the names the reports wrote it under, with their languages. */
function formsOf(event: EventView): Map<string, Map<string, Set<string>>> {
  const forms = new Map<string, Map<string, Set<string>>>();
  for (const r of event.reports) {
    for (const en of r.entities ?? []) {
      const byName = forms.get(en.id) ?? new Map<string, Set<string>>();
      const langs = byName.get(en.name) ?? new Set<string>();
      langs.add(r.lang);
      byName.set(en.name, langs);
      forms.set(en.id, byName);
    }
  }
  return forms;
}

function Entities({ event }: { event: EventView }) {
  const { route } = useLocation();
  const [error, setError] = useState<unknown>(null);
  const forms = formsOf(event);
  const groups = new Map<string, Entity[]>();
  for (const en of event.entities) {
    const label = KIND_LABELS[en.kind] ?? en.kind;
    groups.set(label, [...(groups.get(label) ?? []), en]);
  }
  const watch = async (en: Entity) => {
    try {
      const { watch } = await api.addWatch({ entity: en.name, name: en.name });
      route(`/watches/${watch.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="entities" aria-labelledby="entities-h">
      <h2 id="entities-h">Who and where</h2>
      {error ? <Failure error={error} /> : null}
      {[...groups].map(([label, list]) => (
        <div class="entity-group" key={label}>
          <h3>{label}</h3>
          <ul>
            {list.map((en) => {
              const other = [...(forms.get(en.id) ?? new Map<string, Set<string>>())].filter(
                ([name]) => name !== en.name,
              );
              return (
                <li class="entity" data-id={en.id} key={en.id}>
                  <T class="entity-name" text={en.name} />
                  {other.length ? (
                    <span class="forms" aria-label="Other forms">
                      {other.map(([name, langs]) => (
                        <span class="form" key={name}>
                          <T text={name} lang={[...langs][0]} />{' '}
                          <span class="form-langs">{[...langs].join(' ')}</span>
                        </span>
                      ))}
                    </span>
                  ) : null}
                  <span class="entity-meta">
                    {plural(en.reports, 'report')}, {plural(en.mentions, 'mention')}{' '}
                    <Badges langs={en.languages} />
                  </span>
                  <button
                    type="button"
                    class="small"
                    onClick={() => void watch(en)}
                    aria-label={`Watch ${en.name}`}
                  >
                    Watch
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Reports({
  event,
  onMoved,
}: {
  event: EventView;
  onMoved: (r: Report, to: string) => void;
}) {
  const byLang = new Map<string, Report[]>();
  for (const r of event.reports) byLang.set(r.lang, [...(byLang.get(r.lang) ?? []), r]);
  const langs = [...byLang.keys()].sort(
    (a, b) => byLang.get(b)!.length - byLang.get(a)!.length || a.localeCompare(b),
  );
  const places = new Map<string, string>();
  for (const en of event.entities) {
    const [, key] = en.id.split(':');
    if (key) places.set(key, en.name);
  }
  return (
    <section class="reports" aria-labelledby="reports-h">
      <h2 id="reports-h">Reports by language</h2>
      <div class="lang-columns">
        {langs.map((l) => (
          <section class="lang-group" data-lang={l} key={l} aria-labelledby={`lang-${l}`}>
            <h3 id={`lang-${l}`}>
              <Badge lang={l} /> {languageName(l)} · {byLang.get(l)!.length}
            </h3>
            {byLang.get(l)!.map((r) => (
              <ReportCard
                report={r}
                places={places}
                alone={event.reports.length === 1}
                onMoved={onMoved}
                key={r.id}
              />
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}

/** Only web addresses become links; anything else (`javascript:` …) is shown as text. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function ReportCard({
  report: r,
  places,
  alone,
  onMoved,
}: {
  report: Report;
  places: Map<string, string>;
  alone: boolean;
  onMoved: (r: Report, to: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const url = safeUrl(r.url);
  const moveOut = async () => {
    setBusy(true);
    try {
      const res = await api.move(r.id, null);
      onMoved(r, res.event);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <article class="report" id={`report-${r.id}`} data-id={r.id} tabIndex={-1}>
      <T as="h4" class="report-title" text={r.title} lang={r.lang} />
      <p class="byline">
        {r.source ? <T text={r.source} /> : 'unknown source'}
        {r.published ? ` · ${r.published}` : ''}
        {url ? (
          <>
            {' · '}
            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        ) : null}
        {r.duplicateOf ? (
          <>
            {' · '}
            <a class="copy-of" href={`#report-${r.duplicateOf}`}>
              copy of {r.duplicateOf}
            </a>
          </>
        ) : null}
      </p>
      <T as="p" class="report-text" text={r.text} lang={r.lang} />
      {r.why ? <WhyBox why={r.why} places={places} /> : null}
      {error ? <Failure error={error} /> : null}
      {alone ? null : confirming ? (
        <p class="actions">
          Move this report out into an event of its own?{' '}
          <button type="button" disabled={busy} onClick={() => void moveOut()}>
            Confirm move
          </button>{' '}
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      ) : (
        <p class="actions">
          <button type="button" class="small" onClick={() => setConfirming(true)}>
            Move out
          </button>
        </p>
      )}
    </article>
  );
}

function WhyBox({ why, places }: { why: Why; places: Map<string, string> }) {
  const rows: [string, string[]][] = [
    ['names', why.names],
    ['numbers', why.numbers],
    ['dates', why.dates.map((d) => d.replace(/^--/, ''))],
    ['places', why.places.map((p) => places.get(p) ?? p)],
    ['concepts', why.concepts],
  ];
  return (
    <details class="why">
      <summary>
        Why it is here
        {why.similarity !== null && why.similarity !== undefined
          ? ` (similarity ${why.similarity.toFixed(2)})`
          : ''}
      </summary>
      {why.corrected ? <p>Placed here by a correction.</p> : null}
      <dl>
        {rows
          .filter(([, v]) => v && v.length)
          .map(([k, v]) => (
            <div key={k}>
              <dt>shared {k}</dt>
              <dd>
                <T text={v.join(', ')} />
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

function Corrections({ event, onMerged }: { event: EventView; onMerged: (other: string) => void }) {
  const [other, setOther] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    const id = other.trim();
    if (!id) return;
    setBusy(true);
    try {
      await api.merge(event.id, id);
      setOther('');
      setError(null);
      onMerged(id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const history: Correction[] = event.history ?? [];
  return (
    <section class="corrections" aria-labelledby="corr-h">
      <h2 id="corr-h">Corrections</h2>
      <form
        class="merge"
        onSubmit={(ev) => {
          ev.preventDefault();
          void merge();
        }}
      >
        <label>
          Merge another event into this one:{' '}
          <input
            name="other"
            value={other}
            placeholder="ev-000012"
            onInput={(ev) => setOther(ev.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" disabled={busy || !other.trim()}>
          Merge
        </button>
      </form>
      {error ? <Failure error={error} /> : null}
      {history.length ? (
        <ul class="history">
          {history.map((c) => (
            <li key={c.id}>
              {when(c.at)}: {c.by}{' '}
              {c.kind === 'move'
                ? `moved report ${c.articleId ?? ''} from ${c.fromEvent} to ${c.toEvent}`
                : `merged ${c.fromEvent} into ${c.toEvent}`}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">No correction yet.</p>
      )}
    </section>
  );
}
