import { useTranslation } from 'react-i18next';
import { Popover } from '../../ui/popover.js';

const EXAMPLES: { syntax: string; key: string }[] = [
  { syntax: 'China Russia Olympics', key: 'words' },
  { syntax: '"fake news"', key: 'phrase' },
  { syntax: 'Olympics OR Beijing', key: 'or' },
  { syntax: '-sport', key: 'not' },
  { syntax: 'invas*', key: 'prefix' },
  { syntax: 'entity:Q148  entity:China', key: 'entity' },
  { syntax: 'outlet:"New York Times"', key: 'outlet' },
  { syntax: 'lang:zh', key: 'lang' },
  { syntax: 'kind:official', key: 'kind' },
  { syntax: '(a OR b) c', key: 'group' },
];

/** The query language explained where the query is typed (DESIGN.md, query language). */
export function QueryHelp() {
  const { t } = useTranslation();
  return (
    <Popover label={t('search.help.title')} buttonContent={<span aria-hidden="true">?</span>}>
      <h2 className="popover-title">{t('search.help.title')}</h2>
      <dl className="syntax-list">
        {EXAMPLES.map((e) => (
          <div key={e.key}>
            <dt>
              <code>{e.syntax}</code>
            </dt>
            <dd>{t(`search.help.${e.key}`)}</dd>
          </div>
        ))}
      </dl>
    </Popover>
  );
}
