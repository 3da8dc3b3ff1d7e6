import { useEffect, useState } from 'preact/hooks';
import { api, type EventItem } from './api.ts';

/**
 * Titles in the language the user picked, for the events that have a report in it: the list
 * API gives each event's clustered title, so these come from the event view (`?lang=`), a few
 * at a time, remembered for the session.
 */
const cache = new Map<string, Promise<string | null>>();

function titleIn(id: string, lang: string): Promise<string | null> {
  const key = `${id}\u0000${lang}`;
  let p = cache.get(key);
  if (!p) {
    p = api.event(id, lang).then(
      (e) => (e.titleLang === lang ? e.title : null),
      () => null,
    );
    cache.set(key, p);
  }
  return p;
}

/** id → title in `lang`, filled in as the answers come. */
export function useTitles(events: readonly EventItem[], lang: string): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>());
  const wanted = lang
    ? events.filter((e) => e.titleLang !== lang && e.languages.includes(lang)).map((e) => e.id)
    : [];
  const key = `${lang}|${wanted.join(',')}`;
  useEffect(() => {
    let live = true;
    if (!lang || wanted.length === 0) return;
    const queue = [...wanted];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const title = await titleIn(id, lang);
        if (!live || !title) continue;
        setTitles((m) => new Map(m).set(`${id}\u0000${lang}`, title));
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => {
      live = false;
    };
    // `key` stands for `lang` and `wanted`.
  }, [key]);
  const out = new Map<string, string>();
  for (const id of wanted) {
    const t = titles.get(`${id}\u0000${lang}`);
    if (t) out.set(id, t);
  }
  return out;
}
