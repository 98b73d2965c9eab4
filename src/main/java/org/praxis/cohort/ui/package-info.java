/** Views of a cohort: the home view with its facilitators and members. */
package org.praxis.cohort.ui;
