package cn.xinning.villagereturns.console.flags;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xinning.villagereturns.anomaly.AnomalyService;
import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.WebOnly;

/**
 * A review from the console: the same {@link AnomalyService#review} as
 * {@code anomalies review} (status, latest review, a history row per flag), limited to
 * the reviewer's township, and one audit entry per flag, in one transaction.
 */
@Service
@WebOnly
class FlagReviews {

	private final AnomalyService anomalies;

	private final Audit audit;

	FlagReviews(AnomalyService anomalies, Audit audit) {
		this.anomalies = anomalies;
		this.audit = audit;
	}

	@Transactional
	List<StoredFlag> review(List<Long> ids, String status, String note, ConsolePrincipal me, String remote) {
		List<StoredFlag> reviewed = this.anomalies.review(ids, status, note, me.username(), me.townshipLimit(),
				AnomalyService.Channel.CONSOLE);
		for (StoredFlag flag : reviewed) {
			this.audit.record(me.username(), Audit.Action.REVIEW,
					"flag " + flag.id() + " " + flag.period() + " " + flag.orgCode() + " " + flag.rule()
							+ (flag.indicator().isEmpty() ? "" : " " + flag.indicator()) + " → " + flag.status() + ": "
							+ flag.reviewNote(),
					remote);
		}
		return reviewed;
	}

}
