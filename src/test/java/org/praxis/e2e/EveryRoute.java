package org.praxis.e2e;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route of Praxis, in one place, with who opens it and with which ids: the small-screen walk
 * and the accessibility check visit each of them. A new {@code @Route} is one more line here;
 * {@link #missing()} names the routes of the code this list does not have yet, and the walk fails
 * on them.
 */
final class EveryRoute {

    enum Who { VISITOR, MEMBER, FACILITATOR, ADMIN }

    /** A route as its {@code @Route} says it ({@code :name} for a parameter) and who visits it. */
    record Route(String template, Set<Who> who) {

        /** The path to open, the {@code :parameters} taken from the ids. */
        String path(Map<String, ?> ids) {
            Matcher m = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                Object id = ids.get(m.group(1));
                if (id == null) {
                    throw new IllegalStateException("No id for :" + m.group(1) + " of " + template);
                }
                m.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(id)));
            }
            m.appendTail(path);
            return path.toString();
        }
    }

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)");
    private static final Set<Who> VISITOR = EnumSet.of(Who.VISITOR);
    private static final Set<Who> SIGNED_IN = EnumSet.of(Who.MEMBER, Who.FACILITATOR, Who.ADMIN);
    private static final Set<Who> COHORT = EnumSet.of(Who.MEMBER, Who.FACILITATOR);
    private static final Set<Who> FACILITATOR = EnumSet.of(Who.FACILITATOR);
    private static final Set<Who> STAFF = EnumSet.of(Who.FACILITATOR, Who.ADMIN);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /**
     * The list. Ids of the deep pages come from {@code ids} by parameter name (see
     * {@link Route#path}); query parameters may follow a {@code ?}.
     */
    static final List<Route> ROUTES = List.of(
            // signed out
            new Route("login", VISITOR),
            new Route("forgot-password", VISITOR),
            new Route("apply", VISITOR),
            new Route("setup/:token", VISITOR),
            new Route("reset-password/:token", VISITOR),
            new Route("join/:token", VISITOR),
            new Route("unsubscribe/:token", VISITOR),
            // everyone signed in
            new Route("", SIGNED_IN),
            new Route("account", SIGNED_IN),
            new Route("account/email/:token", SIGNED_IN),
            new Route("notifications", SIGNED_IN),
            new Route("reminders", SIGNED_IN),
            new Route("search?q=intake", SIGNED_IN),
            // a cohort's pages
            new Route("sessions", COHORT),
            new Route("sessions/:sessionId", COHORT),
            new Route("commons", COHORT),
            new Route("cohort-people", COHORT),
            new Route("threads/:threadId", COHORT),
            new Route("agreements", COHORT),
            new Route("library", COHORT),
            new Route("analyses/:analysisId", COHORT),
            new Route("analyses/write", COHORT),
            new Route("analyses/write?id=:analysisId", EnumSet.of(Who.MEMBER)),
            new Route("worksheets", COHORT),
            new Route("worksheets/assignments/:assignmentId", COHORT),
            new Route("worksheets/responses/:responseId", EnumSet.of(Who.MEMBER)),
            new Route("commitments", COHORT),
            new Route("commitments/:commitmentId", COHORT),
            new Route("board", COHORT),
            new Route("consultations", COHORT),
            new Route("consultations/new", COHORT),
            new Route("consultations/:consultationId", COHORT),
            new Route("notes", COHORT),
            new Route("notes/network", SIGNED_IN),
            new Route("notes/:noteId", COHORT),
            new Route("notes/write", COHORT),
            new Route("notes/write?id=:noteId", EnumSet.of(Who.MEMBER)),
            // facilitators
            new Route("people", STAFF),
            new Route("reports", STAFF),
            new Route("worksheets/templates", STAFF),
            new Route("worksheets/templates/edit", FACILITATOR),
            new Route("worksheets/templates/edit?id=:templateId", FACILITATOR),
            new Route("applications", FACILITATOR),
            new Route("applications/:applicationId", FACILITATOR),
            new Route("composition", FACILITATOR),
            new Route("obstacles", FACILITATOR),
            new Route("cohort-report", STAFF),
            new Route("notes/queue", FACILITATOR),
            new Route("admin/cohorts/:cohortId", STAFF),
            // admins
            new Route("admin/cohorts", ADMIN),
            new Route("admin/cohorts/new", ADMIN),
            new Route("admin/search", ADMIN),
            new Route("admin/mail", ADMIN));

    private EveryRoute() {
    }

    /** The routes of the code ({@code @Route} values, their id patterns left out) that {@link #ROUTES} lacks. */
    static Set<String> missing() {
        Set<String> listed = new TreeSet<>();
        ROUTES.forEach(r -> listed.add(r.template().replaceAll("\\?.*", "")));
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(com.vaadin.flow.router.Route.class));
        Set<String> missing = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.praxis")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                String value = view.getAnnotation(com.vaadin.flow.router.Route.class).value();
                String template = value.replaceAll("\\(.*?\\)", "");
                if (!listed.contains(template)) {
                    missing.add(template + " (" + view.getSimpleName() + ")");
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return missing;
    }
}
