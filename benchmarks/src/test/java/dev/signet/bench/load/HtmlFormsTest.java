package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlFormsTest {

    @Test
    void findsTheNamedInputWhateverTheAttributeOrder() {
        String html = """
                <form method="post" action="/sign-in">
                  <input type="hidden" name="other" value="no">
                  <input value='a&amp;b' type=hidden name="_csrf"/>
                  <input class="govuk-input" id="email" name="email" type="email">
                </form>""";

        assertThat(HtmlForms.inputValue(html, "_csrf")).contains("a&b");
        assertThat(HtmlForms.inputValue(html, "other")).contains("no");
    }

    @Test
    void absentInputOrValueIsEmpty() {
        String html = "<form><input name=\"email\" type=\"email\"></form>";

        assertThat(HtmlForms.inputValue(html, "_csrf")).isEmpty();
        assertThat(HtmlForms.inputValue(html, "email")).isEmpty();
    }

    @Test
    void findsTheActionOfTheFormWithTheGivenId() {
        String html = """
                <form id="search" action="/search"></form>
                <form method="post" action="https://idp.test/login-actions/authenticate?session_code=a&amp;tab_id=b"
                      id="kc-form-login" onsubmit="login.disabled = true; return true;">""";

        assertThat(HtmlForms.formAction(html, "kc-form-login"))
                .contains("https://idp.test/login-actions/authenticate?session_code=a&tab_id=b");
        assertThat(HtmlForms.formAction(html, "missing")).isEmpty();
    }
}
