/**
 * Limits on how often one person, or one client address, may do something (post, report, react,
 * search, apply, ask for a new invitation), counted in PostgreSQL so they hold across app nodes.
 */
package org.praxis.base.limit;
