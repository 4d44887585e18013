/**
 * Progress with its percentage in words beside the bar (the bar alone says little on a slow
 * phone connection): the platform's <progress>, named for assistive technology.
 */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress" data-testid="progress">
      <progress max={100} value={percent} aria-label={label} />
      <span aria-hidden="true">{percent}%</span>
    </div>
  );
}
