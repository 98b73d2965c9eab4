package org.praxis;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.praxis.base.db.DatabaseCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Praxis: a self-hostable platform for communities of practice. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme("praxis")
@Push
@Meta(name = "color-scheme", content = "light")
public class PraxisApplication implements AppShellConfigurator {

    /** Starts Praxis; {@code backup <file>} and {@code restore <file>} work on its database instead. */
    public static void main(String[] args) {
        if (DatabaseCommand.handles(args)) {
            System.exit(DatabaseCommand.run(args));
        }
        SpringApplication.run(PraxisApplication.class, args);
    }
}
