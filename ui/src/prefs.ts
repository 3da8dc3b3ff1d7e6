import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The language the user wants titles in ('' = as clustered), kept in localStorage. */
export const UiLang = createContext('');

export const useUiLang = (): string => useContext(UiLang);

export function storedUiLang(): string {
  try {
    return localStorage.getItem('babelwire.lang') ?? '';
  } catch {
    return '';
  }
}

export function storeUiLang(lang: string): void {
  try {
    localStorage.setItem('babelwire.lang', lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
