import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../modules/ui/page-header.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
