package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;

import cn.xinning.villagereturns.ingest.DryRunReport;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.intake.InboxScanner;

/** What a clerk reads after a run: Chinese first, with the English word beside it. */
final class SummaryPrinter {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private SummaryPrinter() {
	}

	static void print(IngestSummary s, PrintWriter out, boolean english) {
		String status = switch (s.status()) {
			case "COMPLETED" -> english ? "completed" : "已完成 completed";
			case "FAILED" -> english ? "FAILED (restart it with: restart " + s.runId() + ")"
					: "失败 FAILED（可用 restart " + s.runId() + " 从中断处重跑）";
			case "STOPPED" -> english ? "STOPPED (restart it with: restart " + s.runId() + ")"
					: "已停止 STOPPED（可用 restart " + s.runId() + " 继续）";
			default -> s.status();
		};
		if (english) {
			out.printf("Run %d %s, business time %s%n", s.runId(), status, TIME.format(s.asOf()));
			out.printf("Files: %d (archived %d, rejected %d, duplicates %d)%n", s.files(), s.archived(), s.rejected(),
					s.duplicateFiles());
			out.printf("Returns: accepted %d, rejected %d, duplicates %d; warnings %d%n", s.returnsAccepted(),
					s.returnsRejected(), s.returnsDuplicate(), s.warnings());
			if (s.ledgerRows().total() > 0) {
				out.printf("Issue ledger rows: accepted %d, rejected %d, duplicates %d%n", s.ledgerRows().accepted(),
						s.ledgerRows().rejected(), s.ledgerRows().duplicate());
			}
			out.printf("Periods recomputed: %s%n", s.periods().isEmpty() ? "none" : String.join(", ", s.periods()));
			out.printf("Anomaly flags raised: %d%n", s.flagsRaised());
		}
		else {
			out.printf("运行 run #%d %s，业务时间 business time %s%n", s.runId(), status, TIME.format(s.asOf()));
			out.printf("文件 files：%d 个（归档 archived %d，拒收 rejected %d，重复 duplicate %d）%n", s.files(), s.archived(),
					s.rejected(), s.duplicateFiles());
			out.printf("报表 returns：接收 accepted %d，拒收 rejected %d，重复 duplicate %d；警告 warnings %d%n", s.returnsAccepted(),
					s.returnsRejected(), s.returnsDuplicate(), s.warnings());
			if (s.ledgerRows().total() > 0) {
				out.printf("问题清单 issue ledger rows：接收 accepted %d，拒收 rejected %d，重复 duplicate %d%n",
						s.ledgerRows().accepted(), s.ledgerRows().rejected(), s.ledgerRows().duplicate());
			}
			out.printf("重新计算的期别 periods recomputed：%s%n",
					s.periods().isEmpty() ? "无 none" : String.join(", ", s.periods()));
			out.printf("新的异常标记 anomaly flags raised：%d%n", s.flagsRaised());
		}
		if (!s.rejectedFiles().isEmpty()) {
			out.println(english ? "Rejected files (the errors are in NAME.errors.csv beside each):"
					: "拒收的文件 rejected files（错误说明见同目录下的 文件名.errors.csv）：");
			for (IngestSummary.RejectedFile file : s.rejectedFiles()) {
				out.printf(english ? "  %s: %d errors, first: %s%n" : "  %s：%d 个错误，第一个：%s%n", file.path(),
						file.errors(), file.firstError());
			}
		}
		printSetAsideAndLeft(s, out, english);
		if (!s.completed() && !s.exitMessage().isBlank()) {
			out.println(firstLine(s.exitMessage()));
		}
		out.flush();
	}

	/**
	 * Files set aside for the administrator, and every file left in the inbox, with why.
	 */
	static void printSetAsideAndLeft(IngestSummary s, PrintWriter out, boolean english) {
		if (!s.quarantinedFiles().isEmpty()) {
			out.println(english
					? "Files set aside for the administrator (the program failed on them; NAME.reason.txt beside each, details in logs/):"
					: "隔离待管理员处理的文件 set aside（程序处理出错，不是填报格式问题；原因见同目录 文件名.reason.txt，详情见 logs/）：");
			for (IngestSummary.QuarantinedFile file : s.quarantinedFiles()) {
				out.printf(english ? "  %s: %s%n" : "  %s：%s%n", file.path(), file.reason());
			}
		}
		if (s.leftInInbox() > 0) {
			out.printf(english ? "Left in the inbox: %d files (not taken this time):%n"
					: "留在收件箱的文件 left in the inbox：%d 个（本次未处理）：%n", s.leftInInbox());
			for (InboxScanner.Leftover left : s.leftovers()) {
				out.printf(english ? "  %s: %s%n" : "  %s：%s%n", left.relativePath(),
						leftReason(left.reason(), english));
			}
			if (s.leftovers().size() < s.leftInInbox()) {
				out.printf(english ? "  ... and %d more%n" : "  ……另有 %d 个%n", s.leftInInbox() - s.leftovers().size());
			}
		}
	}

	private static String leftReason(InboxScanner.LeftReason reason, boolean english) {
		return switch (reason) {
			case BEING_WRITTEN ->
				english ? "modified in the last seconds, may still be being written: the next run takes it"
						: "刚被修改，可能仍在写入，下次运行会处理 being written";
			case HIDDEN ->
				english ? "hidden (name starts with a dot): rename it to take it" : "隐藏文件（名称以点开头），如需处理请改名 hidden";
			case TEMPORARY ->
				english ? "a download or copy in progress (.tmp, .part, .crdownload): rename it when complete"
						: "下载或复制未完成的临时文件（.tmp、.part、.crdownload），完成后请改名 temporary";
			case OFFICE_LOCK ->
				english ? "an Office lock file (~$): close the workbook" : "Office 锁文件（~$），请关闭该工作簿 Office lock";
			case SYSTEM_FILE -> english ? "a Windows system file" : "Windows 系统文件 system file";
			case SYMLINK ->
				english ? "a symbolic link: copy the file itself into the inbox" : "符号链接，请把文件本身复制到收件箱 symlink";
			case NOT_A_FILE ->
				english ? "not a regular file (a FIFO, socket or device)" : "不是普通文件（管道、套接字或设备） not a file";
		};
	}

	static void print(DryRunReport report, PrintWriter out, boolean english) {
		out.println(english ? "Dry run at business time " + TIME.format(report.asOf()) + ": nothing was changed."
				: "试运行 dry run（业务时间 " + TIME.format(report.asOf()) + "）：未做任何更改，文件仍在收件箱。");
		if (report.files().isEmpty()) {
			out.println(english ? "The inbox has no file ready." : "收件箱里没有可处理的文件。");
		}
		for (DryRunReport.FileReport file : report.files()) {
			String verdict;
			if (file.duplicateOf().isPresent()) {
				verdict = english ? "duplicate of " + file.duplicateOf().get() + ", would change nothing"
						: "与已接收的 " + file.duplicateOf().get() + " 内容相同，不会有任何更改";
			}
			else if ("LEDGER".equals(file.layout())) {
				verdict = english
						? (file.returns() - file.rejected()) + " of " + file.returns()
								+ " ledger rows would be accepted"
						: file.returns() + " 条问题记录中将接收 " + (file.returns() - file.rejected()) + " 条";
			}
			else if (file.wouldBeRejected()) {
				verdict = english ? file.rejected() + " of " + file.returns() + " returns would be rejected"
						: file.returns() + " 份报表中将拒收 " + file.rejected() + " 份";
			}
			else {
				verdict = english ? "all " + file.returns() + " returns would be accepted"
						: file.returns() + " 份报表将全部接收";
			}
			out.printf("%s [%s %s]: %s%n", file.path(), file.encoding(), file.layout(), verdict);
			for (DryRunReport.ProblemLine p : file.problems()) {
				out.printf("  %s %s %s%n", p.severity(), p.rule(), p.message());
			}
		}
		out.flush();
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
