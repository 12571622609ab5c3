package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.storage.StorageException;

/** CSV quoting, Accept negotiation and store-failure detection, without a server. */
class ApiUnitTest {

    @Test
    void csvQuotesWhatNeedsQuoting() {
        Citation c = new Citation(Instant.parse("2026-08-22T00:00:00Z"), "models", "1", "lineage", "attribution-1/r");
        String csv = new Csv(c, List.of("key", "value"))
                .row(List.of("a,b", 1.5))
                .row(List.of("say \"hi\"", 2.0))
                .row(List.of(List.of("CN", "US"), 12345678.25))
                .toString();
        assertThat(csv)
                .isEqualTo("# Source: Weightscope, as of 2026-08-22T00:00:00Z, metric models v1, view lineage,"
                        + " attribution attribution-1/r\r\nkey,value\r\n\"a,b\",1.5\r\n\"say \"\"hi\"\"\",2\r\n"
                        + "\"CN;US\",12345678.25\r\n");
    }

    @Test
    void acceptNegotiation() {
        assertThat(Params.csv(null, "text/csv")).isTrue();
        assertThat(Params.csv(null, "text/csv, application/json;q=0.5")).isTrue();
        assertThat(Params.csv(null, "application/json, text/csv;q=0.5")).isFalse();
        assertThat(Params.csv(null, "*/*")).isFalse();
        assertThat(Params.csv(null, null)).isFalse();
        assertThat(Params.csv("csv", "application/json")).isTrue();
    }

    @Test
    void storeFailuresAreRecognisedByTypeThroughTheirCauses() {
        assertThat(ApiErrors.fromStore(new StorageException("search failed", new IOException("refused"))))
                .isTrue();
        assertThat(ApiErrors.fromStore(new RuntimeException(new StorageException("get failed"))))
                .isTrue();
        // by type, not by package name or by any IOException: a client gone away is not the store
        assertThat(ApiErrors.fromStore(new RuntimeException(new IOException("reset"))))
                .isFalse();
        assertThat(ApiErrors.fromStore(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void datesOutsideTheSaneRangeAreBadParameters() {
        assertThat(Params.date("from", "1990-01-01")).isEqualTo(java.time.LocalDate.of(1990, 1, 1));
        assertThat(Params.date("to", "2100-12-31")).isEqualTo(java.time.LocalDate.of(2100, 12, 31));
        for (String day : new String[] {"+10000-01-01", "-999999999-01-01", "1989-12-31", "2101-01-01"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Params.date("from", day))
                    .isInstanceOfSatisfying(
                            BadParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("from"));
        }
    }
}
