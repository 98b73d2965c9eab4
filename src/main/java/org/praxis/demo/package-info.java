/**
 * The demo cohort seeded when Praxis runs on its embedded database (or when
 * {@code PRAXIS_DEMO=true}): fictional people and organisations from across Northwest Washington.
 */
package org.praxis.demo;
