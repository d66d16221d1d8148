/** Completeness as a small bar and a percentage. */
export function ProgressBar({ ratio, testId }: { ratio: number; testId?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  return (
    <span className="progress" data-testid={testId} title={`${percent}\u00a0% des parties complètes`}>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="progress-label">{percent}&nbsp;%</span>
    </span>
  );
}
