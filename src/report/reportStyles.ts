/**
 * The report's stylesheet, inlined so the page is one self-contained file: system fonts (no
 * download), colours with enough contrast on white, print rules (no navigation, cards not
 * split across pages, colours kept).
 */
export const reportStyles = `
:root { --ink: #1d232b; --muted: #566170; --line: #d5dbe3; --paper: #ffffff; --panel: #f5f7fa;
  --accent: #2457a6; --good: #1b7a53; --warn: #a35400; --bad: #b3261e; --track: #e3e8ee; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
header.page { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0; }
h4 { font-size: 0.98rem; margin: 0; }
.meta { color: var(--muted); margin: 0; }
nav.toc { margin: 10px 0 0; font-size: 0.9rem; }
nav.toc a { color: var(--accent); margin-right: 14px; }
ul.actions a { color: var(--accent); }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; }
.status.optimal { background: #e3f2eb; color: var(--good); }
.status.infeasible { background: #fbe7e5; color: var(--bad); }
.status.feasible, .status.unknown { background: #fff4e5; color: var(--warn); }
.note { margin: 10px 0 0; padding: 6px 10px; border-left: 4px solid var(--accent); background: var(--panel); font-size: 0.9rem; }
table.facts { border-collapse: collapse; margin: 8px 0 0; }
table.facts th, table.facts td { padding: 4px 14px 4px 0; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
table.facts th { font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 0; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi dt { font-size: 0.82rem; color: var(--muted); }
.kpi dd { margin: 2px 0 0; }
.kpi-value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.kpi-detail { display: block; font-size: 0.82rem; color: var(--muted); }
.kpi.alert { border-color: var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
figure { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; display: block; font-family: inherit; }
svg .label, svg .value, svg .legend, svg .axis { font-size: 12px; fill: var(--ink); }
svg .in-bar { font-size: 12px; font-weight: 700; fill: #fff; }
svg .track { fill: var(--track); }
svg .bar { fill: var(--accent); }
svg .full .bar { fill: #173d78; }
svg .tick { stroke: #fff; stroke-width: 1.5; }
svg .min-load { stroke: var(--ink); stroke-width: 2; }
svg .axis-line { stroke: var(--muted); }
svg .seg.good { fill: var(--good); } svg .seg.warn { fill: var(--warn); } svg .seg.bad { fill: var(--bad); } svg .seg.unknown { fill: var(--muted); }
ul.actions, ul.unmatched, ul.quotas { padding-left: 20px; }
ul.actions li, ul.unmatched li, ul.quotas li { margin: 4px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px; }
.coach { border: 1px solid var(--line); border-radius: 10px; background: var(--paper); overflow: hidden; }
.coach > header { background: var(--panel); padding: 10px 14px; border-bottom: 1px solid var(--line); }
.coach .load { font-size: 0.85rem; color: var(--muted); }
.meter { height: 8px; background: var(--track); border-radius: 4px; margin-top: 6px; overflow: hidden; }
.meter > span { display: block; height: 100%; background: var(--accent); }
.coach.empty .none { padding: 10px 14px; color: var(--muted); margin: 0; }
.pair { padding: 10px 14px; border-top: 1px solid var(--line); }
.pair:first-of-type { border-top: 0; }
.pair-head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0 7px; border-radius: 9px; border: 1px solid currentColor; margin-left: 6px; font-weight: 600; }
.badge.insider { color: #5a3d99; } .badge.pioneer { color: #0f6a75; }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
.ground { margin: 6px 0; }
.ground.none { color: var(--muted); }
.flag { margin: 6px 0; padding: 4px 8px; border-left: 4px solid var(--warn); background: #fff4e5; font-size: 0.88rem; }
table.terms { width: 100%; border-collapse: collapse; font-size: 0.82rem; margin-top: 4px; }
table.terms td, table.terms th { padding: 1px 4px; text-align: left; font-weight: normal; }
table.terms td.num { text-align: right; font-variant-numeric: tabular-nums; width: 4.5em; }
table.terms td.viz { width: 38%; }
.tbar { display: block; height: 8px; border-radius: 2px; background: var(--accent); }
.tbar.neg { background: var(--bad); }
.alternatives { margin-top: 6px; font-size: 0.85rem; }
.alternatives h5 { margin: 4px 0 2px; font-size: 0.85rem; }
.alternatives ul { margin: 0; padding-left: 18px; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  .coach, figure, .kpi { break-inside: avoid; }
  .charts { grid-template-columns: 1fr; }
  a { color: inherit; text-decoration: none; }
}
`;
