import { useId } from 'react';
import { LOCATION_SOURCE_LABEL, LocationSource, ROLE_LABEL, type AccountRecord } from '../../core/accounts/account';
import { formatCoordinate, formatMoney, formatNumber, formatText } from '../format';
import './ProfileCard.css';

export interface ProfileCardProps {
  record: AccountRecord;
  onClose(): void;
}

interface Field {
  label: string;
  value: string;
  note?: boolean;
}

/**
 * One account's details. Every value comes from an imported file, so all of it is rendered as
 * React text (never as HTML): a name like `<img onerror=…>` shows up as those characters.
 */
export function ProfileCard({ record: a, onClose }: ProfileCardProps) {
  const headingId = useId();
  const approximate = a.location === LocationSource.Zip3;
  const fields: Field[] = [
    { label: ROLE_LABEL.id, value: formatText(a.id) },
    { label: ROLE_LABEL.street, value: formatText(a.street) },
    { label: ROLE_LABEL.city, value: formatText(a.city) },
    { label: ROLE_LABEL.state, value: formatText(a.state) },
    { label: ROLE_LABEL.zip, value: formatText(a.zip) },
    { label: ROLE_LABEL.owner, value: formatText(a.owner) },
    { label: ROLE_LABEL.segment, value: formatText(a.segment) },
    { label: ROLE_LABEL.classification, value: formatText(a.classification) },
    { label: ROLE_LABEL.revenue, value: formatMoney(a.revenue, { compact: false }) },
    { label: ROLE_LABEL.potential, value: formatMoney(a.potential, { compact: false }) },
    { label: ROLE_LABEL.visits, value: formatNumber(a.visits, 1) },
    { label: 'Coordinates', value: `${formatCoordinate(a.lat)}, ${formatCoordinate(a.lon)}` },
    { label: 'Location source', value: LOCATION_SOURCE_LABEL[a.location] ?? '—', note: approximate },
  ];
  const extra = Object.entries(a.extra);

  return (
    <section
      className="tp-card"
      role="region"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="tp-card__header">
        <div className="tp-card__titles">
          <h2 className="tp-card__title" id={headingId}>
            {a.name.trim() || a.id || 'Unnamed account'}
          </h2>
          <p className="tp-card__subtitle">{[a.city && a.state ? `${a.city}, ${a.state}` : a.city || a.state, a.id].filter(Boolean).join(' · ')}</p>
        </div>
        <button className="tp-card__close" type="button" aria-label="Close" title="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <dl className="tp-card__fields">
        {fields.map((f) => (
          <div key={f.label} className={f.note ? 'tp-card__field is-note' : 'tp-card__field'}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {extra.length > 0 && (
        <>
          <h3 className="tp-card__section">Other columns</h3>
          <dl className="tp-card__fields">
            {extra.map(([header, value]) => (
              <div key={header} className="tp-card__field">
                <dt>{header}</dt>
                <dd>{formatText(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
