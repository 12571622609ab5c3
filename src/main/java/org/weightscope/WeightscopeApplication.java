package org.weightscope;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Weightscope: an observatory of the open-weight AI ecosystem. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
public class WeightscopeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(WeightscopeApplication.class, args);
    }
}
