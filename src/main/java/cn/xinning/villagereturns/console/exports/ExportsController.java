package cn.xinning.villagereturns.console.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.PeriodParameter;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.HtmlReport;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * 导出 Exports: a period's CSV files (one zip), workbook and html report, written by the
 * same {@link ReportService} writers {@code report} uses and streamed to the response, so
 * a download is {@code report}'s file byte for byte. Every download goes to the audit.
 * The exports cover every village, so a clerk limited to one township may not download
 * them.
 */
@Controller
@WebOnly
class ExportsController {

	private final ReportService reports;

	private final Audit audit;

	private final VillageReturnsProperties properties;

	ExportsController(ReportService reports, Audit audit, VillageReturnsProperties properties) {
		this.reports = reports;
		this.audit = audit;
		this.properties = properties;
	}

	@GetMapping("/exports")
	String page(@RequestParam(required = false) String period, @AuthenticationPrincipal ConsolePrincipal me,
			Model model) {
		YearMonth month = PeriodParameter.parse(period).orElseGet(this::latestPeriod);
		PeriodRange range = new PeriodRange(month, month);
		model.addAttribute("period", month.toString());
		model.addAttribute("allowed", me.townshipLimit().isEmpty());
		model.addAttribute("zipName", CsvZip.fileName(month));
		model.addAttribute("xlsxName", ReportService.workbookName(range));
		model.addAttribute("htmlName", HtmlReport.fileName(month));
		model.addAttribute("csvNames", this.reports.tables().stream().map((t) -> t.fileName()).toList());
		model.addAttribute("asOf", this.reports.dataAsOf());
		return "exports/page";
	}

	@GetMapping("/exports/{period}/csv.zip")
	void csv(@PathVariable String period, @AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		YearMonth month = allowed(period, me);
		PeriodRange range = new PeriodRange(month, month);
		send(response, request, me, CsvZip.fileName(month), "application/zip",
				(out) -> CsvZip.write(this.reports, range, this.reports.dataAsOf(), out));
	}

	@GetMapping("/exports/{period}/xlsx")
	void xlsx(@PathVariable String period, @AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		YearMonth month = allowed(period, me);
		PeriodRange range = new PeriodRange(month, month);
		send(response, request, me, ReportService.workbookName(range),
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				(out) -> this.reports.writeXlsx(range, out));
	}

	@GetMapping("/exports/{period}/html")
	void html(@PathVariable String period, @AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		YearMonth month = allowed(period, me);
		send(response, request, me, HtmlReport.fileName(month), "text/html;charset=UTF-8",
				(out) -> this.reports.writeHtml(month, out));
	}

	private void send(HttpServletResponse response, HttpServletRequest request, ConsolePrincipal me, String name,
			String type, Body body) throws IOException {
		this.audit.record(me.username(), Audit.Action.EXPORT, name, request.getRemoteAddr());
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name));
		// a download is never the html page's chrome: no sniffing into another type
		response.setHeader("X-Content-Type-Options", "nosniff");
		OutputStream out = response.getOutputStream();
		body.write(out);
		out.flush();
	}

	/**
	 * {@code attachment; filename="..."; filename*=UTF-8''...}: the quoted name with
	 * anything not printable ASCII replaced for old clients, and the exact name in RFC
	 * 5987 encoding for the others.
	 */
	static String contentDisposition(String name) {
		StringBuilder ascii = new StringBuilder();
		StringBuilder encoded = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			ascii.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? c : '_');
		}
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	private YearMonth allowed(String period, ConsolePrincipal me) {
		YearMonth month = PeriodParameter.parse(period)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (me.townshipLimit().isPresent()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return month;
	}

	/**
	 * The latest month any return was received for (the month a reader wants to send on),
	 * else the latest with figures; this month before there are any.
	 */
	private YearMonth latestPeriod() {
		return this.reports.latestPeriodWithData().orElseGet(() -> YearMonth.now(this.properties.timeZone()));
	}

	@FunctionalInterface
	interface Body {

		void write(OutputStream out) throws IOException;

	}

}
