package org.weightscope.source.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    @Test
    void starGroupPrefixRules() {
        RobotsTxt r = RobotsTxt.parse("User-agent: *\nDisallow: /search\nAllow: /search/public\n", "Weightscope");
        assertThat(r.allows("/search?o=newest")).isFalse();
        assertThat(r.allows("/search/public/x")).isTrue(); // longer Allow wins
        assertThat(r.allows("/library/gemma3")).isTrue();
    }

    @Test
    void ourGroupReplacesTheStarGroup() {
        String txt = """
                User-agent: *
                Disallow: /

                User-agent: weightscope
                Disallow: /private
                """;
        RobotsTxt r = RobotsTxt.parse(txt, "Weightscope");
        assertThat(r.allows("/search")).isTrue();
        assertThat(r.allows("/private/x")).isFalse();
        assertThat(RobotsTxt.parse(txt, "OtherBot").allows("/search")).isFalse();
    }

    @Test
    void wildcardsEndAnchorsCommentsAndEmptyDisallow() {
        RobotsTxt r = RobotsTxt.parse("# hi\nUser-agent: *\nDisallow: /*.json$ # no json\nDisallow:\n", "Weightscope");
        assertThat(r.allows("/api/models.json")).isFalse();
        assertThat(r.allows("/api/models.json?x=1")).isTrue();
        assertThat(r.allows("/")).isTrue();
    }

    @Test
    void sharedGroupOfSeveralAgents() {
        RobotsTxt r = RobotsTxt.parse("User-agent: GPTBot\nUser-agent: Weightscope\nDisallow: /search\n", "Weightscope");
        assertThat(r.allows("/search")).isFalse();
    }
}
