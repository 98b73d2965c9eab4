package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where sign-in goes next when Spring Security kept the page a signed-out visitor asked for. */
class SignInRedirectTest {

    @Test
    void the_kept_address_becomes_a_path_of_this_app_without_springs_continue_marker() {
        assertThat(SignInService.pathOf("http://localhost:8080/account/email/abc_DEF-123?continue", ""))
                .isEqualTo("account/email/abc_DEF-123");
        assertThat(SignInService.pathOf("https://praxis.example/search?q=budget&continue", ""))
                .isEqualTo("search?q=budget");
        assertThat(SignInService.pathOf("https://praxis.example/praxis/commitments/7", "/praxis"))
                .isEqualTo("commitments/7");
    }

    @Test
    void another_host_is_never_kept_and_vaadins_own_requests_are_not_pages() {
        assertThat(SignInService.pathOf("https://evil.example//evil.example/x", "")).isEqualTo("evil.example/x");
        assertThat(SignInService.pathOf("http://localhost:8080/VAADIN/build/x.js", "")).isEmpty();
        assertThat(SignInService.pathOf("http://localhost:8080/?v-r=uidl&v-uiId=0", "")).isEmpty();
        assertThat(SignInService.pathOf("not a url at all", "")).isEmpty();
    }
}
