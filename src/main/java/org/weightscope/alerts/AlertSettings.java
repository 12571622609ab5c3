package org.weightscope.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param webhookAttempts   tries per alert before it is marked failed
 * @param webhookBackoff    wait before the second try; doubled before each further try
 * @param webhookMaxBackoff upper bound of that wait
 * @param webhookTimeout    connect and response timeout of one try
 */
@ConfigurationProperties("weightscope.alerts")
public record AlertSettings(
        @DefaultValue("5") int webhookAttempts,
        @DefaultValue("2s") Duration webhookBackoff,
        @DefaultValue("5m") Duration webhookMaxBackoff,
        @DefaultValue("10s") Duration webhookTimeout) {}
