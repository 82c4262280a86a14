// A self-contained HTML report (inline CSS and SVG, nothing external): a grouped bar chart of the ratio metrics
// per system, the overall table and the per-tag table. hono/jsx escapes every interpolated string.
import { formatMetric, METRIC_COLUMNS, type EvalReport, type MetricColumn } from './report.js';

const PALETTE = ['#8b1e2d', '#1f3a5f', '#6b7f99', '#c28f2c'];
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #1d1d1f; }
h1 { color: #8b1e2d; font-size: 1.6rem; } h2 { color: #1f3a5f; font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #dde; padding: 0.3rem 0.55rem; text-align: right; white-space: nowrap; }
th.name, td.name { text-align: left; }
thead th { background: #f3f4f7; position: sticky; top: 0; }
tr.first td { border-top: 2px solid #c9cbd6; }
.legend span { display: inline-block; margin-right: 1.2rem; } .legend i { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.35rem; vertical-align: -2px; }
.scroll { overflow-x: auto; } .muted { color: #5a5f6b; font-size: 0.9rem; }
`;

const RATIO_COLUMNS = METRIC_COLUMNS.filter((column) => column.unit === 'ratio');

function BarChart({ report }: { report: EvalReport }) {
  const systems = report.systems;
  const bar = 18;
  // Wide enough for the metric label under the group even with a single system.
  const groupWidth = Math.max(systems.length * bar + 22, 64);
  const groupGap = groupWidth - systems.length * bar;
  const left = 40;
  const top = 12;
  const plotHeight = 220;
  const width = left + RATIO_COLUMNS.length * groupWidth + 10;
  const height = top + plotHeight + 40;
  const y = (value: number) => top + plotHeight - value * plotHeight;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Ratio metrics per system">
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g>
          <line x1={left} x2={width - 10} y1={y(tick)} y2={y(tick)} stroke="#e2e4ea" />
          <text x={left - 6} y={y(tick) + 4} font-size="10" text-anchor="end" fill="#5a5f6b">
            {tick.toFixed(2)}
          </text>
        </g>
      ))}
      {RATIO_COLUMNS.map((column, group) => {
        const x0 = left + group * groupWidth + groupGap / 2;
        return (
          <g>
            {systems.map((system, index) => {
              const value = system.overall[column.key];
              return value === null ? null : (
                <rect x={x0 + index * bar} y={y(value)} width={bar - 2} height={Math.max(0, plotHeight - (y(value) - top))} fill={PALETTE[index % PALETTE.length]}>
                  <title>{`${system.name} · ${column.label}: ${formatMetric(value, column.unit)}`}</title>
                </rect>
              );
            })}
            <text x={x0 + (systems.length * bar) / 2} y={top + plotHeight + 16} font-size="11" text-anchor="middle" fill="#1d1d1f">
              {column.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const MetricHeaders = ({ columns }: { columns: readonly MetricColumn[] }) => (
  <>
    {columns.map((column) => (
      <th title={column.title}>{column.label}</th>
    ))}
  </>
);

function ReportPage({ report }: { report: EvalReport }) {
  const tags = report.systems[0]?.byTag.map((entry) => entry.tag) ?? [];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Hỏi đáp Kế hoạch — evaluation report</title>
        {/* A constant, not data: safe to inline unescaped (CSS in <style> is not entity-decoded). */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <h1>Evaluation report</h1>
        <p class="muted">
          Generated {report.generatedAt}: {report.title}
          {report.filter ? `, only tag ${report.filter}` : ''}. Project retrieval mode: {report.mode}
          {report.modelId ? ` (model ${report.modelId})` : ''}.
        </p>
        <h2>Ratio metrics per system</h2>
        <p class="legend">
          {report.systems.map((system, index) => (
            <span>
              <i style={`background:${PALETTE[index % PALETTE.length]}`} />
              {system.name} ({system.mode})
            </span>
          ))}
        </p>
        <div class="scroll">
          <BarChart report={report} />
        </div>
        <h2>Overall</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th class="name">system</th>
                <th>n</th>
                <MetricHeaders columns={METRIC_COLUMNS} />
              </tr>
            </thead>
            <tbody>
              {report.systems.map((system) => (
                <tr>
                  <td class="name">{system.name}</td>
                  <td>{system.overall.questions}</td>
                  {METRIC_COLUMNS.map((column) => (
                    <td>{formatMetric(system.overall[column.key], column.unit)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>By tag</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th class="name">tag</th>
                <th class="name">system</th>
                <th>n</th>
                <MetricHeaders columns={METRIC_COLUMNS} />
              </tr>
            </thead>
            <tbody>
              {tags.flatMap((tag) =>
                report.systems.map((system, index) => {
                  const metrics = system.byTag.find((entry) => entry.tag === tag)?.metrics;
                  return metrics ? (
                    <tr class={index === 0 ? 'first' : undefined}>
                      <td class="name">{index === 0 ? tag : ''}</td>
                      <td class="name">{system.name}</td>
                      <td>{metrics.questions}</td>
                      {METRIC_COLUMNS.map((column) => (
                        <td>{formatMetric(metrics[column.key], column.unit)}</td>
                      ))}
                    </tr>
                  ) : null;
                }),
              )}
            </tbody>
          </table>
        </div>
        <p class="muted">Metric definitions: eval/README.md.</p>
      </body>
    </html>
  );
}

export const renderHtml = (report: EvalReport): string => `<!doctype html>\n${(<ReportPage report={report} />).toString()}`;
