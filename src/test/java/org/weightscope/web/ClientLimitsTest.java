package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The concurrency half of the per-client limits: requests in progress per client and over all clients. */
class ClientLimitsTest {

    @Test
    void aClientMayHaveOnlyItsShareOfRequestsInProgressAndAllClientsTogetherTheirs() {
        ClientLimits limits = new ClientLimits(new HttpSettings.Limit(100, 2, 3));
        var a1 = limits.admit("a");
        var a2 = limits.admit("a");
        assertThat(a1).isInstanceOf(ClientLimits.Admitted.class);
        assertThat(a2).isInstanceOf(ClientLimits.Admitted.class);
        assertThat(limits.admit("a"))
                .isInstanceOfSatisfying(
                        ClientLimits.Refused.class,
                        r -> assertThat(r.retryAfterSeconds()).isEqualTo(1));
        var b1 = limits.admit("b");
        assertThat(b1).isInstanceOf(ClientLimits.Admitted.class);
        assertThat(limits.admit("c")).as("all three slots taken").isInstanceOf(ClientLimits.Refused.class);
        ((ClientLimits.Admitted) a1).release().run();
        assertThat(limits.admit("c")).isInstanceOf(ClientLimits.Admitted.class);
    }

    @Test
    void theRateLimitRefusesPastItsBurstAndSaysWhenToRetry() {
        ClientLimits limits = new ClientLimits(new HttpSettings.Limit(2, 10, 10));
        for (int i = 0; i < 2; i++) {
            ((ClientLimits.Admitted) limits.admit("a")).release().run();
        }
        assertThat(limits.admit("a"))
                .isInstanceOfSatisfying(
                        ClientLimits.Refused.class,
                        r -> assertThat(r.retryAfterSeconds()).isBetween(1L, 30L));
        assertThat(limits.admit("b")).as("another client has its own bucket").isInstanceOf(ClientLimits.Admitted.class);
    }
}
