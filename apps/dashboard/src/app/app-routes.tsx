import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';

// Each page is its own chunk, so the first load carries only the shell and the page in view.
const SearchPage = lazy(() => import('../modules/search/components/search-page.js'));
const SourcesPage = lazy(() => import('../modules/sources/components/sources-page.js'));
const ItemPage = lazy(() => import('../modules/items/components/item-page.js'));
const StoriesPage = lazy(() => import('../modules/stories/components/stories-page.js'));
const StoryPage = lazy(() => import('../modules/stories/components/story-page.js'));
const DenialsPage = lazy(() => import('../modules/denials/components/denials-page.js'));
const ComparePage = lazy(() => import('../modules/compare/components/compare-page.js'));
const AlertsPage = lazy(() => import('../modules/alerts/components/alerts-page.js'));
const EntitiesPage = lazy(() => import('../modules/entities/components/entities-page.js'));

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <SearchPage /> },
      { path: 'sources', element: <SourcesPage /> },
      { path: 'items/:id', element: <ItemPage /> },
      { path: 'stories', element: <StoriesPage /> },
      { path: 'stories/:id', element: <StoryPage /> },
      { path: 'denials', element: <DenialsPage /> },
      { path: 'compare', element: <ComparePage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'entities', element: <EntitiesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
