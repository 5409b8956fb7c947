package dev.signet.server.mfa;

/**
 * Where the set-up pages' forms and links go, so the same pages serve setting up a first factor during sign-in and
 * adding one from "Your account".
 *
 * @param intro message key of the choose page's hint, which says why the citizen is there
 */
record SetUpPaths(String choose, String app, String phone, String code, String resend, String intro) {

    static final String MODEL_ATTRIBUTE = "paths";

    static SetUpPaths under(String choose, String intro) {
        return new SetUpPaths(choose, choose + "/app", choose + "/phone", choose + "/code", choose + "/resend", intro);
    }
}
