package org.praxis.base.mail;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text mail over SMTP when {@code praxis.mail.host} is set. Inside a transaction the
 * mail goes after the commit, so a rolled-back change sends nothing; a failure to send is logged
 * and never undoes the change (the screen offers another way, such as a link to copy).
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;

    Mailer(MailProperties properties) {
        this.properties = properties;
        this.sender = new JavaMailSenderImpl();
        if (properties.configured()) {
            sender.setHost(properties.host());
            sender.setPort(properties.port());
            if (properties.username() != null && !properties.username().isBlank()) {
                sender.setUsername(properties.username());
                sender.setPassword(properties.password());
            }
            Properties smtp = sender.getJavaMailProperties();
            smtp.put("mail.smtp.auth", String.valueOf(properties.username() != null && !properties.username().isBlank()));
            smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
            smtp.put("mail.smtp.connectiontimeout", "5000");
            smtp.put("mail.smtp.timeout", "10000");
            smtp.put("mail.smtp.writetimeout", "10000");
        }
    }

    public boolean configured() {
        return properties.configured();
    }

    /** The address of a page of Praxis, for a link in a message ({@code path} without a leading slash). */
    public String link(String path) {
        return properties.baseUrl() + path;
    }

    /** Sends now, or after the current transaction commits; false when there is no server. */
    public boolean send(String to, String subject, String text) {
        if (!configured()) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        Runnable deliver = () -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("Could not send mail \"{}\": {}", subject, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
        return true;
    }
}
