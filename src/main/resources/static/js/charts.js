/*
 * Trend charts of the console (fragment fragments/charts :: trend). The content security policy
 * allows no inline script, so this file draws every element with data-chart="trend" from the data
 * table beside it (data-table names it): one row per month with data-period, data-value (empty when
 * no village reported: a gap in the line, never 0) and data-flags (flags on the indicator that
 * month: the month is marked). The table is the only data, so what is drawn is what is read.
 */
(function () {
	'use strict';

	var FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

	function rows(table) {
		var data = { periods: [], values: [], flags: [] };
		table.querySelectorAll('tbody tr[data-period]').forEach(function (tr) {
			var value = tr.getAttribute('data-value');
			data.periods.push(tr.getAttribute('data-period'));
			data.values.push(value === '' || value === null ? null : Number(value));
			data.flags.push(Number(tr.getAttribute('data-flags') || '0'));
		});
		return data;
	}

	function draw(el) {
		var table = document.getElementById(el.getAttribute('data-table'));
		if (!table || typeof echarts === 'undefined') {
			return null;
		}
		var data = rows(table);
		var flagged = data.values.map(function (value, i) {
			return data.flags[i] > 0 && value !== null ? value : null;
		});
		var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
		var chart = echarts.init(el, null, { renderer: 'canvas' });
		chart.setOption({
			animation: false,
			textStyle: { fontFamily: FONT },
			color: ['#c0392b', '#b45309'],
			grid: { left: 10, right: 18, top: 28, bottom: 8, containLabel: true },
			legend: { show: flagged.some(function (v) { return v !== null; }), right: 8, top: 0,
				data: [el.getAttribute('data-flag-label') || ''], textStyle: { fontSize: 11 } },
			tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) {
				return (v === null || v === undefined || v === '-') ? '\u2014' : String(v);
			} },
			xAxis: { type: 'category', data: data.periods, boundaryGap: false,
				axisLabel: { fontSize: 10, interval: 0, formatter: function (period, index) {
					var month = Number(period.slice(5));
					if (index === 0 || month === 1) {
						return month + '\n' + period.slice(0, 4) + (zh ? '年' : '');
					}
					return String(month);
				} } },
			yAxis: { type: 'value', splitNumber: 4, axisLabel: { fontSize: 10 } },
			series: [
				{ name: el.getAttribute('data-name') || '', type: 'line', data: data.values, connectNulls: false,
					symbol: 'circle', symbolSize: 6, lineStyle: { width: 2 } },
				{ name: el.getAttribute('data-flag-label') || '', type: 'scatter', data: flagged,
					symbol: 'triangle', symbolSize: 14, z: 3, itemStyle: { color: '#b45309' } }
			]
		});
		el.setAttribute('data-drawn', String(data.periods.length));
		return chart;
	}

	function start() {
		var charts = [];
		document.querySelectorAll('[data-chart="trend"]').forEach(function (el) {
			var chart = draw(el);
			if (chart) {
				charts.push(chart);
			}
		});
		window.addEventListener('resize', function () {
			charts.forEach(function (chart) { chart.resize(); });
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
