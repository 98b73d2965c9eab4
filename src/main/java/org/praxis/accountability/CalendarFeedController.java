package org.praxis.accountability;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves private calendar feeds to calendar apps, which cannot sign in: the unguessable address
 * is the key. A revoked address answers 410 Gone, an unknown one 404, each with a plain reason.
 */
@RestController
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeedService feeds;
    private final org.praxis.base.i18n.Messages messages;

    CalendarFeedController(CalendarFeedService feeds, org.praxis.base.i18n.Messages messages) {
        this.feeds = feeds;
        this.messages = messages;
    }

    @GetMapping("/calendar/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        CalendarFeedService.Feed feed = feeds.feed(token);
        return switch (feed.state()) {
            case ACTIVE -> ResponseEntity.ok().contentType(CALENDAR)
                    .header("Cache-Control", "private, max-age=900").body(feed.calendar());
            case REVOKED -> ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_PLAIN)
                    .body(messages.text("calendar.feed.revoked") + "\n");
            case UNKNOWN -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body(messages.text("calendar.feed.unknown") + "\n");
        };
    }
}
