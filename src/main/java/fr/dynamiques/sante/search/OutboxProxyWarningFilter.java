package fr.dynamiques.sante.search;

import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Hides one known, harmless warning: without the Quarkus extension for outbox polling, Hibernate ORM cannot
 * build proxies for its two internal entities (Agent, OutboxEvent) and says so with a stack trace at every
 * start. Nothing uses those proxies in JVM mode. Every other message passes.
 */
@LoggingFilter(name = "outbox-proxy-warning")
public final class OutboxProxyWarningFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.contains("HHH000305")) {
            return true;
        }
        String details = message + Arrays.toString(record.getParameters());
        return !details.contains("org.hibernate.search.mapper.orm.outboxpolling");
    }
}
