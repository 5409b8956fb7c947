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
}
