// A server-rendered SVG bar chart. The SVG is one image with a short text alternative; the exact
// figures are always in the table rendered beside it. Drawn at its natural size (one user unit is
// one CSS pixel), so its labels are never smaller than 12 px; a chart wider than the screen
// scrolls inside its figure (.chart in app/globals.css) instead of shrinking.

/** A series of bars; the first is drawn in the primary colour, the second in the chart's second
 * (app/globals.css, light and dark). */
export interface Series {
  name: string;
  values: number[];
}

const HEIGHT = 160;
const LABEL = 36;
/** The smallest text a chart draws, in pixels. */
const TEXT = 12;

export function BarChart(props: {
  id: string;
  title: string;
  summary: string;
  labels: string[];
  series: Series[];
}) {
  const { labels, series } = props;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = Math.max(40, series.length * 14 + 10);
  const width = labels.length * groupWidth + 40;
  const barWidth = (groupWidth - 10) / series.length;
  return (
    // Focusable, so that a chart wider than the screen can be scrolled by keyboard.
    <figure className="chart" tabIndex={0} aria-labelledby={`${props.id}-title`}>
      <svg
        role="img"
        aria-labelledby={`${props.id}-title`}
        viewBox={`0 0 ${width} ${HEIGHT + LABEL}`}
        width={width}
        height={HEIGHT + LABEL}
      >
        <title id={`${props.id}-title`}>{props.summary}</title>
        <text x="0" y="12" fontSize={TEXT}>
          {max}
        </text>
        <line x1="30" y1={HEIGHT} x2={width} y2={HEIGHT} />
        {labels.map((label, i) => (
          <g key={label}>
            {series.map((s, j) => {
              const value = s.values[i] ?? 0;
              const h = (value / max) * (HEIGHT - 20);
              return (
                <rect
                  key={s.name}
                  x={34 + i * groupWidth + j * barWidth}
                  y={HEIGHT - h}
                  width={barWidth - 2}
                  height={h}
                  className={`series-${j}`}
                />
              );
            })}
            <text
              x={34 + i * groupWidth + (groupWidth - 10) / 2}
              y={HEIGHT + 16}
              fontSize={TEXT}
              textAnchor="middle"
            >
              {label}
            </text>
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <figcaption>
          {series.map((s, j) => (
            <span key={s.name}>
              <span aria-hidden="true" className={`swatch series-${j}`} />
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** Horizontal bars, for breakdowns whose labels are long (types, jurisdictions, staff). */
export function HBarChart(props: {
  id: string;
  summary: string;
  labels: string[];
  values: number[];
}) {
  const row = 24;
  const labelWidth = 220;
  const barSpace = 260;
  const max = Math.max(1, ...props.values);
  const height = props.labels.length * row + 4;
  return (
    // Focusable, so that a chart wider than the screen can be scrolled by keyboard.
    <figure className="chart" tabIndex={0} aria-labelledby={`${props.id}-title`}>
      <svg
        role="img"
        aria-labelledby={`${props.id}-title`}
        viewBox={`0 0 ${labelWidth + barSpace + 50} ${height}`}
        width={labelWidth + barSpace + 50}
        height={height}
      >
        <title id={`${props.id}-title`}>{props.summary}</title>
        {props.labels.map((label, i) => {
          const value = props.values[i] ?? 0;
          const w = (value / max) * barSpace;
          return (
            <g key={label}>
              <text x={labelWidth - 6} y={i * row + 16} fontSize={TEXT} textAnchor="end">
                {label.length > 30 ? `${label.slice(0, 29)}…` : label}
              </text>
              <rect
                x={labelWidth}
                y={i * row + 4}
                width={w}
                height={row - 8}
                className="series-0"
              />
              <text x={labelWidth + w + 4} y={i * row + 16} fontSize={TEXT}>
                {value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
