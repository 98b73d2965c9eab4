package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A block of a cohort's home that another feature contributes: the next session, new replies, the
 * library's news, worksheets, commitments, and for facilitators what needs them. The cohort feature
 * owns the page and knows none of those features (they depend on it); each implements this as a
 * Spring bean in its own {@code ui} package and reads through its own service, with the reader's
 * rights, so every access rule stays where it is. The page shows the blocks of each
 * {@link HomeContext.Group} in {@link #position()} order.
 */
public interface HomeContribution {

    /** Which part of home the block goes in. */
    HomeContext.Group group();

    /** Where the block goes within its group, lower first. */
    int position();

    /**
     * The block for the signed-in reader, who may see the cohort; empty when the block is not for
     * them at all (a facilitators' block for a member). A block with nothing to show says so
     * ({@link HomeBlock#empty}) rather than going away, so people learn where things will appear.
     */
    Optional<Component> block(HomeContext home);
}
