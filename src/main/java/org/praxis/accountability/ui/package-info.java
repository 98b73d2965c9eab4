/** Views of accountability: commitments, the cohort's board, reminders and calendar, unsubscribing. */
package org.praxis.accountability.ui;
