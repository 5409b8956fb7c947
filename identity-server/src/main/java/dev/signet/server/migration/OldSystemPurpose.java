package dev.signet.server.migration;

/**
 * Whom the old-system pages (which old system; its user name and password) serve. The pages and the password check
 * are the same for both; where the forms post and where the citizen can go back to differ.
 */
enum OldSystemPurpose {

    /** "Sign in with an account you already have": the old account signs the citizen in (or makes their account). */
    SIGN_IN(OldAccountJourney.START, "/sign-in"),
    /** "Link another old account": a signed-in citizen adds an old account to the account they are signed in to. */
    LINK_TO_ACCOUNT(AccountLinkJourney.START, "/account");

    private final String choosePath;
    private final String exitPath;

    OldSystemPurpose(String choosePath, String exitPath) {
        this.choosePath = choosePath;
        this.exitPath = exitPath;
    }

    String choosePath() {
        return choosePath;
    }

    String signInPath() {
        return choosePath + "/sign-in";
    }

    /** Where the citizen goes to leave the journey: the Signet sign-in page, or their account page. */
    String exitPath() {
        return exitPath;
    }
}
