package cn.xinning.villagereturns.console.users;

/**
 * What a console user may do. Each role includes the ones below it: VIEWER reads; CLERK
 * also uploads and reviews flags; ADMIN also restarts, stops and starts runs, recomputes
 * and manages users.
 */
public enum Role {

	VIEWER, CLERK, ADMIN;

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
