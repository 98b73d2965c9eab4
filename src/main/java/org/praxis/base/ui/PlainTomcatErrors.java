package org.praxis.base.ui;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/** Puts {@link PlainErrorValve} in the place of every error report valve Tomcat or Spring Boot would use. */
@Component
class PlainTomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final PlainErrorPage page;

    PlainTomcatErrors(PlainErrorPage page) {
        this.page = page;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            if (context.getParent() instanceof StandardHost host) {
                // so the host, when it starts, finds its error valve present and adds no other
                host.setErrorReportValveClass(PlainErrorValve.class.getName());
            }
            pipeline.addValve(new PlainErrorValve(page));
        });
    }

    /** After Spring Boot's own Tomcat customizer, whose error report valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
