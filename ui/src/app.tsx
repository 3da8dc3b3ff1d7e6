import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { storedUiLang, storeUiLang, UiLang } from './prefs.ts';
import { EventsPage } from './pages/events.tsx';
import { EventPage } from './pages/event.tsx';
import { StoryPage } from './pages/story.tsx';
import { SearchPage } from './pages/search.tsx';
import { WatchesPage, WatchPage } from './pages/watches.tsx';
import { UI_LANGUAGES, languageName } from './format.ts';

/** The shell: header with navigation, quick search and the title language; then the page. */
export function App() {
  const [lang, setLang] = useState(storedUiLang);
  return (
    <LocationProvider>
      <UiLang.Provider value={lang}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <Header lang={lang} setLang={setLang} />
        <main id="main" tabIndex={-1}>
          <Router>
            <Route path="/" component={EventsPage} />
            <Route path="/events/:id" component={EventPage} />
            <Route path="/stories/:id" component={StoryPage} />
            <Route path="/search" component={SearchPage} />
            <Route path="/watches" component={WatchesPage} />
            <Route path="/watches/:id" component={WatchPage} />
            <Route default component={NotFound} />
          </Router>
        </main>
      </UiLang.Provider>
    </LocationProvider>
  );
}

function Header({ lang, setLang }: { lang: string; setLang: (l: string) => void }) {
  const { route } = useLocation();
  return (
    <header class="top">
      <a class="brand" href="/">
        Babelwire
      </a>
      <nav aria-label="Main">
        <a href="/">Events</a>
        <a href="/search">Search</a>
        <a href="/watches">Watches</a>
      </nav>
      <form
        class="quick"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get('q');
          if (typeof q === 'string' && q.trim()) route(`/search?q=${encodeURIComponent(q.trim())}`);
        }}
      >
        <label class="sr" for="quick-q">
          Search reports in any language
        </label>
        <input id="quick-q" name="q" type="search" placeholder="Search any language…" />
      </form>
      <label class="title-lang">
        Titles in{' '}
        <select
          value={lang}
          onChange={(e) => {
            const v = e.currentTarget.value;
            storeUiLang(v);
            setLang(v);
          }}
        >
          <option value="">as clustered</option>
          {UI_LANGUAGES.map((l) => (
            <option value={l} key={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No page here. <a href="/">Back to the events</a>.
      </p>
    </section>
  );
}
