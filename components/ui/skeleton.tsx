/**
 * Where content is on its way (a streamed part of a page): grey blocks in its rough shape, so the
 * page does not jump when it arrives, announced once as loading. Shimmers unless the reader asked
 * for less motion.
 */
export function Skeleton(props: {
  label: string;
  /** The blocks to draw, each a height in rem; one panel each. */
  blocks: readonly number[];
  /** Small cards in a row before the blocks (a dashboard's headline figures). */
  cards?: number;
}) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{props.label}</span>
      {props.cards ? (
        <div className="skeleton-cards" aria-hidden="true">
          {Array.from({ length: props.cards }, (_, i) => (
            <div key={i} className="skeleton-block" style={{ height: "5.5rem" }} />
          ))}
        </div>
      ) : null}
      {props.blocks.map((height, i) => (
        <div
          key={i}
          className="skeleton-block"
          style={{ height: `${height}rem` }}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
