package cn.xinning.villagereturns.generate;

/**
 * The indicator codes the generator has a model for. A county may add indicators to its
 * catalogue; those get a generic model (see {@link ValueModel}) rather than a code
 * change.
 */
final class Codes {

	static final String PAIRED_HOUSEHOLDS = "PAIRED_HOUSEHOLDS";

	static final String PAIRED_CADRES = "PAIRED_CADRES";

	static final String GRID_LEADERS_L2 = "GRID_LEADERS_L2";

	static final String GRID_LEADERS_L3 = "GRID_LEADERS_L3";

	static final String VOLUNTEER_TEAMS = "VOLUNTEER_TEAMS";

	static final String HOME_VISITS = "HOME_VISITS";

	static final String COMMUNITY_MEETINGS = "COMMUNITY_MEETINGS";

	static final String WEEKLY_CASE_MEETINGS = "WEEKLY_CASE_MEETINGS";

	static final String CONTACT_CARDS = "CONTACT_CARDS";

	static final String POLICY_BOOKLETS = "POLICY_BOOKLETS";

	static final String POLICY_CARDS = "POLICY_CARDS";

	static final String LAND_TRANSFER_MU = "LAND_TRANSFER_MU";

	static final String COLLECTIVE_PROJECTS = "COLLECTIVE_PROJECTS";

	static final String COOP_NEW_MEMBERS = "COOP_NEW_MEMBERS";

	static final String PRODUCE_SOLD_T = "PRODUCE_SOLD_T";

	static final String DISPUTES_MEDIATED = "DISPUTES_MEDIATED";

	static final String LIVELIHOOD_PROJECTS = "LIVELIHOOD_PROJECTS";

	static final String ISSUES_RAISED = "ISSUES_RAISED";

	static final String ISSUES_RESOLVED_VILLAGE = "ISSUES_RESOLVED_VILLAGE";

	static final String ISSUES_ESCALATED = "ISSUES_ESCALATED";

	private Codes() {
	}

}
