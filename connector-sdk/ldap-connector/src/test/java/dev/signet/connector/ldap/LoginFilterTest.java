package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginFilterTest {

    private final LoginFilter byUid = LoginFilter.of("(&(objectClass=inetOrgPerson)(uid={login}))");

    @Test
    void metacharactersAreEscapedAsRfc4515Says() {
        assertThat(LoginFilter.escape("*")).isEqualTo("\\2a");
        assertThat(LoginFilter.escape("*)(uid=*")).isEqualTo("\\2a\\29\\28uid=\\2a");
        assertThat(LoginFilter.escape("a\\b")).isEqualTo("a\\5cb");
        assertThat(LoginFilter.escape("nul\0")).isEqualTo("nul\\00");
        assertThat(LoginFilter.escape("CORP\\dmorgan")).isEqualTo("CORP\\5cdmorgan");
        assertThat(LoginFilter.escape("siân.ŵyn@example.org")).isEqualTo("siân.ŵyn@example.org");
    }

    /** The parsed filter keeps its shape, and the login name comes back as one literal value, whatever it held. */
    @Test
    void hostileLoginNamesStayOneLiteralEqualityValue() throws Exception {
        for (String hostile : List.of("*", "*)(uid=*", ")(|(uid=*)", "admin)(&", "\\", "\\2a", "a\0b", "\0",
                "x))(objectClass=*", "(", "margaret.hughes*")) {
            Filter filter = byUid.forLogin(hostile);
            assertThat(filter.getFilterType()).isEqualTo(Filter.FILTER_TYPE_AND);
            assertThat(filter.getComponents()).hasSize(2);
            Filter uid = filter.getComponents()[1];
            assertThat(uid.getFilterType()).as("no substring or presence filter from %s", hostile)
                    .isEqualTo(Filter.FILTER_TYPE_EQUALITY);
            assertThat(uid.getAttributeName()).isEqualTo("uid");
            assertThat(uid.getAssertionValue()).isEqualTo(hostile);
        }
    }

    @Test
    void theLoginNameCanAppearMoreThanOnce() throws Exception {
        LoginFilter either = LoginFilter.of("(|(sAMAccountName={login})(userPrincipalName={login}))");
        Filter filter = either.forLogin("dm*");
        assertThat(filter.getComponents()).extracting(Filter::getAssertionValue).containsExactly("dm*", "dm*");
    }

    @Test
    void aTemplateNeedsThePlaceholderAndMustParse() {
        assertThatThrownBy(() -> LoginFilter.of("(uid=jane)")).hasMessageContaining("{login}");
        assertThatThrownBy(() -> LoginFilter.of("(uid={login}")).hasMessageContaining("not a valid LDAP filter");
    }
}
