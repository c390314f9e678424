package cn.xinning.villagereturns.reporting;

/** The report's style sheet, inlined so the page is one file (screen and print). */
final class HtmlReportStyle {

	static final String CSS = """
			:root { --ink: #1f2933; --muted: #6b7280; --line: #d9dee5; --head: #eef2f7; --accent: #b91c1c;
				--warn-bg: #fff4d6; --warn: #8a5a00; --bad-bg: #fde2e1; --bad: #b91c1c; --ok: #166534; }
			* { box-sizing: border-box; }
			body { margin: 0; background: #f5f6f8; color: var(--ink);
				font: 14px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
			main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
			header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; padding-bottom: 10px; }
			h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: 1px; }
			h2 { font-size: 18px; margin: 28px 0 10px; padding-left: 10px; border-left: 4px solid var(--accent); }
			h2.county-name { border: 0; padding: 0; font-size: 22px; margin-top: 36px; }
			h2 small, .unit, .en { color: var(--muted); font-weight: normal; }
			.en { font-size: 12px; }
			.subtitle { margin: 0; color: var(--muted); }
			.legend, .note, footer { color: var(--muted); font-size: 12.5px; }
			.cards { display: flex; gap: 14px; flex-wrap: wrap; margin: 8px 0 4px; }
			.card { flex: 1 1 180px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
			.card-label { color: var(--muted); font-size: 13px; }
			.card-value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
			.card.warn .card-value { color: var(--warn); }
			.card.bad .card-value { color: var(--bad); }
			table.data { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
			table.data caption { text-align: left; color: var(--muted); font-size: 12.5px; padding: 2px 0; }
			table.data th, table.data td { border: 1px solid var(--line); padding: 5px 8px; vertical-align: middle; }
			table.data thead th { background: var(--head); font-weight: 600; text-align: center; font-size: 13px; }
			table.data tbody tr:nth-child(even) { background: #fafbfc; }
			table.data tr.total { background: #f3f4f6; font-weight: 600; }
			table.data th.name, table.data td.name { text-align: left; white-space: nowrap; }
			table.data tbody th { font-weight: normal; background: inherit; }
			table.data tr.total th { font-weight: 600; }
			td.num, td.fig, td.pct { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
			td.seq, td.unit, td.kind, td.cov { text-align: center; color: var(--muted); white-space: nowrap; }
			td.cov.partial, td.fig.partial .cov { color: var(--warn); font-weight: 600; }
			td.na, td.fig.na b { color: #9ca3af; font-weight: normal; }
			td.fig b { display: block; font-weight: 600; }
			td.fig .cov { display: block; font-size: 11.5px; color: var(--muted); }
			td.fig.partial { background: #fffbeb; }
			thead th .unit { display: block; font-size: 11.5px; }
			td.pct.warn { background: var(--warn-bg); color: var(--warn); font-weight: 600; }
			td.pct.bad { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
			td.pct.ok { color: var(--ok); }
			td.missing, th.missing { text-align: left; font-size: 12.5px; color: var(--muted); }
			.scroll { overflow-x: auto; }
			.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
			.chart-card { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px 4px; }
			.chart-card figcaption { font-size: 13px; font-weight: 600; }
			.chart-card figcaption .unit { margin-left: 4px; font-size: 12px; }
			.chart { width: 100%; height: 170px; }
			footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; }
			@media print {
				body { background: #fff; }
				main { max-width: none; padding: 0; }
				h2 { break-after: avoid; }
				table.data, .chart-card { break-inside: avoid; }
				.scroll { overflow: visible; }
			}
			""";

	private HtmlReportStyle() {
	}

}
