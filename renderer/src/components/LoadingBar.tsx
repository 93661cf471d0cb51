/** WhatsApp's own loading screen, as a bar: shown while the chats load after linking or a restart. */
export function LoadingBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="loading-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={label} data-testid="wa-progress">
      <div className="loading-bar__fill" style={{ width: `${value}%` }} />
      <span className="loading-bar__text">{label}</span>
    </div>
  );
}
