/** Text shared by every sheet, from the template: shown, not edited here. */
export function StandardText({ paragraphs, testId }: { paragraphs: readonly string[]; testId: string }) {
  return (
    <div className="standard-text" data-testid={testId}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
