package cn.xinning.villagereturns.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The report a county leader reads: one self-contained HTML file per period (the data
 * queries are in {@link HtmlReportQueries}, the drawing in {@link HtmlReportRenderer}).
 */
@Component
public class HtmlReport {

	/**
	 * ECharts from the {@code org.webjars.npm:echarts} jar, inlined so the report needs
	 * no network.
	 */
	static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	private final HtmlReportQueries queries;

	private volatile String chartLibrary;

	private final IssueLadderHtml issueLadder;

	HtmlReport(HtmlReportQueries queries, IssueLadderHtml issueLadder) {
		this.queries = queries;
		this.issueLadder = issueLadder;
	}

	/** The file name of a period's report, {@code village-returns-2026-02.html}. */
	public static String fileName(YearMonth period) {
		return "village-returns-" + period + ".html";
	}

	public void write(YearMonth period, OutputStream out) throws IOException {
		HtmlReportModel model = this.queries.load(period);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		new HtmlReportRenderer(chartLibrary()).render(model, this.issueLadder.section(period), writer);
		writer.flush();
	}

	private String chartLibrary() {
		String library = this.chartLibrary;
		if (library == null) {
			try (InputStream in = new ClassPathResource(ECHARTS, HtmlReport.class.getClassLoader()).getInputStream()) {
				library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The chart library " + ECHARTS + " is not on the classpath", ex);
			}
			if (library.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
				throw new IllegalStateException(ECHARTS + " cannot be inlined: it contains </script>");
			}
			this.chartLibrary = library;
		}
		return library;
	}

}
