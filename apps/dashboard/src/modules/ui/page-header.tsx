import { useEffect, type ReactNode } from 'react';

/** A page's one h1; also sets the document title so screen readers announce the page change. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Parallax`;
  }, [title]);
  return (
    <header className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </header>
  );
}
