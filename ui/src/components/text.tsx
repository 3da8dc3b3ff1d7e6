import type { ComponentChildren } from 'preact';
import { languageName } from '../format.ts';

/**
 * Text that comes from a report (a title, a sentence, a name): always a text node, with its
 * language and dir="auto", so Arabic or Persian runs right to left and CJK gets its fonts.
 */
export function T({
  text,
  lang,
  as: Tag = 'span',
  class: cls,
  id,
}: {
  text: string;
  lang?: string;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'q' | 'div';
  class?: string;
  id?: string;
}) {
  return (
    <Tag dir="auto" lang={lang} class={cls} id={id}>
      {text}
    </Tag>
  );
}

export function Badge({ lang }: { lang: string }) {
  return (
    <span class="badge" data-lang={lang} title={languageName(lang)}>
      {lang}
    </span>
  );
}

export function Badges({
  langs,
  label = 'Languages',
}: {
  langs: readonly string[];
  label?: string;
}) {
  return (
    <span class="badges" aria-label={`${label}: ${langs.join(', ')}`}>
      {langs.map((l) => (
        <Badge lang={l} key={l} />
      ))}
    </span>
  );
}

export function TypeTag({ type, cue }: { type: string | null | undefined; cue?: string | null }) {
  if (!type) return null;
  return (
    <span class="type" data-type={type}>
      {type}
      {cue ? <span class="cue"> (cue: {cue})</span> : null}
    </span>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Failure({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="failure" role="alert">
      {message}
    </p>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}
