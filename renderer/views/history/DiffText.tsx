import type { Segment } from '../../../shared/history/diff-schema.js';

const spaceNames: Record<string, string> = {
  ' ': 'espace',
  '\u00a0': 'espace insécable',
  '\u202f': 'espace fine insécable',
  '\n': 'retour à la ligne',
};

/** A change of spacing only (a no-break space put before « : ») would be invisible: it is shown as ␣. */
function Changed({ segment }: { segment: Segment }) {
  const Tag = segment.op === 'ins' ? 'ins' : 'del';
  if (/^\s+$/u.test(segment.text)) {
    const name = [...segment.text].map((char) => spaceNames[char] ?? 'espace').join(', ');
    return (
      <Tag className="diff-space" title={name} aria-label={name}>
        ␣
      </Tag>
    );
  }
  return <Tag>{segment.text}</Tag>;
}

/** Text with its insertions and deletions marked inline. */
export function DiffText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.op === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <Changed key={index} segment={segment} />
        ),
      )}
    </>
  );
}
