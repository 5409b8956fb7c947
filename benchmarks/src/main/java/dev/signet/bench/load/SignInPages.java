package dev.signet.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a provider's sign-in pages are filled in, from the page the authorization request lands on to the redirect back
 * to the relying party, as a person without JavaScript does it.
 */
sealed interface SignInPages {

    Browser.Landing signIn(Browser browser, Browser.Landing firstPage, String email, String password)
            throws IOException, InterruptedException, FlowFailure;

    /** Signet: the email on {@code /sign-in}, then the password on {@code /sign-in/password}, each with its _csrf. */
    record Signet(URI origin) implements SignInPages {

        public Signet {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Browser.Landing signIn(Browser browser, Browser.Landing firstPage, String email, String password)
                throws IOException, InterruptedException, FlowFailure {
            Browser.Page emailPage = page(firstPage, "/sign-in");
            Browser.Page passwordPage = page(browser.postForm(origin.resolve("/sign-in"),
                    withCsrf(emailPage, "email", email)), "/sign-in/password");
            return browser.postForm(origin.resolve("/sign-in/password"), withCsrf(passwordPage, "password", password));
        }

        private static Map<String, String> withCsrf(Browser.Page page, String field, String value)
                throws FlowFailure {
            String csrf = HtmlForms.inputValue(page.body(), "_csrf")
                    .orElseThrow(() -> new FlowFailure("no _csrf field on " + page.uri().getPath()));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put(field, value);
            return form;
        }
    }

    /**
     * Keycloak: one login form ({@code id="kc-form-login"}) with username and password, posted to the action URL the
     * page gives (it carries Keycloak's session code and tab id).
     */
    record Keycloak() implements SignInPages {

        @Override
        public Browser.Landing signIn(Browser browser, Browser.Landing firstPage, String email, String password)
                throws IOException, InterruptedException, FlowFailure {
            if (!(firstPage instanceof Browser.Page page) || page.status() != 200) {
                throw new FlowFailure("expected Keycloak's login page but got " + SignInPages.describe(firstPage));
            }
            String action = HtmlForms.formAction(page.body(), "kc-form-login")
                    .orElseThrow(() -> new FlowFailure("no kc-form-login form on " + page.uri().getPath()));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", email);
            form.put("password", password);
            form.put("credentialId", "");
            return browser.postForm(page.uri().resolve(action), form);
        }
    }

    static Browser.Page page(Browser.Landing landing, String path) throws FlowFailure {
        if (landing instanceof Browser.Page page && page.status() == 200 && path.equals(page.uri().getPath())) {
            return page;
        }
        throw new FlowFailure("expected the " + path + " page but got " + describe(landing));
    }

    /** Status and path only: query strings may carry codes. */
    static String describe(Browser.Landing landing) {
        if (landing instanceof Browser.Page page) {
            return page.status() + " on " + page.uri().getPath();
        }
        URI location = ((Browser.LeftServer) landing).location();
        return "a redirect to " + location.getHost() + location.getPath();
    }
}
