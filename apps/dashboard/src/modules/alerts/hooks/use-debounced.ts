import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` milliseconds (so a preview does not query per keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
