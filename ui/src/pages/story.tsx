import { useRoute } from 'preact-iso';
import { api, type Timeline } from '../api.ts';
import { Badges, Failure, Loading, T, TypeTag } from '../components/text.tsx';
import { dateSpan, plural, range } from '../format.ts';
import { useAsync } from '../hooks.ts';

/** `/stories/{id}`: a timeline chart of the story's events, then the events in order. */
export function StoryPage() {
  const { params } = useRoute();
  const story = useAsync(() => api.story(params.id), [params.id]);
  if (story.error) return <Failure error={story.error} />;
  const s = story.data;
  if (!s) return <Loading what="the story" />;
  return (
    <article class="story" data-id={s.id}>
      <p class="crumbs">
        <a href="/">Events</a> › story {s.id}
      </p>
      <T as="h1" text={s.title} />
      <p class="meta">
        {plural(s.events.length, 'event')}, {dateSpan(s.firstDate, s.lastDate)}
      </p>
      <TimelineChart story={s} />
      <ol class="story-events">
        {s.events.map((e) => (
          <li key={e.id} data-id={e.id}>
            <span class="dates">{dateSpan(e.firstDate, e.lastDate)}</span>{' '}
            <a href={`/events/${e.id}`}>
              <T text={e.title} lang={e.titleLang} />
            </a>
            <div class="meta">
              <TypeTag type={e.type?.type ?? null} cue={e.type?.cue} />
              <span class="count">{plural(e.articleCount, 'report')}</span>
              <Badges langs={e.languages} />
            </div>
            {e.figures.length ? (
              <ul class="story-figures">
                {e.figures.map((f) => (
                  <li key={f.kind}>
                    {f.kind}: <strong>{range(f.min, f.max)}</strong> (
                    {plural(f.reports.length, 'report')})
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

const W = 720;
const H = 170;
const PAD = 40;
const DAY = 86_400_000;

function time(d: string | null): number | null {
  if (!d) return null;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isNaN(t) ? null : t;
}

/** Date on the x-axis; one circle per event at its first date, its area by its reports. */
function TimelineChart({ story }: { story: Timeline }) {
  const dated = story.events
    .map((e) => ({ e, t: time(e.firstDate), end: time(e.lastDate) }))
    .filter((d): d is typeof d & { t: number } => d.t !== null);
  if (dated.length === 0) return <p class="empty">No event of this story is dated.</p>;
  let lo = Math.min(...dated.map((d) => d.t));
  let hi = Math.max(...dated.map((d) => d.end ?? d.t));
  if (hi - lo < 2 * DAY) {
    lo -= DAY;
    hi += DAY;
  }
  const x = (t: number) => PAD + ((t - lo) / (hi - lo)) * (W - 2 * PAD);
  const most = Math.max(...dated.map((d) => d.e.articleCount));
  const r = (n: number) => 5 + 17 * Math.sqrt(n / most);
  const ticks = monthTicks(lo, hi);
  const axisY = H - 30;
  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Timeline from ${new Date(lo).toISOString().slice(0, 10)} to ${new Date(hi).toISOString().slice(0, 10)}`}
    >
      <line class="axis" x1={PAD} x2={W - PAD} y1={axisY} y2={axisY} />
      {ticks.map((t) => (
        <g class="tick" key={t.t} transform={`translate(${x(t.t).toFixed(1)},${axisY})`}>
          <line y2={5} />
          <text y={18} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      {dated.map(({ e, t, end }, i) => {
        const cy = axisY - 40 - (i % 2) * 36;
        return (
          <a href={`/events/${e.id}`} key={e.id} class="mark" data-id={e.id}>
            {end !== null && end > t ? (
              <line class="span" x1={x(t)} x2={x(end)} y1={cy} y2={cy} />
            ) : null}
            <circle cx={x(t)} cy={cy} r={r(e.articleCount)}>
              <title>
                {e.firstDate}: {e.title} ({plural(e.articleCount, 'report')})
              </title>
            </circle>
            <text x={x(t)} y={cy + 4} text-anchor="middle" class="mark-label">
              {e.articleCount}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

/** Month starts between lo and hi (every few months on long spans), or day ticks on short ones. */
function monthTicks(lo: number, hi: number): { t: number; label: string }[] {
  const span = hi - lo;
  if (span <= 45 * DAY) {
    const step = Math.max(1, Math.ceil(span / DAY / 6));
    const out: { t: number; label: string }[] = [];
    for (let t = Math.ceil(lo / DAY) * DAY; t <= hi; t += step * DAY) {
      out.push({ t, label: new Date(t).toISOString().slice(5, 10) });
    }
    return out;
  }
  const months = span / (30 * DAY);
  const every = months > 36 ? 12 : months > 12 ? 3 : 1;
  const out: { t: number; label: string }[] = [];
  const d = new Date(lo);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y += 1;
      m -= 12;
    }
    const t = Date.UTC(y, m, 1);
    if (t > hi) break;
    if (m % every === 0) out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
    m += 1;
  }
  return out;
}
