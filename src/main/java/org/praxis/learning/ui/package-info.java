/** The cohort report's page: the period, a second cohort side by side, the tables and the downloads. */
package org.praxis.learning.ui;
