import { useMemo } from 'react';
import { qrMatrix, QR_QUIET_ZONE } from '../state/qr-matrix.ts';

/**
 * The link QR, drawn as SVG from the payload WhatsApp gives (no network, no canvas): black on
 * white with the quiet zone, crisp at any size. A data: image (some engines send one) is shown as is.
 */
export function QrCode({ payload, label, tooLong }: { payload: string; label: string; tooLong: string }) {
  const matrix = useMemo(() => (/^data:image\//.test(payload) ? null : qrMatrix(payload)), [payload]);
  if (/^data:image\//.test(payload)) {
    return (
      <div className="qr" data-testid="wa-qr">
        <img className="qr__img" src={payload} alt={label} />
      </div>
    );
  }
  if (!matrix) {
    return (
      <div className="qr qr--error" data-testid="wa-qr" role="alert">
        {tooLong}
      </div>
    );
  }
  const side = matrix.size + 2 * QR_QUIET_ZONE;
  return (
    <div className="qr" data-testid="wa-qr">
      <svg className="qr__svg" viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label} shapeRendering="crispEdges" data-modules={matrix.size}>
        <rect width={side} height={side} fill="#fff" />
        <path d={matrix.path} fill="#000" />
      </svg>
    </div>
  );
}
