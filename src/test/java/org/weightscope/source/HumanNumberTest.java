package org.weightscope.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanNumberTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "6,483|6483",
                "26.7K|26700",
                "2.5M|2500000",
                "78.5K|78500",
                "18.4K|18400",
                "3,146|3146",
                "1,234,567|1234567",
                "11.1T|11100000000000",
                "4.23T|4230000000000",
                "12|12",
                "1.05B|1050000000"
            })
    void exact(String text, long value) {
        assertThat(HumanNumber.parse(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "1.5", "12,34", "2.5X", "-3", "1.23456K", "abc"})
    void rejected(String text) {
        assertThatThrownBy(() -> HumanNumber.parse(text)).isInstanceOf(NumberFormatException.class);
    }
}
