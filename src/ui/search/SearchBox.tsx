import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ZipLookup } from '../../core/geo/zip-lookup';
import { search, type SearchHit, type SearchHitKind, type SearchIndex } from '../../core/query/search-index';
import { useDebouncedValue } from './useDebouncedValue';
import './SearchBox.css';

export interface SearchBoxProps {
  /** null while the index is being built; the box still takes input */
  index: SearchIndex | null;
  /** the index is being built (rather than not asked for yet) */
  indexing?: boolean;
  onPick(hit: SearchHit): void;
  /** offline ZIP table, so ZIPs without accounts can be found too */
  zips?: ZipLookup;
  limit?: number;
  /** wait after the last keystroke before searching */
  debounceMs?: number;
}

function runSearch(index: SearchIndex | null, q: string, limit: number, zips?: ZipLookup): SearchHit[] {
  return index && q.trim() ? search(index, q, limit, { zips }) : [];
}

const KIND_LABEL: Record<SearchHitKind, string> = { account: 'Account', zip: 'ZIP', city: 'City' };

/** A combobox (ARIA 1.2 pattern) over accounts, ZIP codes and cities. */
export function SearchBox({ index, indexing = true, onPick, zips, limit = 8, debounceMs = 150 }: SearchBoxProps) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const settled = useDebouncedValue(query, debounceMs);
  const run = (q: string) => runSearch(index, q, limit, zips);
  const hits = useMemo(() => runSearch(index, settled, limit, zips), [index, settled, limit, zips]);
  const expanded = open && hits.length > 0;

  useEffect(() => setActive(-1), [hits]);

  const pick = (hit: SearchHit) => {
    setQuery(hit.label);
    setOpen(false);
    setActive(-1);
    onPick(hit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (hits.length) setActive((a) => (a + 1) % hits.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (hits.length) setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
        break;
      case 'Enter': {
        // Typed faster than the debounce: search now rather than pick a stale hit.
        const current = settled === query ? hits : run(query);
        const hit = active >= 0 && settled === query ? current[active] : current[0];
        if (hit) {
          e.preventDefault();
          pick(hit);
        }
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (expanded) setOpen(false);
        else setQuery('');
        setActive(-1);
        break;
    }
  };

  const optionId = (i: number) => `${baseId}-opt-${i}`;
  const noMatch = open && !!index && settled.trim() !== '' && settled === query && hits.length === 0;

  return (
    <div className="tp-search">
      <input
        className="tp-search__input"
        type="text"
        role="combobox"
        aria-label="Search accounts, ZIP or city"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={index || !indexing ? 'Search accounts, ZIP or city' : 'Search (loading…)'}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul className="tp-search__list" id={listId} role="listbox" aria-label="Search results" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}-${hit.row ?? hit.label}-${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'tp-search__option is-active' : 'tp-search__option'}
            // Keep focus in the input so the list does not close before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(hit)}
          >
            <span className={`tp-search__kind is-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
            <span className="tp-search__text">
              <span className="tp-search__label">{hit.label}</span>
              {hit.detail && <span className="tp-search__detail">{hit.detail}</span>}
            </span>
          </li>
        ))}
      </ul>
      {noMatch && (
        <p className="tp-search__empty" role="status">
          No accounts, ZIP codes or cities match.
        </p>
      )}
    </div>
  );
}
