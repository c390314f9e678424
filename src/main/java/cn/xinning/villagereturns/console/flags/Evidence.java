package cn.xinning.villagereturns.console.flags;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.anomaly.FlagEvidence;
import cn.xinning.villagereturns.ledger.IssueHistory;
import cn.xinning.villagereturns.ledger.LedgerIssue;

/**
 * What a flag's page shows as its evidence, by rule; the template picks its table by
 * {@link #kind()}.
 */
sealed interface Evidence {

	String kind();

	/** OUTLIER_HISTORY: the village's twelve months with the median and band. */
	record History(FlagEvidence.History history) implements Evidence {

		@Override
		public String kind() {
			return "history";
		}

	}

	/** OUTLIER_PEERS: the township's villages' rates, this one marked. */
	record Peers(FlagEvidence.Peers peers) implements Evidence {

		@Override
		public String kind() {
			return "peers";
		}

	}

	/**
	 * STOCK_CHANGE, COPIED_RETURN, the warning rules: this month beside the previous one.
	 */
	record Comparison(FlagEvidence.Comparison comparison) implements Evidence {

		@Override
		public String kind() {
			return "comparison";
		}

	}

	/** MISSING_RETURN, LATE_RETURN: the due date against the first return. */
	record Reporting(FlagEvidence.Reporting reporting) implements Evidence {

		@Override
		public String kind() {
			return "reporting";
		}

	}

	/**
	 * The ladder's flags: the issue's dates against its deadlines, and every state of the
	 * issue received.
	 *
	 * @param issue the issue in force
	 * @param steps its dates, each beside its deadline
	 * @param states every accepted row of the issue, in the order received
	 */
	record Issue(LedgerIssue issue, List<Step> steps, List<IssueHistory.State> states) implements Evidence {

		@Override
		public String kind() {
			return "issue";
		}

	}

	/**
	 * One date of an issue beside its deadline.
	 *
	 * @param key message key of what the date is
	 * @param date when it happened, if it did
	 * @param deadline by when it was due, if there is a deadline
	 * @param daysLate days after the deadline, when late
	 * @param flagged the flag is about this step
	 */
	record Step(String key, Optional<LocalDate> date, Optional<LocalDate> deadline, Optional<Long> daysLate,
			boolean flagged) {
	}

	/** Nothing more to show than the flag's own numbers (the data is gone). */
	record None() implements Evidence {

		@Override
		public String kind() {
			return "none";
		}

	}

}
