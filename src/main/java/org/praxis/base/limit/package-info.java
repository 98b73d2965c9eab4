/**
 * Limits on how often one person, or one client address, may do something (post, report, react,
 * search, apply, ask for a new invitation), counted in PostgreSQL so they hold across app nodes.
 */
@Owns({"rate_limit"})
package org.praxis.base.limit;

import org.praxis.base.Owns;
