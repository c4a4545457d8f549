import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { entityLabels } from '../api/entities.api.js';

/** The interface language's ISO 639-1 code (`zh` for zh-CN). */
const baseLanguage = (lng: string): string => lng.split('-')[0] ?? lng;

/**
 * Names entities in the interface language: `label(qid, fallback)` is the gazetteer's name for the QID
 * in that language, or `fallback` (the English name the API sent) until the labels arrive or where
 * there is none. One request per language, kept for the session: the gazetteer changes rarely.
 */
export function useEntityLabels(): (qid: string, fallback: string) => string {
  const { i18n } = useTranslation();
  const lang = baseLanguage(i18n.language);
  const labels = useQuery({
    queryKey: ['entity-labels', lang],
    queryFn: () => entityLabels(lang),
    enabled: lang !== 'en',
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const map = labels.data;
  return useCallback((qid: string, fallback: string) => map?.[qid] ?? fallback, [map]);
}
