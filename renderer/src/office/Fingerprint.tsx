/** A fingerprint in large type, broken between pairs only, so that it is read and compared pair by pair. */
import { Fragment } from 'react';

export function Fingerprint({ value, label }: { value: string; label?: string }) {
  const pairs = value.split(':');
  return (
    <div className="fingerprint" aria-label={label}>
      {pairs.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < pairs.length - 1 ? <>:<wbr /></> : null}
        </Fragment>
      ))}
    </div>
  );
}
