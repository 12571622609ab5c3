package org.weightscope.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one CSV writer: RFC 4180 quoting and formula neutralisation (OWASP CSV injection). */
class CsvWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =1+2                 | '=1+2
            +SUM(A1)             | '+SUM(A1)
            @cmd                 | '@cmd
            -2+3                 | '-2+3
            a;=HYPERLINK("x")    | a;'=HYPERLINK("x")
            CN;-1+1              | CN;'-1+1
            ok, @x               | ok, '@x
            -1.5                 | -1.5
            +3                   | +3
            Qwen/Qwen2.5-7B      | Qwen/Qwen2.5-7B
            """)
    void formulasAreNeutralised(String cell, String safe) {
        assertThat(CsvWriter.neutralise(cell)).isEqualTo(safe);
    }

    @Test
    void tabAndCarriageReturnLeadersAreNeutralised() {
        assertThat(CsvWriter.neutralise("\t=x")).startsWith("'");
        assertThat(CsvWriter.neutralise("\rcmd")).isEqualTo("'\rcmd");
    }

    @Test
    void neutralisedAndListCellsAreQuoted_restMinimal() {
        String csv = new CsvWriter("Source: test\nsecond line", List.of("a", "b"))
                .row(List.of("=1+2", "plain"))
                .row(List.of(List.of("CN", "US"), 0.25))
                .row(List.of("say \"hi\"", 12345678.0))
                .toString();
        assertThat(csv)
                .isEqualTo("# Source: test second line\r\na,b\r\n\"'=1+2\",plain\r\n\"CN;US\",0.25\r\n"
                        + "\"say \"\"hi\"\"\",12345678\r\n");
        // and it reads back with the one reader, cells intact
        assertThat(CsvReader.read(csv, ',', 10))
                .extracting(CsvReader.Record::fields)
                .containsExactly(
                        List.of("a", "b"),
                        List.of("'=1+2", "plain"),
                        List.of("CN;US", "0.25"),
                        List.of("say \"hi\"", "12345678"));
    }
}
